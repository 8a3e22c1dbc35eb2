// The statistics of TICKETS.md 7.2: the arithmetic mean, and p<NN> interpolated linearly at
// h = (n − 1) · NN / 100 between the sorted values (numpy's default, Excel's PERCENTILE.INC);
// the median is p50. Written exactly as the contract writes them, so a spreadsheet re-checking
// a point gets the same double.
import type { TicketStatistic } from './types.ts';

/** A statistic as a number: 0 for the mean, else the percentile 1-99. */
export type StatisticCode = number;

export const MEAN: StatisticCode = 0;

/** The statistic's code, or null when it is none of mean, median, p1 .. p99. */
export function statisticCode(statistic: TicketStatistic | undefined): StatisticCode | null {
  if (statistic === undefined || statistic === 'median') return 50;
  if (statistic === 'mean') return MEAN;
  const match = /^p(\d{1,2})$/.exec(statistic);
  const percent = match ? Number(match[1]) : 0;
  return percent >= 1 && percent <= 99 ? percent : null;
}

/** The mean of values[from .. to). */
export function meanOf(values: Float64Array, from: number, to: number): number {
  let sum = 0;
  for (let i = from; i < to; i++) sum += values[i]!;
  return sum / (to - from);
}

/** p<percent> of the SORTED values[from .. to). */
export function percentileOfSorted(values: Float64Array, from: number, to: number, percent: number): number {
  const h = ((to - from - 1) * percent) / 100;
  const low = Math.floor(h);
  const below = values[from + low]!;
  if (low + 1 >= to - from) return below;
  return below + (h - low) * (values[from + low + 1]! - below);
}

/** The statistic of values[from .. to), sorting that range in place when it is a percentile. */
export function statisticOf(values: Float64Array, from: number, to: number, code: StatisticCode): number {
  if (code === MEAN) return meanOf(values, from, to);
  values.subarray(from, to).sort();
  return percentileOfSorted(values, from, to, code);
}
