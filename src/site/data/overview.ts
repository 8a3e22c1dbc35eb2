// The overview page: the goals that need attention first, counts by status, each objective with
// its rolled-up progress (and where it is expected to be by now) and its goal tree, goals under
// no objective, the team and owner lists for the filters, and the decisions of reviews that
// are past their due date and still open.
import { clamp01 } from '../../compute/meets-target.ts';
import type { ObjectiveProgress } from '../../compute/types.ts';
import type { Goal, Objective } from '../../model/types.ts';
import { needsAttention } from './attention.ts';
import type { SiteContext } from './context.ts';
import { formatShare } from './format.ts';
import { goalTable, goalTree } from './goal-table.ts';
import { overdueDecisions } from './review-section.ts';
import { countStatuses } from './status.ts';
import type { ObjectiveHeading, OverviewPage, Ref } from './types.ts';
import { compareText } from '../../util/compare-text.ts';

/** Goals that reach no objective through their parent chain. */
export function unassignedRoots(ctx: SiteContext): Goal[] {
  return ctx.model.goals.filter((goal) => goal.objective === undefined && (goal.parent === undefined || !ctx.goal(goal.parent)));
}

export function progressText(progress: number | null): string {
  return progress === null ? 'No goals' : formatShare(progress);
}

/**
 * Where an objective's progress should be by now: the weight-weighted mean of its direct goals'
 * expected, each clamped to 0-1, as the progress itself is the mean of their attainment
 * (FORMAT.md section 5). A goal without an expected figure counts 0, as it does in the progress.
 */
export function objectiveExpected(ctx: SiteContext, report: ObjectiveProgress | undefined): number | null {
  if (!report || report.progress === null || report.children.length === 0) return null;
  const weight = report.children.reduce((sum, c) => sum + c.weight, 0);
  if (weight <= 0) return null;
  return report.children.reduce((sum, c) => sum + c.weight * clamp01(ctx.progressOf(c.id)?.expected ?? 0), 0) / weight;
}

export function objectiveHeading(ctx: SiteContext, objective: Objective): ObjectiveHeading {
  const report = ctx.progress.objectives.find((o) => o.id === objective.id);
  const progress = report?.progress ?? null;
  const expected = objectiveExpected(ctx, report);
  return {
    id: objective.id,
    title: objective.title,
    why: objective.why ?? null,
    owner: { id: objective.owner, name: ctx.personName(objective.owner) },
    progress,
    progressText: progressText(progress),
    expected,
    expectedText: formatShare(expected),
  };
}

export function buildOverview(ctx: SiteContext): OverviewPage {
  const { model } = ctx;
  const objectives = model.objectives.map((objective) => {
    const roots = model.goals.filter((goal) => goal.objective === objective.id);
    return {
      ...objectiveHeading(ctx, objective),
      table: goalTable(ctx, `overview/${objective.id}/goals`, `Goals of \u201c${objective.title}\u201d`, goalTree(ctx, roots), 'No goals serve this objective yet.'),
    };
  });
  const orphans = unassignedRoots(ctx);
  const teamIds = new Set<string>();
  const ownerIds = new Set<string>();
  for (const goal of model.goals) {
    for (const team of ctx.teamsOf(goal)) teamIds.add(team);
    ownerIds.add(goal.owner);
  }
  const teams: Ref[] = model.workspace.teams.filter((t) => teamIds.has(t.id)).map((t) => ({ id: t.id, name: t.name }));
  const owners: Ref[] = [...ownerIds].sort().map((id) => ({ id, name: ctx.personName(id) }));
  owners.sort((a, b) => compareText(a.name, b.name));
  return {
    counts: countStatuses(ctx.progress.goals.map((g) => g.status)),
    attention: needsAttention(ctx, model.goals, ctx.progressOf, ctx.asOf),
    total: model.goals.length,
    staleCount: ctx.progress.goals.filter((g) => g.stale).length,
    objectives,
    unassigned: orphans.length ? goalTable(ctx, 'overview/unassigned', 'Goals under no objective', goalTree(ctx, orphans)) : null,
    teams,
    owners,
    overdueDecisions: overdueDecisions(ctx),
  };
}
