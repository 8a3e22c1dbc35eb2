// A KPI's `rollup` (FORMAT.md section 2, KPI): how the values of several periods make one figure,
// where the site gives one for a span of periods (a quarter's SLA adherence). Statuses never
// use it: they read single data points.
import type { Rollup } from '../spec/values.ts';

/** The values (in period order) combined by `rollup`; null without a value. */
export function combinePeriods(values: readonly number[], rollup: Rollup): number | null {
  if (values.length === 0) return null;
  switch (rollup) {
    case 'sum':
      return values.reduce((total, v) => total + v, 0);
    case 'last':
      return values[values.length - 1]!;
    case 'min':
      return Math.min(...values);
    case 'max':
      return Math.max(...values);
    case 'mean':
      return values.reduce((total, v) => total + v, 0) / values.length;
  }
}

export const ROLLUP_WORDS: Record<Rollup, string> = { mean: 'mean', sum: 'sum', last: 'latest', min: 'lowest', max: 'highest' };
