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

/**
 * The statistic of values[from .. to), reordering that range in place for a percentile: only
 * the two order statistics around h are needed, so they are selected (expected linear time)
 * rather than the whole range sorted. The result is the same double as from a sorted range.
 */
export function statisticOf(values: Float64Array, from: number, to: number, code: StatisticCode): number {
  if (code === MEAN) return meanOf(values, from, to);
  const h = ((to - from - 1) * code) / 100;
  const low = Math.floor(h);
  select(values, from, to - 1, from + low);
  const below = values[from + low]!;
  if (low + 1 >= to - from) return below;
  // After selection everything right of `low` is ≥ it: the next order statistic is their minimum.
  let above = Number.POSITIVE_INFINITY;
  for (let i = from + low + 1; i < to; i++) if (values[i]! < above) above = values[i]!;
  return below + (h - low) * (above - below);
}

/**
 * Moves the k-th smallest of values[left .. right] to index k, smaller ones before it and
 * larger ones after (Hoare's selection with a three-way partition, so that runs of equal
 * values, common in whole minutes, cost one pass).
 */
function select(values: Float64Array, left: number, right: number, k: number): void {
  while (right > left) {
    // Median of three as the pivot.
    const middle = (left + right) >>> 1;
    const a = values[left]!;
    const b = values[middle]!;
    const c = values[right]!;
    const pivot = a < b ? (b < c ? b : a < c ? c : a) : a < c ? a : b < c ? c : b;
    let lt = left;
    let gt = right;
    let i = left;
    while (i <= gt) {
      const value = values[i]!;
      if (value < pivot) {
        values[i] = values[lt]!;
        values[lt++] = value;
        i++;
      } else if (value > pivot) {
        values[i] = values[gt]!;
        values[gt--] = value;
      } else i++;
    }
    if (k < lt) right = lt - 1;
    else if (k > gt) left = gt + 1;
    else return;
  }
}
