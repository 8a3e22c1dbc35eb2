// The aggregation kernels of the measures: each walks the tickets in order once (a percentile
// twice per period) and fills a grid of scope x period cells, key = scope * periods + period.
// A ticket contributes when its day is not NO_DAY; its scopes come from TicketScopes. One
// small function per kind of reduction rather than one with branches: each loop then stays
// simple enough for the compiler to keep its arrays and counters in registers.
import type { PeriodAxis } from './period-axis.ts';
import type { TicketScopes } from './scopes.ts';
import { selectionRoom, statisticOf, type StatisticCode } from './statistics.ts';
import { NO_DAY } from './ticket-facts.ts';

/** counts[key]: how many tickets contributed to the cell. */
export function countGrid(days: Int32Array, axis: PeriodAxis, scopes: TicketScopes): Int32Array {
  const periods = axis.length;
  const counts = new Int32Array(scopes.count * periods);
  const buffer = scopes.buffer();
  for (let t = 0; t < days.length; t++) {
    const day = days[t]!;
    if (day === NO_DAY) continue;
    const period = axis.indexOf(day);
    const n = scopes.of(t, buffer);
    for (let k = 0; k < n; k++) counts[buffer[k]! * periods + period]!++;
  }
  return counts;
}

/**
 * Backlog: per cell, the tickets open at the end of the period, i.e. created in it or before
 * and solved after it (never solved: open to the end of the axis). `seen` marks the scopes
 * with a contributing ticket, open or not.
 */
export function backlogGrid(days: Int32Array, solvedDay: Int32Array, axis: PeriodAxis, scopes: TicketScopes): { counts: Int32Array; seen: Uint8Array } {
  const periods = axis.length;
  const scopeCount = scopes.count;
  // +1 from the period holding `created` up to (not including) the one holding the solve,
  // summed per scope afterwards; the extra column takes the -1 of tickets never solved.
  const width = periods + 1;
  const changes = new Int32Array(scopeCount * width);
  const seen = new Uint8Array(scopeCount);
  const buffer = scopes.buffer();
  for (let t = 0; t < days.length; t++) {
    const day = days[t]!;
    if (day === NO_DAY) continue;
    const from = axis.indexOf(day);
    const solved = solvedDay[t]!;
    const to = solved === NO_DAY ? periods : axis.indexOf(solved);
    const n = scopes.of(t, buffer);
    for (let k = 0; k < n; k++) {
      const scope = buffer[k]!;
      seen[scope] = 1;
      if (to > from) {
        changes[scope * width + from]!++;
        changes[scope * width + to]!--;
      }
    }
  }
  const counts = new Int32Array(scopeCount * periods);
  for (let scope = 0; scope < scopeCount; scope++) {
    let open = 0;
    for (let period = 0; period < periods; period++) {
      open += changes[scope * width + period]!;
      counts[scope * periods + period] = open;
    }
  }
  return { counts, seen };
}

/** counts and sums per cell; each sum is added up in ticket order, as a spreadsheet would. */
export function sumGrid(days: Int32Array, values: Float64Array, axis: PeriodAxis, scopes: TicketScopes): { counts: Int32Array; sums: Float64Array } {
  const periods = axis.length;
  const counts = new Int32Array(scopes.count * periods);
  const sums = new Float64Array(scopes.count * periods);
  const buffer = scopes.buffer();
  for (let t = 0; t < days.length; t++) {
    const day = days[t]!;
    if (day === NO_DAY) continue;
    const period = axis.indexOf(day);
    const value = values[t]!;
    const n = scopes.of(t, buffer);
    for (let k = 0; k < n; k++) {
      const key = buffer[k]! * periods + period;
      counts[key]!++;
      sums[key]! += value;
    }
  }
  return { counts, sums };
}

/**
 * counts and the percentile `code` of each cell's values. The tickets are first put in period
 * order (stable, so ticket order within a period); then, one period at a time, each scope's
 * values are gathered into a scratch buffer the size of that period's cells and selected there.
 * So the values are never all gathered at once, and every write lands in a buffer that stays
 * in cache, however many tickets there are. `order`: as long as `days`, for the period order.
 */
export function percentileGrid(days: Int32Array, values: Float64Array, axis: PeriodAxis, scopes: TicketScopes, code: StatisticCode, order: Int32Array): { counts: Int32Array; results: Float64Array } {
  const periods = axis.length;
  const scopeCount = scopes.count;
  const counts = new Int32Array(scopeCount * periods);
  const results = new Float64Array(scopeCount * periods);
  const { tickets, from: periodFrom } = ticketsByPeriod(days, axis, order);
  const inScope = new Int32Array(scopeCount);
  const scopeFrom = new Int32Array(scopeCount + 1);
  const fill = new Int32Array(scopeCount);
  const buffer = scopes.buffer();
  const room = selectionRoom();
  let scratch = new Float64Array(0);
  for (let period = 0; period < periods; period++) {
    const first = periodFrom[period]!;
    const end = periodFrom[period + 1]!;
    if (first === end) continue;
    inScope.fill(0);
    for (let i = first; i < end; i++) {
      const n = scopes.of(tickets[i]!, buffer);
      for (let k = 0; k < n; k++) inScope[buffer[k]!]!++;
    }
    for (let scope = 0; scope < scopeCount; scope++) scopeFrom[scope + 1] = scopeFrom[scope]! + inScope[scope]!;
    if (scratch.length < scopeFrom[scopeCount]!) scratch = new Float64Array(Math.max(scopeFrom[scopeCount]!, 2 * scratch.length));
    fill.set(scopeFrom.subarray(0, scopeCount));
    for (let i = first; i < end; i++) {
      const t = tickets[i]!;
      const value = values[t]!;
      const n = scopes.of(t, buffer);
      for (let k = 0; k < n; k++) scratch[fill[buffer[k]!]!++] = value;
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
