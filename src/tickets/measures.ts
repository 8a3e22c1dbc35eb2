// One KPI's series from the tickets (TICKETS.md 7.2). Each ticket of the KPI's sources gives
// at most one value, in the period of one of its instants (the local date in its source's
// timezone), to every scope it counts in. A period and scope without a contributing ticket
// has no point; volume and backlog instead have a point (possibly 0) in every period from the
// earliest `created` to the latest of the sources' latest instants, in every scope where
// the sources have a ticket. Values are computed in double precision and never rounded.
import type { Granularity } from '../metrics/types.ts';
import type { BusinessClock } from './business-clock.ts';
import { firstReplyDuration, resolutionDuration, type ClockChoice } from './durations.ts';
import { PeriodAxis } from './period-axis.ts';
import type { ReadState } from './read-state.ts';
import { percentileGrid } from './percentile-grid.ts';
import { backlogGrid, countGrid, sumGrid } from './scope-grids.ts';
import type { ScopeTable, TicketScopes } from './scopes.ts';
import { MEAN, statisticCode, type StatisticCode } from './statistics.ts';
import { NO_DAY, type TicketFacts } from './ticket-facts.ts';
import { USABLE } from './ticket-store.ts';
import type { TicketKpiDef, TicketSeries } from './types.ts';

export interface MeasureContext {
  state: ReadState;
  facts: TicketFacts;
  scopes: ScopeTable;
  ticketScopes: TicketScopes;
  fiscalYearStart: number;
  /** The business clock of a schedule id (null: the Workspace's); null when there is none. */
  clockOf(schedule: string | null | undefined): BusinessClock | null;
  /** Room for one KPI's contributions, used by each KPI in turn (see measureBuffers). */
  buffers: MeasureBuffers;
}

/** A ticket-sized day, value and ticket list, so that each KPI does not claim (and the system zero) memory of its own. */
export interface MeasureBuffers {
  days: Int32Array;
  values: Float64Array;
  tickets: Int32Array;
}

export function measureBuffers(tickets: number): MeasureBuffers {
  return { days: new Int32Array(tickets), values: new Float64Array(tickets), tickets: new Int32Array(tickets) };
}

const UNIT_MINUTES: Record<string, number> = { minutes: 1, hours: 60, days: 1440 };

/** Per ticket, the day its value falls on (NO_DAY: no value, or not one of the KPI's tickets) and the value; the first and last of the days (first > last: none). */
interface Contributions {
  days: Int32Array;
  values: Float64Array;
  first: number;
  last: number;
}

/**
 * How a cell becomes its point. A statistic's value is factor * statistic / divisor: rates are
 * 100 * the mean; durations are taken in minutes (TICKETS.md 7.2) and the statistic is then
 * divided into the KPI's unit, as a spreadsheet computes MEDIAN(minutes) / 60.
 */
interface Statistic {
  code: StatisticCode;
  factor: number;
  divisor: number;
}

