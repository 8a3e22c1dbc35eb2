// The aggregation kernels of the measures: each walks the tickets once (a percentile twice
// per period) and fills a grid of scope x period cells, key = scope * periods + period.
// A ticket contributes when its day is not NO_DAY; its scopes are its profile's list (see
// ScopeProfiles), so the inner loop reads a few integers per ticket and writes a few cells.
// One small function per kind of reduction rather than one with branches: each loop then
// stays simple enough for the compiler to keep its arrays and counters in registers.
import type { PeriodAxis } from './period-axis.ts';
import type { ScopeProfiles } from './scopes.ts';
import { statisticOf, type StatisticCode } from './statistics.ts';
import { NO_DAY } from './ticket-facts.ts';

/** counts[key]: how many tickets contributed to the cell. */
export function countGrid(days: Int32Array, axis: PeriodAxis, profiles: ScopeProfiles, scopeCount: number): Int32Array {
  const periods = axis.length;
  const counts = new Int32Array(scopeCount * periods);
  const { ofTicket, start, scopes } = profiles;
  for (let t = 0; t < days.length; t++) {
    const day = days[t]!;
    if (day === NO_DAY) continue;
    const profile = ofTicket[t]!;
    const period = axis.indexOf(day);
    const last = start[profile + 1]!;
    for (let k = start[profile]!; k < last; k++) counts[scopes[k]! * periods + period]!++;
  }
  return counts;
}

/**
 * Backlog: per cell, the tickets open at the end of the period, i.e. created in it or before
 * and solved after it (never solved: open to the end of the axis). `seen` marks the scopes
 * with a contributing ticket, open or not.
 */
export function backlogGrid(days: Int32Array, solvedDay: Int32Array, axis: PeriodAxis, profiles: ScopeProfiles, scopeCount: number): { counts: Int32Array; seen: Uint8Array } {
  const periods = axis.length;
  // +1 from the period holding `created` up to (not including) the one holding the solve,
  // summed per scope afterwards; the extra column takes the -1 of tickets never solved.
  const width = periods + 1;
  const changes = new Int32Array(scopeCount * width);
  const seen = new Uint8Array(scopeCount);
  const { ofTicket, start, scopes } = profiles;
  for (let t = 0; t < days.length; t++) {
    const day = days[t]!;
    if (day === NO_DAY) continue;
    const profile = ofTicket[t]!;
    const from = axis.indexOf(day);
    const solved = solvedDay[t]!;
    const to = solved === NO_DAY ? periods : axis.indexOf(solved);
    const last = start[profile + 1]!;
    for (let k = start[profile]!; k < last; k++) {
      const scope = scopes[k]!;
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
export function sumGrid(days: Int32Array, values: Float64Array, axis: PeriodAxis, profiles: ScopeProfiles, scopeCount: number): { counts: Int32Array; sums: Float64Array } {
  const periods = axis.length;
  const counts = new Int32Array(scopeCount * periods);
  const sums = new Float64Array(scopeCount * periods);
  const { ofTicket, start, scopes } = profiles;
  for (let t = 0; t < days.length; t++) {
    const day = days[t]!;
    if (day === NO_DAY) continue;
    const profile = ofTicket[t]!;
    const period = axis.indexOf(day);
    const value = values[t]!;
    const last = start[profile + 1]!;
    for (let k = start[profile]!; k < last; k++) {
      const key = scopes[k]! * periods + period;
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
 * in cache, however many tickets there are.
 */
export function percentileGrid(days: Int32Array, values: Float64Array, axis: PeriodAxis, profiles: ScopeProfiles, scopeCount: number, code: StatisticCode): { counts: Int32Array; results: Float64Array } {
  const periods = axis.length;
  const counts = new Int32Array(scopeCount * periods);
  const results = new Float64Array(scopeCount * periods);
  const { ofTicket, start, scopes } = profiles;
  const order = ticketsByPeriod(days, axis);
  const { tickets, from: periodFrom } = order;
  const inScope = new Int32Array(scopeCount);
  const scopeFrom = new Int32Array(scopeCount + 1);
  const fill = new Int32Array(scopeCount);
  let scratch = new Float64Array(0);
  for (let period = 0; period < periods; period++) {
    const first = periodFrom[period]!;
    const end = periodFrom[period + 1]!;
    if (first === end) continue;
    inScope.fill(0);
    for (let i = first; i < end; i++) {
      const profile = ofTicket[tickets[i]!]!;
      const last = start[profile + 1]!;
      for (let k = start[profile]!; k < last; k++) inScope[scopes[k]!]!++;
    }
    for (let scope = 0; scope < scopeCount; scope++) scopeFrom[scope + 1] = scopeFrom[scope]! + inScope[scope]!;
    if (scratch.length < scopeFrom[scopeCount]!) scratch = new Float64Array(Math.max(scopeFrom[scopeCount]!, 2 * scratch.length));
    fill.set(scopeFrom.subarray(0, scopeCount));
    for (let i = first; i < end; i++) {
      const t = tickets[i]!;
      const value = values[t]!;
      const profile = ofTicket[t]!;
      const last = start[profile + 1]!;
      for (let k = start[profile]!; k < last; k++) scratch[fill[scopes[k]!]!++] = value;
    }
    for (let scope = 0; scope < scopeCount; scope++) {
      const count = inScope[scope]!;
      if (count === 0) continue;
      const key = scope * periods + period;
      counts[key] = count;
      results[key] = statisticOf(scratch, scopeFrom[scope]!, scopeFrom[scope + 1]!, code);
    }
  }
  return { counts, results };
}

/** The contributing tickets sorted by period, stably: period p's are tickets[from[p] .. from[p + 1]). */
function ticketsByPeriod(days: Int32Array, axis: PeriodAxis): { tickets: Int32Array; from: Int32Array } {
  const periods = axis.length;
  const from = new Int32Array(periods + 1);
  for (let t = 0; t < days.length; t++) {
    const day = days[t]!;
    if (day !== NO_DAY) from[axis.indexOf(day) + 1]!++;
  }
  for (let period = 0; period < periods; period++) from[period + 1]! += from[period]!;
  const tickets = new Int32Array(from[periods]!);
  const next = from.slice(0, periods);
  for (let t = 0; t < days.length; t++) {
    const day = days[t]!;
    if (day !== NO_DAY) tickets[next[axis.indexOf(day)]!++] = t;
  }
  return { tickets, from };
}
