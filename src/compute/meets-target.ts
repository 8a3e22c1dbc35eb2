// "Meets the target" in the KPI's direction: at or above it for increase, at or below it for
// decrease. Exact comparison: values come from the user's own files, not from arithmetic.
import type { Direction } from '../spec/values.ts';

export function meetsTarget(value: number, target: number, direction: Direction): boolean {
  return direction === 'increase' ? value >= target : value <= target;
}

/** Slack for comparisons of computed ratios, so 0.4 counts as 0.5 - 0.1 despite rounding. */
export const RATIO_EPSILON = 1e-9;

export function clamp01(value: number): number {
  return value < 0 ? 0 : value > 1 ? 1 : value;
}
