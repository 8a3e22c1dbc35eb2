// The aggregation kernels of the measures: each walks the tickets in order once and fills a
// grid of scope x period cells, key = scope * periods + period (percentiles: percentile-grid.ts).
// A ticket contributes when its day is not NO_DAY; its scopes are listed by TicketScopes. One
// small function per kind of reduction rather than one with branches: each loop then stays
// simple enough for the compiler to keep its arrays and counters in registers.
import type { PeriodAxis } from './period-axis.ts';
import type { TicketScopes } from './scopes.ts';
import { NO_DAY } from './ticket-facts.ts';

/** counts[key]: how many tickets contributed to the cell. */
export function countGrid(days: Int32Array, axis: PeriodAxis, scopes: TicketScopes): Int32Array {
  const periods = axis.length;
  const counts = new Int32Array(scopes.count * periods);
  const { list, stride, end: listEnd } = scopes.lists();
  for (let t = 0; t < days.length; t++) {
    const day = days[t]!;
    if (day === NO_DAY) continue;
    const period = axis.indexOf(day);
    for (let k = t * stride, end = k + stride; k < end; k++) {
      const scope = list[k]!;
      if (scope === listEnd) break;
      counts[scope * periods + period]!++;
    }
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
  const { list, stride, end: listEnd } = scopes.lists();
  for (let t = 0; t < days.length; t++) {
    const day = days[t]!;
    if (day === NO_DAY) continue;
    const from = axis.indexOf(day);
    const solved = solvedDay[t]!;
    const to = solved === NO_DAY ? periods : axis.indexOf(solved);
    for (let k = t * stride, end = k + stride; k < end; k++) {
      const scope = list[k]!;
      if (scope === listEnd) break;
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
  const { list, stride, end: listEnd } = scopes.lists();
  for (let t = 0; t < days.length; t++) {
    const day = days[t]!;
    if (day === NO_DAY) continue;
    const period = axis.indexOf(day);
    const value = values[t]!;
    for (let k = t * stride, end = k + stride; k < end; k++) {
      const scope = list[k]!;
      if (scope === listEnd) break;
      const key = scope * periods + period;
      counts[key]!++;
      sums[key]! += value;
    }
  }
  return { counts, sums };
}
