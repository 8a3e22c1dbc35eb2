// Reach rules 5-7 (FORMAT.md section 5): how far attainment trails what the planned path
// expects, against the workspace tolerance. The comparisons allow for rounding, so a goal
// exactly one tolerance behind is on track as the user computes it by hand.
import type { GoalStatus } from './types.ts';
import { RATIO_EPSILON } from './meets-target.ts';

export function paceStatus(attainment: number, expected: number, tolerance: number): GoalStatus {
  if (attainment >= expected - tolerance - RATIO_EPSILON) return 'on-track';
  if (attainment >= expected - 2 * tolerance - RATIO_EPSILON) return 'at-risk';
  return 'off-track';
}
