// The percentile kernel of the measures (see scope-grids.ts for the others): per scope and
// period, the two order statistics around h = (n - 1) * p / 100 of the cell's values. The
// tickets are first put in period order (stable, so ticket order within a period), and each
// period is worked on its own, in buffers that stay in the processor's cache. Whole values, as
// minutes mostly are, are counted rather than gathered: value by value when the values are
// small, else by high byte and then by low byte; any other value is gathered and selected.
import type { PeriodAxis } from './period-axis.ts';
import type { ScopeLists, TicketScopes } from './scopes.ts';
import { selectionRoom, statisticOf, type StatisticCode } from './statistics.ts';
import { NO_DAY } from './ticket-facts.ts';

/**
 * counts and the percentile `code` of each cell's values (key = scope * periods + period).
 * Values that are not all whole are, one period at a time, gathered per scope into a scratch
 * buffer the size of that period's cells and selected there: never all at once, however many
 * tickets there are. `order`: as long as `days`, for the period order.
 */
export function percentileGrid(days: Int32Array, values: Float64Array, axis: PeriodAxis, scopes: TicketScopes, code: StatisticCode, order: Int32Array): { counts: Int32Array; results: Float64Array } {
  const periods = axis.length;
  const scopeCount = scopes.count;
  const counts = new Int32Array(scopeCount * periods);
  const results = new Float64Array(scopeCount * periods);
  const { tickets, from: periodFrom } = ticketsByPeriod(days, axis, order);
  const largest = largestWhole(days, values);
  if (largest >= 0 && (largest + 1) * scopeCount <= MAX_VALUE_COUNTS) {
    smallPercentiles(tickets, periodFrom, values, largest + 1, scopes, code, counts, results);
    return { counts, results };
  }
  if (largest >= 0) {
    wholePercentiles(tickets, periodFrom, values, scopes, code, counts, results);
    return { counts, results };
  }
  const inScope = new Int32Array(scopeCount);
  const scopeFrom = new Int32Array(scopeCount + 1);
  const fill = new Int32Array(scopeCount);
  const { list, stride, end: listEnd } = scopes.lists();
  const room = selectionRoom();
  let scratch = new Float64Array(0);
  for (let period = 0; period < periods; period++) {
    const first = periodFrom[period]!;
    const end = periodFrom[period + 1]!;
    if (first === end) continue;
    inScope.fill(0);
    for (let i = first; i < end; i++) {
      for (let k = tickets[i]! * stride, last = k + stride; k < last; k++) {
        const scope = list[k]!;
        if (scope === listEnd) break;
        inScope[scope]!++;
      }
    }
    for (let scope = 0; scope < scopeCount; scope++) scopeFrom[scope + 1] = scopeFrom[scope]! + inScope[scope]!;
    if (scratch.length < scopeFrom[scopeCount]!) scratch = new Float64Array(Math.max(scopeFrom[scopeCount]!, 2 * scratch.length));
    fill.set(scopeFrom.subarray(0, scopeCount));
    for (let i = first; i < end; i++) {
      const t = tickets[i]!;
      const value = values[t]!;
      for (let k = t * stride, last = k + stride; k < last; k++) {
        const scope = list[k]!;
        if (scope === listEnd) break;
        scratch[fill[scope]!++] = value;
      }
    }
    for (let scope = 0; scope < scopeCount; scope++) {
      const count = inScope[scope]!;
      if (count === 0) continue;
      const key = scope * periods + period;
      counts[key] = count;
      results[key] = statisticOf(scratch, scopeFrom[scope]!, scopeFrom[scope + 1]!, code, room);
    }
  }
  return { counts, results };
}

/** Values from 0 to 65535 that are whole numbers (and not -0) are counted by byte rather than gathered and selected. */
const WHOLE_LIMIT = 65536;

/** The largest contributing value when every one is a whole number from 0 to WHOLE_LIMIT - 1 and none is -0; else -1. */
function largestWhole(days: Int32Array, values: Float64Array): number {
  let largest = 0;
  for (let t = 0; t < days.length; t++) {
    if (days[t] === NO_DAY) continue;
    const value = values[t]!;
    if (!(value >= 0 && value < WHOLE_LIMIT) || (value | 0) !== value || (value === 0 && 1 / value < 0)) return -1;
    if (value > largest) largest = value;
  }
  return largest;
}

