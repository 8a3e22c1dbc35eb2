// The cascade tree: each objective, its organisation-level goals, the team goals that ladder
// up to them and the personal goals below those, following `parent` links.
import type { Goal } from '../../model/types.ts';
import type { SiteContext } from './context.ts';
import { formatShare } from './format.ts';
import { levelLabel } from './goal-page.ts';
import { progressText, unassignedRoots } from './overview.ts';
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
    attainmentText: formatShare(progress?.attainment),
    children: ctx.childrenOf(goal.id).filter((child) => !seen.has(child.id)).map((child) => node(ctx, child, seen)),
  };
}

export function buildCascade(ctx: SiteContext): CascadePage {
  const seen = new Set<string>();
  const roots: CascadePage['roots'] = ctx.model.objectives.map((objective) => ({
    objective: { id: objective.id, name: objective.title, href: `objectives/${objective.id}/` },
    title: objective.title,
    progressText: progressText(ctx.progress.objectives.find((o) => o.id === objective.id)?.progress ?? null),
    goals: ctx.model.goals.filter((g) => g.objective === objective.id).map((g) => node(ctx, g, seen)),
  }));
  const orphans = unassignedRoots(ctx);
  if (orphans.length) roots.push({ objective: null, title: 'Goals under no objective', progressText: '', goals: orphans.map((g) => node(ctx, g, seen)) });
  return { roots };
}
