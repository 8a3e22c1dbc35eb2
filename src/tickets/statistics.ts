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

/** Room for the counts wholeOrderStatistics keeps (two tables of 256), to reuse across calls. */
export function selectionRoom(): Int32Array {
  return new Int32Array(512);
}

/**
 * The statistic of values[from .. to), reordering that range in place for a percentile: only
 * the two order statistics around h are needed, so they are found without sorting. Durations
 * are most often whole minutes: those are counted by their high and low byte (two passes, no
 * reordering); any other values are selected (expected linear time). Either way the result is
 * the same double as from a sorted range. `room`: see selectionRoom.
 */
export function statisticOf(values: Float64Array, from: number, to: number, code: StatisticCode, room: Int32Array = selectionRoom()): number {
  if (code === MEAN) return meanOf(values, from, to);
  const n = to - from;
  const h = ((n - 1) * code) / 100;
  const low = Math.floor(h);
  let below: number;
  let above: number;
  const pair = wholeOrderStatistics(values, from, to, low, room);
  if (pair >= 0) {
    below = pair % WHOLE_LIMIT;
    if (low + 1 >= n) return below;
    above = Math.floor(pair / WHOLE_LIMIT);
  } else {
    select(values, from, to - 1, from + low);
    below = values[from + low]!;
    if (low + 1 >= n) return below;
    // After selection everything right of `low` is ≥ it: the next order statistic is their minimum.
    above = Number.POSITIVE_INFINITY;
    for (let i = from + low + 1; i < to; i++) if (values[i]! < above) above = values[i]!;
  }
  return below + (h - low) * (above - below);
}

/** Whole values below this are counted rather than selected. */
const WHOLE_LIMIT = 65536;

/**
 * When every value of values[from .. to) is a whole number from 0 to WHOLE_LIMIT - 1 (and none
 * is -0, which selection could return as it is): the k-th and (k+1)-th smallest (0-based; the
 * latter 0 when there is none), packed as kth + WHOLE_LIMIT * next. Else -1. Counts by the
 * high byte find the k-th's high byte, counts by the low byte within it the rest.
 */
function wholeOrderStatistics(values: Float64Array, from: number, to: number, k: number, room: Int32Array): number {
  room.fill(0);
  for (let i = from; i < to; i++) {
    const value = values[i]!;
    if (!(value >= 0 && value < WHOLE_LIMIT) || (value | 0) !== value || (value === 0 && 1 / value < 0)) return -1;
    room[value >> 8]!++;
  }
  let high = 0;
  let before = 0;
  while (before + room[high]! <= k) before += room[high++]!;
  for (let i = from; i < to; i++) {
    const value = values[i]!;
    if (value >> 8 === high) room[256 + (value & 255)]!++;
  }
  let rank = k - before;
  let lowByte = 0;
  while (rank >= room[256 + lowByte]!) rank -= room[256 + lowByte++]!;
  const kth = high * 256 + lowByte;
  if (k + 1 >= to - from) return kth;
  if (rank + 1 < room[256 + lowByte]!) return kth + WHOLE_LIMIT * kth;
  let nextLow = lowByte + 1;
  while (nextLow < 256 && room[256 + nextLow] === 0) nextLow++;
  if (nextLow < 256) return kth + WHOLE_LIMIT * (high * 256 + nextLow);
  // The next value lies under a later high byte: the smallest value there.
  let nextHigh = high + 1;
  while (room[nextHigh] === 0) nextHigh++;
  let next = WHOLE_LIMIT;
  for (let i = from; i < to; i++) {
    const value = values[i]!;
    if (value >> 8 === nextHigh && value < next) next = value;
  }
  return kth + WHOLE_LIMIT * next;
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