/** Scopes x values up to this many counts (a megabyte) are counted value by value. */
const MAX_VALUE_COUNTS = 1 << 18;

/**
 * percentileGrid for whole values below `range` (a few hundred minutes, say): per period, one
 * pass counts each scope's values value by value, and each scope's two order statistics around
 * h are read off its counts. Writes counts and results as percentileGrid.
 */
function smallPercentiles(tickets: Int32Array, periodFrom: Int32Array, values: Float64Array, range: number, scopes: TicketScopes, code: StatisticCode, counts: Int32Array, results: Float64Array): void {
  const periods = periodFrom.length - 1;
  const scopeCount = scopes.count;
  const lists = scopes.lists();
  const inScope = new Int32Array(scopeCount);
  const byValue = new Int32Array(scopeCount * range);
  for (let period = 0; period < periods; period++) {
    const first = periodFrom[period]!;
    const end = periodFrom[period + 1]!;
    if (first === end) continue;
    countByValue(tickets.subarray(first, end), values, lists, inScope, byValue, range);
    for (let scope = 0; scope < scopeCount; scope++) {
      const count = inScope[scope]!;
      if (count === 0) continue;
      const row = scope * range;
      const h = ((count - 1) * code) / 100;
      const k = Math.floor(h);
      // below: the value whose counts, added up in order, first pass k.
      let below = 0;
      let upTo = byValue[row]!;
      while (upTo <= k) upTo += byValue[row + ++below]!;
      let value = below;
      if (k + 1 < count) {
        let above = below;
        if (upTo <= k + 1) {
          above = below + 1;
          while (byValue[row + above] === 0) above++;
        }
        value = below + (h - k) * (above - below);
      }
      const key = scope * periods + period;
      counts[key] = count;
      results[key] = value;
      inScope[scope] = 0;
      byValue.fill(0, row, row + range);
    }
  }
}

/**
 * percentileGrid for whole values (see allWhole), without gathering them: per period, each
 * scope counts its values by high byte; that tells in which high byte its two order statistics
 * around h lie; a second pass counts, by low byte, only the values under those high bytes, and
 * the order statistics are read off the counts. Writes counts and results as percentileGrid.
 */
function wholePercentiles(tickets: Int32Array, periodFrom: Int32Array, values: Float64Array, scopes: TicketScopes, code: StatisticCode, counts: Int32Array, results: Float64Array): void {
  const periods = periodFrom.length - 1;
  const scopeCount = scopes.count;
  const lists = scopes.lists();
  const inScope = new Int32Array(scopeCount);
  // Per scope 256 counts by high byte, and by low byte under the k-th's high byte (atK) and under the next one's when it differs (atNext).
  const byHigh = new Int32Array(scopeCount * 256);
  const atK = new Int32Array(scopeCount * 256);
  const atNext = new Int32Array(scopeCount * 256);
  /** Per scope: the high byte of the k-th value, its rank among the values there, and the next value's high byte (-1: none). */
  const kHigh = new Int32Array(scopeCount);
  const kRank = new Int32Array(scopeCount);
  const nextHigh = new Int32Array(scopeCount);
  for (let period = 0; period < periods; period++) {
    const first = periodFrom[period]!;
    const end = periodFrom[period + 1]!;
    if (first === end) continue;
    const inPeriod = tickets.subarray(first, end);
    countByValue(inPeriod, values, lists, inScope, byHigh, 256, 8);
    for (let scope = 0; scope < scopeCount; scope++) {
      const count = inScope[scope]!;
      if (count === 0) continue;
      const k = Math.floor(((count - 1) * code) / 100);
      const row = scope * 256;
      let high = 0;
      let before = 0;
      while (before + byHigh[row + high]! <= k) before += byHigh[row + high++]!;
      kHigh[scope] = high;
      kRank[scope] = k - before;
      let next = -1;
      if (k + 1 < count) {
        next = high;
        if (k + 1 - before >= byHigh[row + high]!) {
          next = high + 1;
          while (byHigh[row + next] === 0) next++;
        }
      }
      nextHigh[scope] = next;
    }
    countLowBytes(inPeriod, values, lists, kHigh, nextHigh, atK, atNext);
    for (let scope = 0; scope < scopeCount; scope++) {
      const count = inScope[scope]!;
      if (count === 0) continue;
      const row = scope * 256;
      const h = ((count - 1) * code) / 100;
      const k = Math.floor(h);
      let rank = kRank[scope]!;
      let low = 0;
      while (rank >= atK[row + low]!) rank -= atK[row + low++]!;
      const below = kHigh[scope]! * 256 + low;
      let value = below;
      if (k + 1 < count) {
        let above: number;
        if (nextHigh[scope] !== kHigh[scope]) {
          let nextLow = 0;
          while (atNext[row + nextLow] === 0) nextLow++;
          above = nextHigh[scope]! * 256 + nextLow;
        } else if (rank + 1 < atK[row + low]!) above = below;
        else {
          let nextLow = low + 1;
          while (atK[row + nextLow] === 0) nextLow++;
          above = kHigh[scope]! * 256 + nextLow;
        }
        value = below + (h - k) * (above - below);
      }
      const key = scope * periods + period;
      counts[key] = count;
      results[key] = value;
      inScope[scope] = 0;
      byHigh.fill(0, row, row + 256);
      atK.fill(0, row, row + 256);
      atNext.fill(0, row, row + 256);
    }
  }
}

