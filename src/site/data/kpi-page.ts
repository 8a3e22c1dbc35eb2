// A page per KPI: the organisation and the scopes that goals are set on, on one chart; every
// other team, channel, segment and SLA policy as a small chart of its own over the
// organisation's line (small multiples, not nine tangled lines), grouped by kind; every person
// as a row of one table (a chart each would be hundreds on a large support team, and a wall
// of agents' charts is not what a review reads); the goals that measure it; and the related
// KPIs beside it (speed next to quality), each with its own small chart and table. A KPI computed from tickets says how, and
// gives the tickets behind each point of the scopes it charts: in the table (a Tickets column,
// or under each value when several scopes share the table) and in the chart's tooltip.
import type { SeriesPoint } from '../../metrics/types.ts';
import type { Kpi } from '../../model/types.ts';
import { toDayNumber } from '../../util/dates.ts';
import type { SiteContext } from './context.ts';
import { directionLabel, formatValue, unitLabel, unitSuffix, zeroBased } from './format.ts';
import { flatGoals, goalTable } from './goal-table.ts';
import { pointsUpTo } from './plan.ts';
import { SHOWN_ROWS } from './goal-page.ts';
import { ticketOrigin, ticketsByDate } from './ticket-origin.ts';
import type { Cell, ChartData, ChartSeries, Column, KpiPage, OtherScopes, RelatedKpi, TableData } from './types.ts';

/** Scopes a KPI has data for, `org` first, then by label. */
export function scopesOf(ctx: SiteContext, kpi: string): { scope: string; label: string; points: SeriesPoint[] }[] {
  const out = [];
  for (const series of ctx.seriesOfKpi(kpi)) {
    const points = pointsUpTo(series, ctx.asOf);
    if (points.length) out.push({ scope: series.scope, label: ctx.scopeLabel(series.scope), points });
  }
  return out.sort((a, b) => (a.scope === 'org' ? -1 : b.scope === 'org' ? 1 : a.label < b.label ? -1 : a.label > b.label ? 1 : a.scope < b.scope ? -1 : 1));
}

type ScopeSeries = ReturnType<typeof scopesOf>[number];

/** Per shown scope, the tickets behind each point by date; null when the KPI's tables show none. */
type ScopeTickets = (ReadonlyMap<string, number> | null)[] | null;

function scopeTickets(ctx: SiteContext, kpi: Kpi, scopes: readonly ScopeSeries[]): ScopeTickets {
  if (!ticketOrigin(ctx.model, kpi, ctx.tickets)?.countsShown) return null;
  return scopes.map((s) => ticketsByDate(ctx.seriesOf(kpi.id, s.scope)));
}

const ticketText = (n: number | null) => `${formatValue(n, 'count')} ${n === 1 ? 'ticket' : 'tickets'}`;

/**
 * Every scope's series by date, newest first, the latest rows shown: the scopes on the main
 * chart as columns, the others written to the CSV only (the CSV has every row and scope).
 * The tickets behind the shown scopes' points make a Tickets column beside a single scope;
 * beside several, each value says its count under it, and the CSV has a column per scope.
 */
function seriesTable(kpi: Kpi, csv: string, caption: string, shown: readonly ScopeSeries[], others: readonly ScopeSeries[] = [], tickets: ScopeTickets = null): TableData {
  const value = (v: number | undefined) => formatValue(v ?? null, kpi.unit);
  const scopes = [...shown, ...others];
  const dates = [...new Set(scopes.flatMap((s) => s.points.map((p) => p.date)))].sort().reverse();
  const byDate = scopes.map((s) => new Map(s.points.map((p) => [p.date, p])));
  const counted = shown.map((s, i) => ({ s, counts: tickets?.[i] ?? null })).filter((c): c is { s: ScopeSeries; counts: ReadonlyMap<string, number> } => c.counts !== null);
  const single = shown.length === 1;
  const ticketColumns: Column[] = counted.map(({ s }) => (single ? { label: 'Tickets', numeric: true } : { label: `${s.label} tickets`, numeric: true, csvOnly: true }));
  const valueCell = (i: number, date: string): Cell => {
    const point = byDate[i]!.get(date);
    const count = !single && point ? (tickets?.[i]?.get(date) ?? null) : null;
    return { text: value(point?.value), num: point?.value ?? null, ...(count !== null ? { note: ticketText(count) } : {}) };
  };
  // A column only the CSV has is written from `num`: its text is never read, and formatting
  // it for every scope and period was most of a large workspace's KPI pages.
  const csvOnlyCell = (i: number, date: string): Cell => ({ text: '', num: byDate[i]!.get(date)?.value ?? null });
  return {
    csv,
    caption,
    columns: [
      { label: 'Period', nowrap: true, secondary: true },
      { label: 'Date', nowrap: true },
      ...shown.map((s) => ({ label: s.label, numeric: true })),
      ...ticketColumns,
      ...others.map((s) => ({ label: s.label, numeric: true, csvOnly: true })),
    ],
    rows: dates.map((date) => ({
      cells: [
        { text: byDate.map((m) => m.get(date)?.period).find(Boolean) ?? date },
        { text: date },
        ...shown.map((_, i) => valueCell(i, date)),
        ...counted.map(({ counts }) => {
          const count = counts.get(date) ?? null;
          return { text: formatValue(count, 'count'), num: count };
        }),
        ...others.map((_, k) => csvOnlyCell(shown.length + k, date)),
      ],
    })),
    shownRows: SHOWN_ROWS,
    empty: `No data for ${kpi.name} yet.`,
  };
}

