// The forecast of a reach goal (FORMAT.md section 5): an ordinary least-squares line of value
// against day number through the series points dated in [start, as-of], plus the baseline point
// (baseline.date, baseline value) unless one of those points already has that date, read at
// the due date. Needs two or more distinct dates. Day numbers are centred before fitting so
// that the sums stay small and exact enough.
import type { Goal } from '../model/types.ts';
import type { Series } from '../metrics/types.ts';
import { toDayNumber } from '../util/dates.ts';
import { lastIndexOnOrBefore } from './series-points.ts';

export function forecastAtDue(goal: Goal, series: Series | undefined, asOfDay: number): number | null {
  const xs: number[] = [];
  const ys: number[] = [];
  if (series) {
    const startDay = toDayNumber(goal.start);
    const last = lastIndexOnOrBefore(series, asOfDay);
    for (let i = lastIndexOnOrBefore(series, startDay - 1) + 1; i <= last; i++) {
      xs.push(series.days[i]!);
      ys.push(series.values[i]!);
    }
  }
  if (goal.baseline) {
    const baselineDay = toDayNumber(goal.baseline.date);
    if (!xs.includes(baselineDay)) {
      xs.push(baselineDay);
      ys.push(goal.baseline.value);
    }
  }
  return fitAt(xs, ys, toDayNumber(goal.target.date));
}

/** The OLS line through (xs, ys) read at x, or null with fewer than two distinct xs. */
export function fitAt(xs: readonly number[], ys: readonly number[], x: number): number | null {
  const n = xs.length;
  if (n < 2) return null;
  let meanX = 0;
  let meanY = 0;
  for (let i = 0; i < n; i++) {
    meanX += xs[i]!;
    meanY += ys[i]!;
  }
  meanX /= n;
  meanY /= n;
  let covariance = 0;
  let variance = 0;
  for (let i = 0; i < n; i++) {
    const dx = xs[i]! - meanX;
    covariance += dx * (ys[i]! - meanY);
    variance += dx * dx;
  }
  if (variance === 0) return null;
  return meanY + (covariance / variance) * (x - meanX);
}
