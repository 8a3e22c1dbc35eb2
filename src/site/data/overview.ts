// The overview page: counts by status, each objective with its rolled-up progress and its goal
// tree, goals under no objective, and the team and owner lists for the filters.
import type { Goal, Objective } from '../../model/types.ts';
import type { SiteContext } from './context.ts';
import { formatShare } from './format.ts';
import { goalTable, goalTree } from './goal-table.ts';
import { countStatuses } from './status.ts';
import type { ObjectiveHeading, OverviewPage, Ref } from './types.ts';

/** Goals that reach no objective through their parent chain. */
export function unassignedRoots(ctx: SiteContext): Goal[] {
  return ctx.model.goals.filter((goal) => goal.objective === undefined && (goal.parent === undefined || !ctx.goal(goal.parent)));
}

export function progressText(progress: number | null): string {
  return progress === null ? 'No goals' : formatShare(progress);
}

export function objectiveHeading(ctx: SiteContext, objective: Objective): ObjectiveHeading {
  const progress = ctx.progress.objectives.find((o) => o.id === objective.id)?.progress ?? null;
  return {
    id: objective.id,
    title: objective.title,
    why: objective.why ?? null,
    owner: { id: objective.owner, name: ctx.personName(objective.owner) },
    progress,
    progressText: progressText(progress),
  };
}

export function buildOverview(ctx: SiteContext): OverviewPage {
  const { model } = ctx;
  const objectives = model.objectives.map((objective) => {
    const roots = model.goals.filter((goal) => goal.objective === objective.id);
    return {
      ...objectiveHeading(ctx, objective),
      table: goalTable(ctx, `overview/${objective.id}`, `Goals of \u201c${objective.title}\u201d`, goalTree(ctx, roots), 'No goals serve this objective yet.'),
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
  owners.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return {
    counts: countStatuses(ctx.progress.goals.map((g) => g.status)),
    total: model.goals.length,
    staleCount: ctx.progress.goals.filter((g) => g.stale).length,
    objectives,
    unassigned: orphans.length ? goalTable(ctx, 'overview/unassigned', 'Goals under no objective', goalTree(ctx, orphans)) : null,
    teams,
    owners,
  };
}