// The passes over one period's tickets are functions of their own, called once per period: a
// function called once runs its loops in code compiled while it runs (on-stack replacement),
// which left each inner loop back to slower code every time it ended.

/** Per scope of each ticket, adds 1 to counts[scope * width + (value >> shift)]; and to inScope[scope]. */
function countByValue(tickets: Int32Array, values: Float64Array, lists: ScopeLists, inScope: Int32Array, counts: Int32Array, width: number, shift = 0): void {
  const { list, stride, end } = lists;
  for (let i = 0; i < tickets.length; i++) {
    const t = tickets[i]!;
    const column = values[t]! >> shift;
    for (let k = t * stride, last = k + stride; k < last; k++) {
      const scope = list[k]!;
      if (scope === end) break;
      inScope[scope]!++;
      counts[scope * width + column]!++;
    }
  }
}

/** Per scope of each ticket, counts its value by low byte in atK when its high byte is kHigh[scope], or in atNext when it is nextHigh[scope]. */
function countLowBytes(tickets: Int32Array, values: Float64Array, lists: ScopeLists, kHigh: Int32Array, nextHigh: Int32Array, atK: Int32Array, atNext: Int32Array): void {
  const { list, stride, end } = lists;
  for (let i = 0; i < tickets.length; i++) {
    const t = tickets[i]!;
    const value = values[t]!;
    const high = value >> 8;
    const low = value & 255;
    for (let k = t * stride, last = k + stride; k < last; k++) {
      const scope = list[k]!;
      if (scope === end) break;
      if (high === kHigh[scope]) atK[scope * 256 + low]!++;
      else if (high === nextHigh[scope]) atNext[scope * 256 + low]!++;
    }
  }
}

/** The contributing tickets sorted by period, stably, into `room`: period p's are tickets[from[p] .. from[p + 1]). */
function ticketsByPeriod(days: Int32Array, axis: PeriodAxis, room: Int32Array): { tickets: Int32Array; from: Int32Array } {
  const periods = axis.length;
  const from = new Int32Array(periods + 1);
  for (let t = 0; t < days.length; t++) {
    const day = days[t]!;
    if (day !== NO_DAY) from[axis.indexOf(day) + 1]!++;
  }
  for (let period = 0; period < periods; period++) from[period + 1]! += from[period]!;
  const tickets = room.subarray(0, from[periods]!);
  const next = from.slice(0, periods);
  for (let t = 0; t < days.length; t++) {
    const day = days[t]!;
    if (day !== NO_DAY) tickets[next[axis.indexOf(day)]!++] = t;
  }
  return { tickets, from };
}
