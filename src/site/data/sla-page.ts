// The SLA page: every policy's limits and adherence target, and its adherence over time
// (series `sla_adherence` at scope `sla:<policy id>`) against that target. From ticket exports
// it also gets, per period, the tickets that met and breached the policy (in the adherence
// table, at the adherence series' period length) and the tickets that breached it most
// recently, each linked into the help desk when its source has a `url` (http(s) only).
import type { SlaPolicy } from '../../model/types.ts';
import type { SlaBreach, SlaPeriodCount } from '../../tickets/types.ts';
import { toDayNumber } from '../../util/dates.ts';
import type { SiteContext } from './context.ts';
import { formatDuration, formatMinutes, formatValue } from './format.ts';
import { SHOWN_ROWS } from './goal-page.ts';
import { flatGoals, goalTable } from './goal-table.ts';
import { pointsUpTo } from './plan.ts';
import { ticketsByDate } from './ticket-origin.ts';
import type { Column, SlaPage, SlaPolicyView, TableData } from './types.ts';

export const SLA_KPI = 'sla_adherence';

function whenText(when: SlaPolicy['when']): string | null {
  if (!when) return null;
  const entries = Object.entries(when).sort(([a], [b]) => (a < b ? -1 : 1));
  return entries.length ? entries.map(([key, value]) => `${key} = ${Array.isArray(value) ? value.map(String).join(' or ') : String(value)}`).join(', ') : null;
}