const lastOf = (s: ScopeSeries) => s.points[s.points.length - 1]!;

/** "4 h 30 min on 2026-06-28": a scope's latest value and its date. */
const latestText = (s: ScopeSeries, kpi: Kpi) => `${formatValue(lastOf(s).value, kpi.unit)} on ${lastOf(s).date}`;

function chartOf(ctx: SiteContext, kpi: Kpi, scopes: readonly ScopeSeries[], reference: ScopeSeries | null = null, tickets: ScopeTickets = null): ChartData {
  const named = scopes.map((s) => `${s.label} ${latestText(s, kpi)}`);
  const series: ChartSeries[] = scopes.map((s, i) => {
    const counts = tickets?.[i];
    return {
      label: s.label,
      role: 'scope',
      points: s.points.map((p) => [toDayNumber(p.date), p.value]),
      ...(counts ? { tickets: s.points.map((p) => counts.get(p.date) ?? null) } : {}),
      end: { name: s.label, value: formatValue(lastOf(s).value, kpi.unit) },
    };
  });
  if (reference) series.unshift({ label: reference.label, role: 'reference', points: reference.points.map((p) => [toDayNumber(p.date), p.value]) });
  return {
    ariaLabel: scopes.length
      ? `Line chart of ${kpi.name} (${kpi.unit}, ${directionLabel(kpi.direction)}) ${scopes.length === 1 ? `for ${scopes[0]!.label}` : 'by scope'}, up to ${ctx.asOf}${reference ? `, drawn over ${reference.label} for reference` : ''}. Latest: ${named.join('; ')}.`
      : `Chart of ${kpi.name}: no data yet.`,
    unit: unitSuffix(kpi.unit),
    valueUnit: kpi.unit,
    series,
    asOfDay: toDayNumber(ctx.asOf),
    ...(zeroBased(kpi.unit) ? { yMin: 0 } : {}),
  };
}

/** The organisation and the scopes goals are set on, else the scope with the most data. */
export function mainScopes(ctx: SiteContext, kpi: Kpi, scopes: readonly ScopeSeries[]): ScopeSeries[] {
  const goalScopes = new Set(ctx.model.goals.filter((g) => g.kpi === kpi.id).map((g) => g.scope));
  const main = scopes.filter((s) => s.scope === 'org' || goalScopes.has(s.scope));
  if (main.length || !scopes.length) return main;
  return [[...scopes].sort((a, b) => b.points.length - a.points.length || (a.scope < b.scope ? -1 : 1))[0]!];
}

/** Rows of a small-multiples table shown on the page (the CSV has them all). */
const GROUP_ROWS = 6;

/** The headings of the small multiples, by scope kind, in the order they appear, and the name of their table's CSV. */
const SCOPE_KINDS: readonly [kind: string, heading: string, csv: string, noun: string][] = [
  ['team', 'Teams', 'teams', 'team'],
  ['channel', 'Channels', 'channels', 'channel'],
  ['segment', 'Segments', 'segments', 'segment'],
  ['sla', 'SLA policies', 'sla-policies', 'SLA policy'],
];

const kindOf = (scope: string) => scope.slice(0, Math.max(0, scope.indexOf(':')));

/** Every scope but the organisation and people, a small chart each, grouped by kind; scopes of a kind the format does not name come last. */
function otherScopes(ctx: SiteContext, kpi: Kpi, scopes: readonly ScopeSeries[], org: ScopeSeries | null): OtherScopes[] {
  const group = (heading: string, csv: string, noun: string, list: readonly ScopeSeries[]): OtherScopes => ({
    heading,
    scopes: list.map((s) => ({ scope: s.scope, label: s.label, latest: latestText(s, kpi), chart: chartOf(ctx, kpi, [s], org) })),
    // Fewer rows than the main table: the charts above give the trend, and on a phone each row is a card.
    table: { ...seriesTable(kpi, `kpis/${kpi.id}/${csv}`, `${kpi.name} by ${noun}, newest first`, list), shownRows: GROUP_ROWS },
  });
  const named = new Set(SCOPE_KINDS.map(([kind]) => kind));
  const groups = SCOPE_KINDS.map(([kind, heading, csv, noun]) => group(heading, csv, noun, scopes.filter((s) => kindOf(s.scope) === kind)));
  groups.push(group('Other scopes', 'other-scopes', 'scope', scopes.filter((s) => s.scope !== 'org' && kindOf(s.scope) !== 'person' && !named.has(kindOf(s.scope)))));
  return groups.filter((g) => g.scopes.length > 0);
}

