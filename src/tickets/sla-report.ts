// What the SLA page shows beside the adherence series: per policy and period, how many tickets
// met and breached it (every source pooled, each outcome dated as in 7.3), and per policy the
// tickets that breached most recently (chosen in ticket-facts.ts).
// The counts come at each period length a sla-adherence KPI uses, else weekly.
import type { Granularity } from '../metrics/types.ts';
import { fromDayNumber } from '../util/dates.ts';
import { PeriodAxis } from './period-axis.ts';
import type { ReadState } from './read-state.ts';
import { BREACHED, MET } from './sla-outcomes.ts';
import { NO_DAY, type TicketFacts } from './ticket-facts.ts';
import type { SlaBreach, SlaPeriodCount, SlaPolicyDef, TicketCatalog } from './types.ts';
import { compareText } from '../util/compare-text.ts';


export function slaReport(
  catalog: TicketCatalog,
  state: ReadState,
  facts: TicketFacts,
  policies: readonly SlaPolicyDef[],
): { breaches: SlaBreach[]; slaCounts: SlaPeriodCount[] } {
  const granularities = [...new Set(catalog.kpis.filter((kpi) => kpi.tickets.measure === 'sla-adherence').map((kpi) => kpi.tickets.period ?? 'week'))];
  const order = policies.map((_, index) => index).sort((a, b) => compareText(policies[a]!.id, policies[b]!.id));
  return {
    breaches: order.flatMap((index) => latestBreaches(state, facts, policies[index]!, index)),
    slaCounts: (granularities.length > 0 ? granularities : (['week'] as Granularity[])).sort().flatMap((granularity) => periodCounts(catalog, facts, policies, order, granularity)),
  };
}

function periodCounts(catalog: TicketCatalog, facts: TicketFacts, policies: readonly SlaPolicyDef[], order: readonly number[], granularity: Granularity): SlaPeriodCount[] {
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  for (let t = 0; t < facts.size; t++) {
    const day = facts.slaDecidedDay[t]!;
    if (day === NO_DAY) continue;
    if (day < first) first = day;
    if (day > last) last = day;
  }
  if (first > last) return [];
  const axis = new PeriodAxis(granularity, first, last, catalog.fiscalYearStart);
  const met = new Int32Array(policies.length * axis.length);
  const breached = new Int32Array(policies.length * axis.length);
  for (let t = 0; t < facts.size; t++) {
    const day = facts.slaDecidedDay[t]!;
    if (day === NO_DAY) continue;
    const key = facts.policy[t]! * axis.length + axis.indexOf(day);
    if (facts.slaOutcome[t] === MET) met[key]!++;
    else if (facts.slaOutcome[t] === BREACHED) breached[key]!++;
  }
  const counts: SlaPeriodCount[] = [];
  for (const policy of order) {
    for (let period = 0; period < axis.length; period++) {
      const key = policy * axis.length + period;
      if (met[key] === 0 && breached[key] === 0) continue;
      counts.push({ policy: policies[policy]!.id, granularity, period: axis.label(period), date: fromDayNumber(axis.endDays[period]!), met: met[key]!, breached: breached[key]! });
    }
  }
  return counts;
}

function latestBreaches(state: ReadState, facts: TicketFacts, policy: SlaPolicyDef, index: number): SlaBreach[] {
  const store = state.store;
  return facts.breaches[index]!.map((breach) => {
    const source = state.sources[store.source[breach.ticket]!]!;
    const ticket = store.idOf(breach.ticket);
    const entry: SlaBreach = {
      policy: policy.id,
      source: source.def.id,
      ticket,
      target: breach.target,
      deadline: new Date(breach.deadline).toISOString(),
      date: fromDayNumber(facts.slaDecidedDay[breach.ticket]!),
      lateMinutes: breach.lateMinutes,
      ongoing: breach.ongoing,
    };
    if (source.def.url !== undefined) entry.url = source.def.url.replaceAll('{id}', encodeURIComponent(ticket));
    return entry;
  });
}