export function kpiSeries(kpi: TicketKpiDef, context: MeasureContext): TicketSeries[] {
  const { state, facts, ticketScopes } = context;
  const spec = kpi.tickets;
  const sourceIds = state.sources.filter((source) => spec.source === null || spec.source === undefined || source.def.id === spec.source).map((source) => source.index);
  const reads = new Uint8Array(state.sources.length);
  for (const index of sourceIds) reads[index] = 1;
  const store = state.store;
  const granularity: Granularity = spec.period ?? 'week';
  const label = `tickets:${sourceIds.map((index) => state.sources[index]!.def.id).join(',')}`;
  const scopeCount = context.scopes.size;

  if (spec.measure === 'volume' || spec.measure === 'backlog') {
    const days = context.buffers.days.fill(NO_DAY);
    let first = Number.POSITIVE_INFINITY;
    // The KPI's tickets: the usable ones of its sources.
    for (let t = 0; t < facts.size; t++) {
      if (store.valid[t] !== USABLE || reads[store.source[t]!] === 0) continue;
      const day = facts.createdDay[t]!;
      days[t] = day;
      if (day < first) first = day;
    }
    let last = Number.NEGATIVE_INFINITY;
    for (const index of sourceIds) {
      const latest = facts.latest[index]!;
      if (latest === latest) last = Math.max(last, state.sources[index]!.calendar.localDay(latest));
    }
    if (first > last) return [];
    const axis = new PeriodAxis(granularity, first, last, context.fiscalYearStart);
    if (spec.measure === 'volume') {
      const counts = countGrid(days, axis, ticketScopes);
      return countSeries(kpi, context, axis, counts, seenIn(counts, axis.length, scopeCount), label);
    }
    const { counts, seen } = backlogGrid(days, facts.solvedDay, axis, ticketScopes);
    return countSeries(kpi, context, axis, counts, seen, label);
  }
  const contributions = contributionsOf(kpi, context, reads);
  if (contributions === null) return [];
  const { days, values, first, last } = contributions;
  if (first > last) return [];
  const axis = new PeriodAxis(granularity, first, last, context.fiscalYearStart);
  const isDuration = spec.measure === 'first-reply' || spec.measure === 'resolution';
  // A statistic other than mean, median or p1-p99 does not pass the schema; median is the default.
  // A unit that is no time is the strategy checks' to report (kpi-computed); minutes then.
  const statistic: Statistic = isDuration
    ? { code: statisticCode(spec.statistic) ?? 50, factor: 1, divisor: UNIT_MINUTES[kpi.unit] ?? 1 }
    : { code: MEAN, factor: 100, divisor: 1 };
  const { factor, divisor } = statistic;
  if (statistic.code === MEAN) {
    const { counts, sums } = sumGrid(days, values, axis, ticketScopes);
    return pointSeries(kpi, context, axis, counts, label, (key, count) => (factor * (sums[key]! / count)) / divisor);
  }
  const { counts, results } = percentileGrid(days, values, axis, ticketScopes, statistic.code, context.buffers.tickets);
  return pointSeries(kpi, context, axis, counts, label, (key) => (factor * results[key]!) / divisor);
}

/**
 * The value and day of each of the KPI's tickets for the measures other than volume and backlog
 * (a ticket of the KPI is usable and read from a source in `reads`);
 * null when the KPI cannot be computed. One plain loop per measure.
 */
function contributionsOf(kpi: TicketKpiDef, context: MeasureContext, reads: Uint8Array): Contributions | null {
  const { state, facts } = context;
  const store = state.store;
  const { valid, source: sourceOf } = store;
  const size = facts.size;
  const spec = kpi.tickets;
  const { days, values } = context.buffers;
  days.fill(NO_DAY);
  // The range of the days is followed in each loop rather than found in a pass of its own.
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  switch (spec.measure) {
    case 'first-reply':
    case 'resolution': {
      const clock = spec.clock ?? 'calendar';
      const business = clock === 'business' ? context.clockOf(spec.schedule) : null;
      // Without a schedule a business clock measures nothing (schedule-missing says why).
      if (clock === 'business' && business === null) return null;
      const choice: ClockChoice = { clock, business };
      const firstReply = spec.measure === 'first-reply';
      const dayOf = firstReply ? facts.firstReplyDay : facts.solvedDay;
      for (let t = 0; t < size; t++) {
        if (valid[t] !== USABLE || reads[sourceOf[t]!] === 0) continue;
        const day = dayOf[t]!;
        if (day === NO_DAY) continue;
        const minutes = firstReply ? firstReplyDuration(store, t, choice) : resolutionDuration(store, t, choice);
        if (minutes !== minutes) continue;
        days[t] = day;
        if (day < first) first = day;
        if (day > last) last = day;
        values[t] = minutes;
      }
      break;
    }
    case 'one-touch': {
      const { replies, reopens } = store;
      const solvedDay = facts.solvedDay;
      for (let t = 0; t < size; t++) {
        if (valid[t] !== USABLE || reads[sourceOf[t]!] === 0) continue;
        const day = solvedDay[t]!;
        const replied = replies[t]!;
        const reopened = reopens[t]!;
        if (day === NO_DAY || replied < 0 || reopened < 0) continue;
        days[t] = day;
        if (day < first) first = day;
        if (day > last) last = day;
        values[t] = replied <= 1 && reopened === 0 ? 1 : 0;
      }
      break;
    }
    case 'reopened': {
      const { reopens } = store;
      const solvedDay = facts.solvedDay;
      for (let t = 0; t < size; t++) {
        if (valid[t] !== USABLE || reads[sourceOf[t]!] === 0) continue;
        const day = solvedDay[t]!;
        const reopened = reopens[t]!;
        if (day === NO_DAY || reopened < 0) continue;
        days[t] = day;
        if (day < first) first = day;
        if (day > last) last = day;
        values[t] = reopened >= 1 ? 1 : 0;
      }
      break;
    }
    case 'csat': {
      const { csat } = store;
      const solvedDay = facts.solvedDay;
      for (let t = 0; t < size; t++) {
        if (valid[t] !== USABLE || reads[sourceOf[t]!] === 0) continue;
        const day = solvedDay[t]!;
        const rating = csat[t]!;
        if (day === NO_DAY || rating < 0) continue;
        days[t] = day;
        if (day < first) first = day;
        if (day > last) last = day;
        values[t] = rating;
      }
      break;
    }
    case 'sla-adherence': {
      const { slaOutcome, slaDecidedDay } = facts;
      for (let t = 0; t < size; t++) {
        if (valid[t] !== USABLE || reads[sourceOf[t]!] === 0) continue;
        const day = slaDecidedDay[t]!;
        const outcome = slaOutcome[t]!;
        if (day === NO_DAY || outcome < 0) continue;
        days[t] = day;
        if (day < first) first = day;
        if (day > last) last = day;
        values[t] = outcome;
      }
      break;
    }
    default:
      return null;
  }
  return { days, values, first, last };
}

