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
import type { ScopeProfiles, ScopeTable } from './scopes.ts';
import { MEAN, statisticCode, statisticOf } from './statistics.ts';
import { NO_DAY, type TicketFacts } from './ticket-facts.ts';
import type { TicketKpiDef, TicketSeries } from './types.ts';

export interface MeasureContext {
  state: ReadState;
  facts: TicketFacts;
  scopes: ScopeTable;
  profiles: ScopeProfiles;
  fiscalYearStart: number;
  /** The business clock of a schedule id (null: the Workspace's); null when there is none. */
  clockOf(schedule: string | null | undefined): BusinessClock | null;
}

const UNIT_MINUTES: Record<string, number> = { minutes: 1, hours: 60, days: 1440 };

/** Per ticket, the day its value falls on (NO_DAY: no value) and the value. */
interface Contributions {
  days: Int32Array;
  values: Float64Array;
}

/** How a period's values become its point. */
/**
 * A statistic's value is factor * statistic / divisor: rates are 100 * the mean; durations are
 * taken in minutes (TICKETS.md 7.2) and the statistic is then divided into the KPI's unit, as a
 * spreadsheet computes MEDIAN(minutes) / 60.
 */
type Reduce = { kind: 'statistic'; code: number; factor: number; divisor: number } | { kind: 'count' } | { kind: 'backlog' };

export function kpiSeries(kpi: TicketKpiDef, context: MeasureContext): TicketSeries[] {
  const { state, facts } = context;
  const spec = kpi.tickets;
  const sourceIds = state.sources.filter((source) => spec.source === null || spec.source === undefined || source.def.id === spec.source).map((source) => source.index);
  const reads = new Uint8Array(state.sources.length);
  for (const index of sourceIds) reads[index] = 1;
  const store = state.store;
  const included = (t: number) => store.valid[t] === 1 && reads[store.source[t]!] === 1;
  const granularity: Granularity = spec.period ?? 'week';
  const label = `tickets:${sourceIds.map((index) => state.sources[index]!.def.id).join(',')}`;

  if (spec.measure === 'volume' || spec.measure === 'backlog') {
    let first = Number.POSITIVE_INFINITY;
    for (let t = 0; t < facts.size; t++) if (included(t) && facts.createdDay[t]! < first) first = facts.createdDay[t]!;
    let last = Number.NEGATIVE_INFINITY;
    for (const index of sourceIds) {
      const latest = facts.latest[index]!;
      if (latest === latest) last = Math.max(last, state.sources[index]!.calendar.localDay(latest));
    }
    if (first > last) return [];
    const contributions: Contributions = { days: facts.createdDay, values: new Float64Array(0) };
    const axis = new PeriodAxis(granularity, first, last, context.fiscalYearStart);
    return aggregate(kpi, context, included, contributions, axis, spec.measure === 'volume' ? { kind: 'count' } : { kind: 'backlog' }, label);
  }
  const contributions = contributionsOf(kpi, context, included);
  if (contributions === null) return [];
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  for (let t = 0; t < facts.size; t++) {
    const day = contributions.days[t]!;
    if (day === NO_DAY) continue;
    if (day < first) first = day;
    if (day > last) last = day;
  }
  if (first > last) return [];
  const axis = new PeriodAxis(granularity, first, last, context.fiscalYearStart);
  const isDuration = spec.measure === 'first-reply' || spec.measure === 'resolution';
  // A statistic other than mean, median or p1-p99 does not pass the schema; median is the default.
  // A unit that is no time is the strategy checks' to report (kpi-computed); minutes then.
  const reduce: Reduce = isDuration
    ? { kind: 'statistic', code: statisticCode(spec.statistic) ?? 50, factor: 1, divisor: UNIT_MINUTES[kpi.unit] ?? 1 }
    : { kind: 'statistic', code: MEAN, factor: 100, divisor: 1 };
  return aggregate(kpi, context, included, contributions, axis, reduce, label);
}

