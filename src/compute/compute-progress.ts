// The progress engine: every goal's and objective's figures at one as-of date (FORMAT.md
// section 5). Pure: no clock, no I/O. Goals are computed children first, since a rolled-up goal
// needs its children's attainment and roll-ups may nest. The walk down the parent tree keeps its
// own stack instead of recursing, so a cascade thousands of goals deep neither overflows the call
// stack nor costs more than one visit a goal; validation removed cycles, and a goal already on
// the stack is left out of its descendant's children so that a stray one still ends. Children of
// a goal are the goals whose `parent` names it; they are listed on every goal, rolled up or not.
import type { Goal, Model } from '../model/types.ts';
import type { IsoDate } from '../spec/values.ts';
import type { SeriesSet } from '../metrics/types.ts';
import { toDayNumber } from '../util/dates.ts';
import { goalFigures } from './goal-figures.ts';
import { contributionOf, rolledUpFigures, weightedProgress } from './rollup.ts';
import { seriesOfGoal } from './series-points.ts';
import { stalenessOf } from './stale-data.ts';
import type { ChildContribution, GoalProgress, ObjectiveProgress, ProgressReport } from './types.ts';
import { compareText } from '../util/compare-text.ts';

const byId = (a: { id: string }, b: { id: string }): number => compareText(a.id, b.id);

function groupBy(goals: readonly Goal[], key: (goal: Goal) => string | undefined): Map<string, Goal[]> {
  const groups = new Map<string, Goal[]>();
  for (const goal of goals) {
    const value = key(goal);
    if (value === undefined) continue;
    const group = groups.get(value);
    if (group) group.push(goal);
    else groups.set(value, [goal]);
  }
  return groups;
}

export function computeProgress(model: Model, series: SeriesSet, asOf: IsoDate): ProgressReport {
  const asOfDay = toDayNumber(asOf);
  const tolerance = model.workspace.tolerance / 100;
  const goals = [...model.goals].sort(byId);
  const directions = new Map(model.kpis.map((kpi) => [kpi.id, kpi.direction]));
  const childrenOf = groupBy(goals, (goal) => goal.parent);
  const done = new Map<string, GoalProgress>();
  const onStack = new Set<string>();

  const ownProgress = (goal: Goal, children: ChildContribution[]): GoalProgress => {
    const own = seriesOfGoal(series, goal);
    const direction = directions.get(goal.kpi) ?? 'increase';
    const figures = goalFigures({ goal, direction, series: own, asOfDay, tolerance });
    const rolledUp = figures.current === null && children.length > 0;
    return {
      id: goal.id,
      ...(rolledUp ? rolledUpFigures(goal, children, asOfDay, tolerance) : figures),
      stale: !rolledUp && stalenessOf(own, asOfDay) !== null,
      rolledUp,
      children,
    };
  };

  /** Computes `top` and every goal below it that is not done yet, deepest first. */
  const progressOf = (top: Goal): GoalProgress => {
    const known = done.get(top.id);
    if (known) return known;
    interface Frame {
      goal: Goal;
      children: Goal[];
      next: number;
    }
    const enter = (goal: Goal): Frame => {
      onStack.add(goal.id);
      return { goal, children: (childrenOf.get(goal.id) ?? []).filter((child) => !onStack.has(child.id)), next: 0 };
    };
    const stack: Frame[] = [enter(top)];
    while (stack.length > 0) {
      const frame = stack[stack.length - 1]!;
      const pending = frame.children[frame.next++];
      if (pending) {
        if (!done.has(pending.id) && !onStack.has(pending.id)) stack.push(enter(pending));
        continue;
      }
      const children = frame.children.flatMap((child) => {
        const progress = done.get(child.id);
        return progress ? [contributionOf(child, progress)] : [];
      });
      done.set(frame.goal.id, ownProgress(frame.goal, children));
      onStack.delete(frame.goal.id);
      stack.pop();
    }
    return done.get(top.id)!;
  };

  const goalProgress = goals.map(progressOf);
  const goalsOfObjective = groupBy(goals, (goal) => goal.objective);
  const objectives: ObjectiveProgress[] = [...model.objectives].sort(byId).map((objective) => {
    const children = (goalsOfObjective.get(objective.id) ?? []).map((goal) => contributionOf(goal, progressOf(goal)));
    return { id: objective.id, progress: weightedProgress(children), children };
  });
  return { asOf, goals: goalProgress, objectives };
}
