// The cascade as a reading order: each objective's goals, each followed by its child goals,
// depth-first and sorted by id. Goals outside any objective's tree come last.
import type { Goal, Model, Objective } from './types.ts';

export interface CascadeRow {
  goal: Goal;
  /** 0 for a goal directly under an objective (or outside any), 1 for its children, ... */
  depth: number;
}

export interface CascadeGroup {
  /** Null for the goals that ladder up to no objective. */
  objective: Objective | null;
  rows: CascadeRow[];
}

export function childrenByParent(model: Model): Map<string, Goal[]> {
  const children = new Map<string, Goal[]>();
  for (const goal of model.goals) {
    if (!goal.parent) continue;
    const list = children.get(goal.parent) ?? [];
    list.push(goal);
    children.set(goal.parent, list);
  }
  return children;
}

export function cascadeGroups(model: Model): CascadeGroup[] {
  const children = childrenByParent(model);
  const placed = new Set<string>();
  const walk = (goal: Goal, depth: number, rows: CascadeRow[]) => {
    if (placed.has(goal.id)) return;
    placed.add(goal.id);
    rows.push({ goal, depth });
    for (const child of children.get(goal.id) ?? []) walk(child, depth + 1, rows);
  };
  const groups: CascadeGroup[] = model.objectives.map((objective) => {
    const rows: CascadeRow[] = [];
    for (const goal of model.goals.filter((g) => g.objective === objective.id)) walk(goal, 0, rows);
    return { objective, rows };
  });
  const rest: CascadeRow[] = [];
  for (const goal of model.goals.filter((g) => !g.parent && !placed.has(g.id))) walk(goal, 0, rest);
  // Goals whose parent chain never reaches a root (only possible with errors) still show.
  for (const goal of model.goals.filter((g) => !placed.has(g.id))) walk(goal, 0, rest);
  if (rest.length > 0) groups.push({ objective: null, rows: rest });
  return groups;
}