/** The value and day of each included ticket for the measures other than volume and backlog; null when the KPI cannot be computed. */
function contributionsOf(kpi: TicketKpiDef, context: MeasureContext, included: (t: number) => boolean): Contributions | null {
  const { state, facts } = context;
  const store = state.store;
  const spec = kpi.tickets;
  const days = new Int32Array(facts.size).fill(NO_DAY);
  const values = new Float64Array(facts.size);
  const put = (t: number, day: number, value: number) => {
    if (day !== NO_DAY && value === value) {
      days[t] = day;
      values[t] = value;
    }
  };
  switch (spec.measure) {
    case 'first-reply':
    case 'resolution': {
      const clock = spec.clock ?? 'calendar';
      const business = clock === 'business' ? context.clockOf(spec.schedule) : null;
      // Without a schedule a business clock measures nothing (schedule-missing says why).
      if (clock === 'business' && business === null) return null;
      const choice: ClockChoice = { clock, business };
      const firstReply = spec.measure === 'first-reply';
      for (let t = 0; t < facts.size; t++) {
        if (!included(t)) continue;
        const minutes = firstReply ? firstReplyDuration(store, t, choice) : resolutionDuration(store, t, choice);
        put(t, firstReply ? facts.firstReplyDay[t]! : facts.solvedDay[t]!, minutes);
      }
      break;
    }
    case 'one-touch':
      for (let t = 0; t < facts.size; t++) {
        if (!included(t)) continue;
        const replies = store.replies[t]!;
        const reopens = store.reopens[t]!;
        if (replies >= 0 && reopens >= 0) put(t, facts.solvedDay[t]!, replies <= 1 && reopens === 0 ? 1 : 0);
      }
      break;
    case 'reopened':
      for (let t = 0; t < facts.size; t++) {
        if (included(t) && store.reopens[t]! >= 0) put(t, facts.solvedDay[t]!, store.reopens[t]! >= 1 ? 1 : 0);
      }
      break;
    case 'csat':
      for (let t = 0; t < facts.size; t++) {
        if (included(t) && store.csat[t]! >= 0) put(t, facts.solvedDay[t]!, store.csat[t]!);
      }
      break;
    case 'sla-adherence':
      for (let t = 0; t < facts.size; t++) {
        if (included(t) && facts.slaOutcome[t]! >= 0) put(t, facts.slaDecidedDay[t]!, facts.slaOutcome[t]!);
      }
      break;
    default:
      return null;
  }
  return { days, values };
}