/** Scopes with a ticket in some period. */
function seenIn(counts: Int32Array, periods: number, scopeCount: number): Uint8Array {
  const seen = new Uint8Array(scopeCount);
  for (let key = 0; key < counts.length; key++) if (counts[key]! > 0) seen[Math.floor(key / periods)] = 1;
  return seen;
}

/** A series per scope with a contributing ticket, with a point in each period that has one; `value(key, count)` for key = scope * periods + period. */
function pointSeries(kpi: TicketKpiDef, context: MeasureContext, axis: PeriodAxis, counts: Int32Array, source: string, value: (key: number, count: number) => number): TicketSeries[] {
  const series: TicketSeries[] = [];
  const periods = axis.length;
  for (let scope = 0; scope < context.scopes.size; scope++) {
    let points = 0;
    for (let period = 0; period < periods; period++) if (counts[scope * periods + period]! > 0) points++;
    if (points === 0) continue;
    const made = newSeries(kpi.id, context.scopes.names[scope]!, axis, points, source);
    let i = 0;
    for (let period = 0; period < periods; period++) {
      const key = scope * periods + period;
      const count = counts[key]!;
      if (count > 0) setPoint(made, i++, axis, period, value(key, count), count);
    }
    series.push(made);
  }
  return series;
}

/** A series per seen scope with a point (possibly 0) in every period. */
function countSeries(kpi: TicketKpiDef, context: MeasureContext, axis: PeriodAxis, counts: Int32Array, seen: Uint8Array, source: string): TicketSeries[] {
  const series: TicketSeries[] = [];
  const periods = axis.length;
  for (let scope = 0; scope < context.scopes.size; scope++) {
    if (seen[scope] === 0) continue;
    const made = newSeries(kpi.id, context.scopes.names[scope]!, axis, periods, source);
    for (let period = 0; period < periods; period++) {
      const count = counts[scope * periods + period]!;
      setPoint(made, period, axis, period, count, count);
    }
    series.push(made);
  }
  return series;
}

function newSeries(kpi: string, scope: string, axis: PeriodAxis, points: number, source: string): TicketSeries {
  return { kpi, scope, granularity: axis.granularity, days: new Int32Array(points), values: new Float64Array(points), periods: new Array<string>(points), tickets: new Int32Array(points), source };
}

function setPoint(series: TicketSeries, i: number, axis: PeriodAxis, period: number, value: number, tickets: number): void {
  series.days[i] = axis.endDays[period]!;
  series.values[i] = value;
  series.tickets[i] = tickets;
  series.periods[i] = axis.label(period);
}
