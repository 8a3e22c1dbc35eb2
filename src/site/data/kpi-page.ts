// A page per KPI: every scope's series on one chart, the goals that measure it, and the related
// KPIs beside it (speed next to quality), each with its own small chart and table.
import type { SeriesPoint } from '../../metrics/types.ts';
import type { Kpi } from '../../model/types.ts';
import { toDayNumber } from '../../util/dates.ts';
import type { SiteContext } from './context.ts';
import { directionLabel, formatValue, unitLabel, unitSuffix, zeroBased } from './format.ts';
import { flatGoals, goalTable } from './goal-table.ts';
import { pointsUpTo } from './plan.ts';
import type { ChartData, KpiPage, RelatedKpi, TableData } from './types.ts';

/** Scopes a KPI has data for, `org` first, then by label. */
export function scopesOf(ctx: SiteContext, kpi: string): { scope: string; label: string; points: SeriesPoint[] }[] {
  const out = [];
  for (const series of ctx.series.values()) {
    if (series.kpi !== kpi) continue;
    const points = pointsUpTo(series, ctx.asOf);
    if (points.length) out.push({ scope: series.scope, label: ctx.scopeLabel(series.scope), points });
  }
  return out.sort((a, b) => (a.scope === 'org' ? -1 : b.scope === 'org' ? 1 : a.label < b.label ? -1 : a.label > b.label ? 1 : a.scope < b.scope ? -1 : 1));
}

function seriesTable(kpi: Kpi, csv: string, caption: string, scopes: ReturnType<typeof scopesOf>): TableData {
  const value = (v: number | undefined) => formatValue(v ?? null, kpi.unit);
  if (scopes.length > 6) {
    return {
      csv, caption,
      columns: [{ label: 'Scope' }, { label: 'Period', nowrap: true }, { label: 'Date', nowrap: true }, { label: kpi.name, numeric: true }],
      rows: scopes.flatMap((s) => s.points.map((p) => ({ cells: [{ text: s.label }, { text: p.period }, { text: p.date }, { text: value(p.value), num: p.value }] }))),
    };
  }
  const dates = [...new Set(scopes.flatMap((s) => s.points.map((p) => p.date)))].sort();
  const byDate = scopes.map((s) => new Map(s.points.map((p) => [p.date, p])));
  return {
    csv, caption,
    columns: [{ label: 'Period', nowrap: true }, { label: 'Date', nowrap: true }, ...scopes.map((s) => ({ label: s.label, numeric: true }))],
    rows: dates.map((date) => ({
      cells: [
        { text: byDate.map((m) => m.get(date)?.period).find(Boolean) ?? date },
        { text: date },
        ...byDate.map((m) => ({ text: value(m.get(date)?.value), num: m.get(date)?.value ?? null })),
      ],
    })),
    empty: `No data for ${kpi.name} yet.`,
  };
}

function chartOf(ctx: SiteContext, kpi: Kpi, scopes: ReturnType<typeof scopesOf>): ChartData {
  const named = scopes.slice(0, 6).map((s) => `${s.label} ${formatValue(s.points[s.points.length - 1]!.value, kpi.unit)} on ${s.points[s.points.length - 1]!.date}`);
  const more = scopes.length > 6 ? `, and ${scopes.length - 6} more scopes` : '';
  return {
    ariaLabel: scopes.length
      ? `Line chart of ${kpi.name} (${kpi.unit}, ${directionLabel(kpi.direction)}) by scope, up to ${ctx.asOf}. Latest: ${named.join('; ')}${more}.`
      : `Chart of ${kpi.name}: no data yet.`,
    unit: unitSuffix(kpi.unit),
    series: scopes.map((s) => ({ label: s.label, role: 'scope', points: s.points.map((p) => [toDayNumber(p.date), p.value] as [number, number]) })),
    asOfDay: toDayNumber(ctx.asOf),
    ...(zeroBased(kpi.unit) ? { yMin: 0 } : {}),
  };
}

function related(ctx: SiteContext, kpi: Kpi, id: string): RelatedKpi | null {
  const other = ctx.kpi(id);
  if (!other) return null;
  const scopes = scopesOf(ctx, other.id);
  const chosen = scopes.find((s) => s.scope === 'org') ?? [...scopes].sort((a, b) => b.points.length - a.points.length)[0];
  const shown = chosen ? [chosen] : [];
  const last = chosen?.points[chosen.points.length - 1];
  return {
    kpi: { id: other.id, name: other.name, href: `kpis/${other.id}/` },
    scopeLabel: chosen?.label ?? 'Organisation',
    direction: directionLabel(other.direction),
    latest: last ? `${formatValue(last.value, other.unit)} on ${last.date}` : 'No data',
    chart: chartOf(ctx, other, shown),
    table: seriesTable(other, `kpis/${kpi.id}/related-${other.id}`, `${other.name}, ${chosen?.label ?? 'no data'}`, shown),
  };
}

export function buildKpiPage(ctx: SiteContext, kpi: Kpi): KpiPage {
  const scopes = scopesOf(ctx, kpi.id);
  return {
    id: kpi.id,
    name: kpi.name,
    description: kpi.description ?? null,
    unitLabel: unitLabel(kpi.unit),
    direction: directionLabel(kpi.direction),
    rollup: kpi.rollup,
    chart: chartOf(ctx, kpi, scopes),
    series: seriesTable(kpi, `kpis/${kpi.id}/series`, `${kpi.name} by scope, up to ${ctx.asOf}`, scopes),
    goals: goalTable(ctx, `kpis/${kpi.id}/goals`, `Goals measured by ${kpi.name}`, flatGoals(ctx.model.goals.filter((g) => g.kpi === kpi.id)), 'No goal measures this KPI.'),
    related: kpi.related.map((id) => related(ctx, kpi, id)).filter((r): r is RelatedKpi => r !== null),
    source: { file: kpi.source.file, line: kpi.source.line },
  };
}