/**
 * Every person with data on the KPI, by name: their latest value and team; null when nobody has
 * data. A KPI computed from tickets also gives the tickets the latest value stands on: a
 * person's figure is often a handful of tickets, which a review should see before comparing it.
 */
function peopleTable(ctx: SiteContext, kpi: Kpi, scopes: readonly ScopeSeries[]): TableData | null {
  const people = scopes.filter((s) => kindOf(s.scope) === 'person');
  if (!people.length) return null;
  const countsShown = ticketOrigin(ctx.model, kpi, ctx.tickets)?.countsShown ?? false;
  const ticketsOfLatest = (s: ScopeSeries): number | null => (countsShown ? (ctx.seriesOf(kpi.id, s.scope)?.tickets?.[s.points.length - 1] ?? null) : null);
  return {
    csv: `kpis/${kpi.id}/people`,
    caption: `${kpi.name}, latest value of each person`,
    // The team goes under the name and the date under the value, so that the table fits a
    // phone; the CSV has them in columns of their own.
    columns: [
      { label: 'Person' },
      { label: 'Latest', numeric: true },
      ...(countsShown ? [{ label: 'Tickets', numeric: true }] : []),
      { label: 'Team', csvOnly: true },
      { label: 'Date', csvOnly: true },
      { label: 'Scope', csvOnly: true },
    ],
    rows: people.map((s) => {
      const last = lastOf(s);
      const team = ctx.team(ctx.person(s.scope.slice('person:'.length))?.team);
      const tickets = ticketsOfLatest(s);
      return {
        cells: [
          { text: s.label, ...(team ? { note: team.name } : {}) },
          { text: formatValue(last.value, kpi.unit), num: last.value, note: `on ${last.date}` },
          ...(countsShown ? [{ text: formatValue(tickets, 'count'), num: tickets }] : []),
          { text: team?.name ?? '' },
          { text: last.date },
          { text: s.scope },
        ],
      };
    }),
  };
}

function related(ctx: SiteContext, kpi: Kpi, id: string): RelatedKpi | null {
  const other = ctx.kpi(id);
  if (!other) return null;
  const scopes = scopesOf(ctx, other.id);
  const chosen = scopes.find((s) => s.scope === 'org') ?? [...scopes].sort((a, b) => b.points.length - a.points.length)[0];
  const shown = chosen ? [chosen] : [];
  const tickets = scopeTickets(ctx, other, shown);
  return {
    kpi: { id: other.id, name: other.name, href: `kpis/${other.id}/` },
    scopeLabel: chosen?.label ?? 'Organisation',
    direction: directionLabel(other.direction),
    latest: chosen ? latestText(chosen, other) : 'No data',
    chart: chartOf(ctx, other, shown, null, tickets),
    table: seriesTable(other, `kpis/${kpi.id}/related-${other.id}`, `${other.name}, ${chosen?.label ?? 'no data'}, newest first`, shown, [], tickets),
  };
}

export function buildKpiPage(ctx: SiteContext, kpi: Kpi): KpiPage {
  const scopes = scopesOf(ctx, kpi.id);
  const main = mainScopes(ctx, kpi, scopes);
  const rest = scopes.filter((s) => !main.includes(s));
  const org = scopes.find((s) => s.scope === 'org') ?? null;
  const tickets = scopeTickets(ctx, kpi, main);
  return {
    id: kpi.id,
    name: kpi.name,
    description: kpi.description ?? null,
    unitLabel: unitLabel(kpi.unit),
    direction: directionLabel(kpi.direction),
    chart: chartOf(ctx, kpi, main, null, tickets),
    others: otherScopes(ctx, kpi, rest, org),
    people: peopleTable(ctx, kpi, scopes),
    series: seriesTable(kpi, `kpis/${kpi.id}/series`, `${kpi.name} by scope, newest first`, main, rest, tickets),
    goals: goalTable(ctx, `kpis/${kpi.id}/goals`, `Goals measured by ${kpi.name}`, flatGoals(ctx.model.goals.filter((g) => g.kpi === kpi.id)), 'No goal measures this KPI.'),
    related: kpi.related.map((id) => related(ctx, kpi, id)).filter((r): r is RelatedKpi => r !== null),
    computed: ticketOrigin(ctx.model, kpi, ctx.tickets),
    source: { file: kpi.source.file, line: kpi.source.line },
  };
}