function aggregate(
  kpi: TicketKpiDef,
  context: MeasureContext,
  included: (t: number) => boolean,
  contributions: Contributions,
  axis: PeriodAxis,
  reduce: Reduce,
  source: string,
): TicketSeries[] {
  const { facts, scopes, profiles } = context;
  const { ofTicket, start, scopes: scopeList } = profiles;
  const periods = axis.length;
  const { days, values } = contributions;
  const backlog = reduce.kind === 'backlog';
  const mean = reduce.kind === 'statistic' && reduce.code === MEAN;
  // Backlog: +1 from the period holding `created` up to (not including) the one holding the solve.
  const width = backlog ? periods + 1 : periods;
  const counts = new Int32Array(scopes.size * width);
  // Summed in ticket order, as a spreadsheet would.
  const sums = mean ? new Float64Array(scopes.size * periods) : null;
  /** Scopes with an included ticket (volume and backlog get a point in every period there). */
  const seen = new Uint8Array(scopes.size);
  for (let t = 0; t < facts.size; t++) {
    const profile = ofTicket[t]!;
    const day = days[t]!;
    if (profile < 0 || day === NO_DAY || !included(t)) continue;
    const first = start[profile]!;
    const last = start[profile + 1]!;
    if (backlog) {
      const from = axis.indexOf(day);
      const solvedDay = facts.solvedDay[t]!;
      const to = solvedDay === NO_DAY ? periods : axis.indexOf(solvedDay);
      for (let k = first; k < last; k++) {
        const scope = scopeList[k]!;
        seen[scope] = 1;
        if (to > from) {
          counts[scope * width + from]!++;
          counts[scope * width + to]!--;
        }
      }
      continue;
    }
    const period = axis.indexOf(day);
    for (let k = first; k < last; k++) {
      const scope = scopeList[k]!;
      seen[scope] = 1;
      const key = scope * periods + period;
      counts[key]!++;
      if (sums !== null) sums[key]! += values[t]!;
    }
  }
  if (reduce.kind !== 'statistic') return countSeries(kpi, context, axis, counts, seen, width, backlog, source);
  if (sums !== null) return pointSeries(kpi, context, axis, seen, source, (key, count) => (reduce.factor * (sums[key]! / count)) / reduce.divisor, counts);
  // Percentiles: the values grouped by scope and period (offsets from the counts), in ticket order.
  const keys = scopes.size * periods;
  const offsets = new Int32Array(keys + 1);
  for (let key = 0; key < keys; key++) offsets[key + 1] = offsets[key]! + counts[key]!;
  const grouped = new Float64Array(offsets[keys]!);
  const fill = offsets.slice(0, keys);
  for (let t = 0; t < facts.size; t++) {
    const profile = ofTicket[t]!;
    const day = days[t]!;
    if (profile < 0 || day === NO_DAY || !included(t)) continue;
    const period = axis.indexOf(day);
    const value = values[t]!;
    for (let k = start[profile]!; k < start[profile + 1]!; k++) grouped[fill[scopeList[k]! * periods + period]!++] = value;
  }
  return pointSeries(kpi, context, axis, seen, source, (key) => (reduce.factor * statisticOf(grouped, offsets[key]!, offsets[key + 1]!, reduce.code)) / reduce.divisor, counts);
}

/** A series per seen scope with a point where tickets contributed; `value(key, count)` for key = scope * periods + period. */
function pointSeries(kpi: TicketKpiDef, context: MeasureContext, axis: PeriodAxis, seen: Uint8Array, source: string, value: (key: number, count: number) => number, counts: Int32Array): TicketSeries[] {
  const series: TicketSeries[] = [];
  for (let scope = 0; scope < context.scopes.size; scope++) {
    if (seen[scope] === 0) continue;
    const points: [number, number, number][] = [];
    for (let period = 0; period < axis.length; period++) {
      const key = scope * axis.length + period;
      const count = counts[key]!;
      if (count > 0) points.push([period, value(key, count), count]);
    }
    series.push(makeSeries(kpi.id, context.scopes.names[scope]!, axis, points, source));
  }
  return series;
}

function countSeries(kpi: TicketKpiDef, context: MeasureContext, axis: PeriodAxis, counts: Int32Array, seen: Uint8Array, width: number, cumulative: boolean, source: string): TicketSeries[] {
  const series: TicketSeries[] = [];
  for (let scope = 0; scope < context.scopes.size; scope++) {
    if (seen[scope] === 0) continue;
    const points: [number, number, number][] = [];
    let open = 0;
    for (let period = 0; period < axis.length; period++) {
      const count = counts[scope * width + period]!;
      open = cumulative ? open + count : count;
      points.push([period, open, open]);
    }
    series.push(makeSeries(kpi.id, context.scopes.names[scope]!, axis, points, source));
  }
  return series;
}

/** points: [period index, value, tickets]. */
function makeSeries(kpi: string, scope: string, axis: PeriodAxis, points: readonly [number, number, number][], source: string): TicketSeries {
  const days = new Int32Array(points.length);
  const values = new Float64Array(points.length);
  const tickets = new Int32Array(points.length);
  const periods = new Array<string>(points.length);
  points.forEach(([period, value, count], i) => {
    days[i] = axis.endDays[period]!;
    values[i] = value;
    tickets[i] = count;
    periods[i] = axis.label(period);
  });
  return { kpi, scope, granularity: axis.granularity, days, values, periods, tickets, source };
}
