// The cascade as a reading order: each objective's goals, each followed by its child goals,
// depth-first and sorted by id. Goals outside any objective's tree come last. The terminal
// table and the site's pages both read the cascade through these functions.
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

/** Child goals by parent id, each list sorted by id (the model's goals are). */
export function childrenByParent(goals: readonly Goal[]): Map<string, Goal[]> {
  const children = new Map<string, Goal[]>();
  for (const goal of goals) {
    if (!goal.parent) continue;
    const list = children.get(goal.parent) ?? [];
    list.push(goal);
    children.set(goal.parent, list);
  }
  return children;
}

/** `roots` and, depth first, every goal below them; a goal already placed is not repeated. */
export function cascadeRows(roots: readonly Goal[], childrenOf: (id: string) => readonly Goal[], placed = new Set<string>()): CascadeRow[] {
  const rows: CascadeRow[] = [];
  // A stack of its own rather than recursion: a chain of thousands of cascaded goals must not
  // overflow the call stack. Children go on in reverse so that they come off in id order.
  const stack: CascadeRow[] = [];
  for (const root of roots) {
    stack.push({ goal: root, depth: 0 });
    while (stack.length > 0) {
      const row = stack.pop()!;
      if (placed.has(row.goal.id)) continue;
      placed.add(row.goal.id);
      rows.push(row);
      const children = childrenOf(row.goal.id);
      for (let i = children.length - 1; i >= 0; i--) stack.push({ goal: children[i]!, depth: row.depth + 1 });
    }
  }
  return rows;
}

export function cascadeGroups(model: Model): CascadeGroup[] {
  const children = childrenByParent(model.goals);
  const childrenOf = (id: string) => children.get(id) ?? [];
  const placed = new Set<string>();
  const groups: CascadeGroup[] = model.objectives.map((objective) => ({
    objective,
    rows: cascadeRows(model.goals.filter((g) => g.objective === objective.id), childrenOf, placed),
  }));
  // Goals with no objective, then any whose parent chain never reaches a root.
  const rest = cascadeRows([...model.goals.filter((g) => !g.parent), ...model.goals], childrenOf, placed);
  if (rest.length > 0) groups.push({ objective: null, rows: rest });
  return groups;
}