/** A link into the help desk, or null unless it is an absolute http(s) URL. */
export function helpDeskUrl(text: string | undefined): string | null {
  if (text === undefined) return null;
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

const TARGET_WORDS: Record<SlaBreach['target'], string> = { 'first-response': 'First response', resolution: 'Resolution' };

/**
 * "2 h 15 min late"; for a ticket still open when the export was taken, late so far (a deadline
 * passed in the export's last minute is less than a minute late, not "0 min").
 */
export function lateness(breach: Pick<SlaBreach, 'lateMinutes' | 'ongoing'>): string {
  const late = Math.round(breach.lateMinutes) < 1 ? 'less than 1\u00a0min' : formatDuration(breach.lateMinutes);
  return `${late} late${breach.ongoing ? ' so far' : ''}`;
}

function breachTable(ctx: SiteContext, policy: SlaPolicy): TableData | null {
  if (!ctx.tickets) return null;
  const breaches = ctx.tickets.breaches.filter((b) => b.policy === policy.id && b.date <= ctx.asOf);
  const sources = ctx.model.ticketSources.length > 1;
  return {
    csv: `sla/${policy.id}/breaches`,
    // Only the latest breaches are kept (ingest-tickets.ts): the caption must not read as all of them.
    caption: `The ${breaches.length === 1 ? 'latest breach' : `${breaches.length} latest breaches`} of ${policy.name}, newest first (the adherence table counts every breach); how late in ${policy.clock === 'business' ? 'business' : 'calendar'} hours`,
    columns: [
      { label: 'Ticket' },
      { label: 'Source', csvOnly: !sources },
      { label: 'Breached on', nowrap: true },
      { label: 'Target missed' },
      { label: 'How late' },
      { label: 'Minutes late', numeric: true, csvOnly: true },
      { label: 'Still open', csvOnly: true },
      { label: 'Link', csvOnly: true },
    ],
    rows: breaches.map((b) => {
      const url = helpDeskUrl(b.url);
      return {
        cells: [
          { text: b.ticket, ...(url ? { external: url } : {}) },
          { text: ctx.model.ticketSources.find((s) => s.id === b.source)?.name ?? b.source },
          { text: b.date },
          { text: TARGET_WORDS[b.target] },
          { text: lateness(b), ...(b.ongoing ? { flag: 'Still open' } : {}) },
          { text: String(b.lateMinutes), num: b.lateMinutes },
          { text: b.ongoing ? 'Yes' : 'No' },
          { text: url ?? '' },
        ],
      };
    }),
    shownRows: SHOWN_ROWS,
    empty: `No ticket in the exports breached ${policy.name} up to ${ctx.asOf}.`,
  };
}

/** The policy's met and breached counts by period end date, at one period length, up to the as-of date. */
function periodCounts(ctx: SiteContext, policy: string, granularity: SlaPeriodCount['granularity'] | undefined): Map<string, SlaPeriodCount> | null {
  const mine = ctx.tickets?.slaCounts.filter((c) => c.policy === policy) ?? [];
  const length = granularity ?? mine[0]?.granularity;
  const chosen = mine.filter((c) => c.granularity === length && c.date <= ctx.asOf);
  return chosen.length ? new Map(chosen.map((c) => [c.date, c])) : null;
}

function policyView(ctx: SiteContext, policy: SlaPolicy): SlaPolicyView {
  const series = ctx.seriesOf(SLA_KPI, `sla:${policy.id}`);
  const points = pointsUpTo(series, ctx.asOf);
  const counts = periodCounts(ctx, policy.id, series?.granularity);
  const tickets = ticketsByDate(series);
  const byDate = new Map(points.map((p) => [p.date, p]));
  const dates = [...new Set([...byDate.keys(), ...(counts?.keys() ?? [])])].sort().reverse();
  const pct = (v: number | null | undefined) => formatValue(v, 'percent');
  const last = points[points.length - 1];
  const days = points.map((p) => toDayNumber(p.date));
  const span: [number, number] = days.length ? [days[0]!, days[days.length - 1]!] : [toDayNumber(ctx.asOf), toDayNumber(ctx.asOf)];
  return {
    id: policy.id,
    name: policy.name,
    priority: policy.priority,
    firstResponse: formatMinutes(policy.firstResponseMinutes),
    resolution: formatMinutes(policy.resolutionMinutes),
    clock: policy.clock === 'business' ? 'Business hours' : 'Calendar hours',
    target: pct(policy.target),
    when: whenText(policy.when),
    channels: ctx.model.channels.filter((c) => c.sla.includes(policy.id)).map((c) => ({ id: c.id, name: c.name })),
    latest: last ? `${pct(last.value)} on ${last.date}` : 'No data',
    meets: last ? last.value >= policy.target : null,
    chart: {
      ariaLabel: points.length
        ? `Line chart of SLA adherence for ${policy.name}: ${points.length} points from ${points[0]!.date} to ${last!.date}, latest ${pct(last!.value)} against a target of ${pct(policy.target)}; ${points.filter((p) => p.value >= policy.target).length} of ${points.length} periods met the target.`
        : `Chart of SLA adherence for ${policy.name}: no data yet; target ${pct(policy.target)}.`,
      unit: '%',
      valueUnit: 'percent',
      series: [
        {
          label: 'Adherence',
          role: 'actual',
          points: points.map((p) => [toDayNumber(p.date), p.value]),
          ...(tickets ? { tickets: points.map((p) => tickets.get(p.date) ?? null) } : {}),
          ...(last ? { end: { name: 'Latest', value: pct(last.value) } } : {}),
        },
        { label: 'Target', role: 'target', points: [[span[0], policy.target], [span[1], policy.target]], end: { name: 'Target', value: pct(policy.target) } },
      ],
      asOfDay: null,
    },
    table: {
      csv: `sla/${policy.id}/adherence`,
      caption: `Adherence of ${policy.name} by period${counts ? ', with the tickets that met and breached it' : ''}, newest first`,
      columns: [
        { label: 'Period', nowrap: true, secondary: true },
        { label: 'Date', nowrap: true },
        { label: 'Adherence', numeric: true },
        { label: `Meets ${pct(policy.target)}` },
        ...(counts ? [{ label: 'Met', numeric: true }, { label: 'Breached', numeric: true }] satisfies Column[] : []),
      ],
      rows: dates.map((date) => {
        const point = byDate.get(date);
        const count = counts?.get(date);
        return {
          cells: [
            { text: point?.period ?? count?.period ?? date },
            { text: date },
            { text: pct(point?.value), num: point?.value ?? null },
            { text: point ? (point.value >= policy.target ? 'Yes' : 'No') : '\u2014' },
            ...(counts ? [{ text: formatValue(count?.met, 'count'), num: count?.met ?? null }, { text: formatValue(count?.breached, 'count'), num: count?.breached ?? null }] : []),
          ],
        };
      }),
      shownRows: SHOWN_ROWS,
      empty: `No adherence data: add rows for KPI ${SLA_KPI} at scope sla:${policy.id} to a CSV in data/, or compute it from a ticket export.`,
    },
    breaches: breachTable(ctx, policy),
    source: { file: policy.source.file, line: policy.source.line },
  };
}

export function buildSlaPage(ctx: SiteContext): SlaPage {
  const policies = [...ctx.model.slaPolicies].sort((a, b) => a.priority - b.priority).map((p) => policyView(ctx, p));
  const kpi = ctx.kpi(SLA_KPI);
  return {
    adherenceKpi: kpi ? { id: kpi.id, name: kpi.name, href: `kpis/${kpi.id}/` } : null,
    summary: {
      csv: 'sla/policies',
      caption: 'SLA policies, most urgent first',
      columns: [{ label: 'ID', csvOnly: true }, { label: 'Policy' }, { label: 'First response' }, { label: 'Resolution' }, { label: 'Clock' }, { label: 'Target', numeric: true }, { label: 'Latest adherence', numeric: true }, { label: 'Meets target' }],
      rows: policies.map((p) => ({
        cells: [
          { text: p.id },
          { text: p.name, href: `sla/#${p.id}` },
          { text: p.firstResponse },
          { text: p.resolution },
          { text: p.clock },
          { text: p.target, num: ctx.model.slaPolicies.find((x) => x.id === p.id)!.target },
          { text: p.latest },
          { text: p.meets === null ? 'No data' : p.meets ? 'Yes' : 'No' },
        ],
      })),
      empty: 'No SLA policies defined.',
    },
    policies,
    goals: goalTable(ctx, 'sla/goals', 'Goals on SLA adherence', flatGoals(ctx.model.goals.filter((g) => g.scope.startsWith('sla:'))), 'No goal is set on SLA adherence.'),
  };
}
