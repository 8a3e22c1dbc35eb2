// Rolled-up progress (FORMAT.md section 5): the weight-weighted mean of children's attainment,
// each clamped to 0-1; an achieved child counts 1, a child without attainment (no-data,
// not-started) counts 0 and is listed with attainment null. Used for objectives and for goals
// that have child goals but no data point of their own.
import type { Goal } from '../model/types.ts';
import { plannedValueOnDay } from './planned-path.ts';
import type { GoalFigures } from './goal-figures.ts';
import { clamp01, RATIO_EPSILON } from './meets-target.ts';
import { paceStatus } from './pace-status.ts';
import type { ChildContribution, GoalProgress } from './types.ts';
import { toDayNumber } from '../util/dates.ts';

export function contributionOf(goal: Goal, progress: GoalProgress): ChildContribution {
  const attainment =
    progress.status === 'achieved' ? 1 : progress.attainment === null ? null : clamp01(progress.attainment);
  return { id: goal.id, weight: goal.weight, attainment, status: progress.status };
}

/** Null when there are no children (or their weights sum to zero). */
export function weightedProgress(children: readonly ChildContribution[]): number | null {
  let weights = 0;
  let sum = 0;
  for (const child of children) {
    weights += child.weight;
    sum += child.weight * (child.attainment ?? 0);
  }
  return weights > 0 ? sum / weights : null;
}

/**
 * A goal rolled up from its children: reach rules 1 and 3-7 on the rolled-up progress, no-data
 * when every child is no-data. Expected comes from the goal's own planned path (1 for maintain).
 */
export function rolledUpFigures(goal: Goal, children: readonly ChildContribution[], asOfDay: number, tolerance: number): GoalFigures {
  const reach = goal.type === 'reach' && goal.baseline !== undefined;
  const planned = reach ? plannedValueOnDay(goal, asOfDay) : null;
  const b = goal.baseline?.value ?? 0;
  const expected = goal.type === 'maintain' ? 1 : planned === null ? null : (planned - b) / (goal.target.value - b);
  const figures: GoalFigures = {
    status: 'no-data',
    current: null,
    currentDate: null,
    attainment: null,
    expected: null,
    planned: null,
    forecast: null,
    forecastHits: null,
    dueValue: null,
    dueDate: null,
  };
  // Before the start the plan still stands at the baseline: expected is 0 (1 for maintain).
  if (asOfDay < toDayNumber(goal.start)) return { ...figures, status: 'not-started', planned, expected };
  if (children.every((child) => child.status === 'no-data')) return { ...figures, planned, expected };
  const progress = weightedProgress(children) ?? 0;
  const status =
    progress >= 1 - RATIO_EPSILON
      ? 'achieved'
      : asOfDay > toDayNumber(goal.target.date)
        ? 'missed'
        : expected === null
          ? 'no-data'
          : paceStatus(progress, expected, tolerance);
  return { ...figures, status, attainment: progress, expected, planned };
}
