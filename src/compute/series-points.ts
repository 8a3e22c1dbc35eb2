// Reading a series up to the as-of date: only points whose period ends on or before it count.
import type { IsoDate } from '../spec/values.ts';
import type { Series, SeriesPoint, SeriesSet } from '../metrics/types.ts';
import { seriesKey } from '../metrics/types.ts';
import { fromDayNumber, toDayNumber } from '../util/dates.ts';

/** Index of the last point dated on or before `day`, or -1 (binary search: days ascend). */
export function lastIndexOnOrBefore(series: Series, day: number): number {
  let low = 0;
  let high = series.days.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (series.days[middle]! <= day) low = middle + 1;
    else high = middle;
  }
  return low - 1;
}

export function pointsUpTo(series: Series, asOf: IsoDate): SeriesPoint[] {
  const last = lastIndexOnOrBefore(series, toDayNumber(asOf));
  const points: SeriesPoint[] = [];
  for (let i = 0; i <= last; i++) {
    points.push({ date: fromDayNumber(series.days[i]!), period: series.periods[i]!, value: series.values[i]! });
  }
  return points;
}

export function seriesOfGoal(series: SeriesSet, goal: { kpi: string; scope: string }): Series | undefined {
  return series.get(seriesKey(goal.kpi, goal.scope));
}
