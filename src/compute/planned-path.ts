// The planned path of a goal (FORMAT.md section 5): piecewise linear through (start, baseline),
// each milestone in date order, and (due, target); flat at the baseline before the start and at
// the target after the due date. A maintain goal's path is flat at its target. Day counts are
// whole calendar days.
import type { DatedValue, Goal } from '../model/types.ts';
import type { IsoDate } from '../spec/values.ts';
import { toDayNumber } from '../util/dates.ts';
import { compareText } from '../util/compare-text.ts';

/** The corner points of the planned path, in date order. */
export function plannedPath(goal: Goal): DatedValue[] {
  const target = goal.target;
  if (goal.type === 'maintain') return [{ date: goal.start, value: target.value }, { ...target }];
  const start = goal.baseline ? [{ date: goal.start, value: goal.baseline.value }] : [];
  const milestones = [...goal.milestones].sort((a, b) => compareText(a.date, b.date));
  return [...start, ...milestones.map((m) => ({ ...m })), { ...target }];
}

export function plannedValueOnDay(goal: Goal, day: number): number {
  const path = plannedPath(goal);
  const first = path[0]!;
  if (day <= toDayNumber(first.date)) return first.value;
  for (let i = 1; i < path.length; i++) {
    const from = path[i - 1]!;
    const to = path[i]!;
    const fromDay = toDayNumber(from.date);
    const toDay = toDayNumber(to.date);
    if (day > toDay) continue;
    // A zero-length segment cannot pass validation; it would only divide by zero here.
    if (toDay === fromDay) return to.value;
    return from.value + ((to.value - from.value) * (day - fromDay)) / (toDay - fromDay);
  }
  return path[path.length - 1]!.value;
}

export function plannedValueAt(goal: Goal, date: IsoDate): number {
  return plannedValueOnDay(goal, toDayNumber(date));
}
