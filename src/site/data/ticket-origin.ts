// How a KPI computed from tickets is computed (TICKETS.md 7.2), in the words a support lead
// uses: "Median first reply time in business hours (EMEA business hours), per week, from 2
// Zendesk export files". The statistic is named only for durations and the clock only where it
// counts; a business clock names its schedule. The files are those each TicketSource read.
import type { Series } from '../../metrics/types.ts';
import type { Kpi, KpiTickets, Model } from '../../model/types.ts';
import { fromDayNumber } from '../../util/dates.ts';
import type { SiteTickets } from './context.ts';
import { plural } from './format.ts';
import type { TicketOrigin } from './types.ts';

const DURATIONS: ReadonlySet<string> = new Set(['first-reply', 'resolution']);

/** What one ticket adds up to in a period, without the statistic or the clock. */
const MEASURE_WORDS: Record<KpiTickets['measure'], string> = {
  volume: 'Tickets created',
  backlog: 'Tickets still open at the end of the period',
  'first-reply': 'first reply time',
  resolution: 'resolution time (creation to last solve)',
  'one-touch': 'Share of solved tickets that took at most one reply and were never reopened',
  reopened: 'Share of solved tickets reopened at least once',
  csat: 'Share of rated tickets rated good (unrated tickets left out)',
  'sla-adherence': 'Share of tickets that met both targets of their SLA policy, each in its policy\u2019s clock',
};

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

const VENDORS: Record<string, string> = { zendesk: 'Zendesk', freshdesk: 'Freshdesk' };

/** `p90` -> "90th percentile", `median`, `mean`. */
export function statisticWords(statistic: string): string {
  if (statistic === 'median') return 'Median';
  if (statistic === 'mean') return 'Mean';
  const n = Number(statistic.slice(1));
  const teen = n % 100 >= 11 && n % 100 <= 13;
  const suffix = teen ? 'th' : n % 10 === 1 ? 'st' : n % 10 === 2 ? 'nd' : n % 10 === 3 ? 'rd' : 'th';
  return `${n}${suffix} percentile`;
}

function clockWords(model: Model, tickets: KpiTickets): string {
  if (tickets.clock === 'calendar') return 'calendar hours';
  const schedule = model.schedules.find((s) => s.id === tickets.schedule);
  return `business hours${schedule ? ` (${schedule.name ?? schedule.id})` : ''}`;
}

/** "from 1 Zendesk export file", "from 3 export files of 2 sources". */
function fromWords(sources: TicketOrigin['sources'], presets: readonly string[]): string {
  const files = sources.reduce((n, s) => n + s.files.length, 0);
  const vendors = [...new Set(presets)];
  const kind = vendors.length === 1 ? `${VENDORS[vendors[0]!] ?? 'help-desk'} export` : 'export';
  const of = sources.length > 1 ? ` of ${sources.length} sources` : '';
  return `from ${plural(files, `${kind} file`)}${of}`;
}

export function ticketOrigin(model: Model, kpi: Kpi, tickets: SiteTickets): TicketOrigin | null {
  const spec = kpi.tickets;
  if (!spec) return null;
  const chosen = model.ticketSources.filter((s) => spec.source === undefined || s.id === spec.source);
  const sources = chosen.map((s) => ({ id: s.id, name: s.name ?? s.id, files: [...(tickets?.files.find((f) => f.source === s.id)?.files ?? [])] }));
  const duration = DURATIONS.has(spec.measure);
  const what = duration ? `${statisticWords(spec.statistic)} ${MEASURE_WORDS[spec.measure]} in ${clockWords(model, spec)}` : MEASURE_WORDS[spec.measure];
  const details: TicketOrigin['details'] = [
    { label: 'Measure', text: `\`${spec.measure}\`` },
    ...(duration ? [{ label: 'Statistic', text: statisticWords(spec.statistic) }, { label: 'Clock', text: capitalised(clockWords(model, spec)) }] : []),
    ...(spec.measure === 'sla-adherence' ? [{ label: 'Clock', text: 'Each SLA policy\u2019s own' }] : []),
    { label: 'Period', text: capitalised(spec.period) },
  ];
  return {
    summary: `${what}, per ${spec.period}, ${fromWords(sources, chosen.map((s) => s.preset))}`,
    details,
    sources,
    // The value of a count is its number of tickets: a column beside it would repeat it.
    countsShown: spec.measure !== 'volume' && spec.measure !== 'backlog',
  };
}

/** Per point date, the tickets behind it; null for a series read from a metric CSV. */
export function ticketsByDate(series: Series | undefined): Map<string, number> | null {
  if (!series?.tickets) return null;
  const counts = new Map<string, number>();
  for (let i = 0; i < series.days.length; i++) counts.set(fromDayNumber(series.days[i]!), series.tickets[i]!);
  return counts;
}
