// The cascade tree: each objective, its organisation-level goals, the team goals that ladder
// up to them and the personal goals below those, following `parent` links.
import type { Goal } from '../../model/types.ts';
import type { SiteContext } from './context.ts';
import { formatShare } from './format.ts';
import { levelLabel } from './goal-page.ts';
import { objectiveExpected, progressText, unassignedRoots } from './overview.ts';
import type { CascadeNode, CascadePage } from './types.ts';

function node(ctx: SiteContext, goal: Goal, seen: Set<string>): CascadeNode {
  seen.add(goal.id);
  const level = ctx.levelOf(goal);
  const scope = goal.scope === 'org' ? '' : ctx.scopeLabel(goal.scope);
  const progress = ctx.progressOf(goal.id);
  return {
    id: goal.id,
    title: goal.title,
    status: progress?.status ?? 'no-data',
    level,
    levelLabel: scope ? `${levelLabel(level)}: ${scope}` : levelLabel(level),
    owner: ctx.personName(goal.owner),
    attainment: progress?.status === 'achieved' ? 1 : progress?.attainment ?? null,
    attainmentText: progress?.status === 'achieved' ? formatShare(1) : formatShare(progress?.attainment),
    expected: progress?.expected ?? null,
    expectedText: formatShare(progress?.expected),
    children: ctx.childrenOf(goal.id).filter((child) => !seen.has(child.id)).map((child) => node(ctx, child, seen)),
  };
}

export function buildCascade(ctx: SiteContext): CascadePage {
  const seen = new Set<string>();
  const roots: CascadePage['roots'] = ctx.model.objectives.map((objective) => {
    const report = ctx.progress.objectives.find((o) => o.id === objective.id);
    const expected = objectiveExpected(ctx, report);
    return {
      objective: { id: objective.id, name: objective.title, href: `objectives/${objective.id}/` },
      title: objective.title,
      progress: report?.progress ?? null,
      progressText: progressText(report?.progress ?? null),
      expected,
      expectedText: formatShare(expected),
      goals: ctx.model.goals.filter((g) => g.objective === objective.id).map((g) => node(ctx, g, seen)),
    };
  });
  const orphans = unassignedRoots(ctx);
  if (orphans.length) roots.push({ objective: null, title: 'Goals under no objective', progress: null, progressText: '', expected: null, expectedText: '', goals: orphans.map((g) => node(ctx, g, seen)) });
  return { roots };
}
