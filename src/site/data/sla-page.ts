// The SLA page: every policy's limits and adherence target, and its adherence over time
// (series `sla_adherence` at scope `sla:<policy id>`) against that target.
import type { SlaPolicy } from '../../model/types.ts';
import { toDayNumber } from '../../util/dates.ts';
import type { SiteContext } from './context.ts';
import { formatMinutes, formatValue } from './format.ts';
import { SHOWN_ROWS } from './goal-page.ts';
import { flatGoals, goalTable } from './goal-table.ts';
import { pointsUpTo } from './plan.ts';
import type { SlaPage, SlaPolicyView } from './types.ts';

export const SLA_KPI = 'sla_adherence';

function whenText(when: SlaPolicy['when']): string | null {
  if (!when) return null;
  const entries = Object.entries(when).sort(([a], [b]) => (a < b ? -1 : 1));
  return entries.length ? entries.map(([key, value]) => `${key} = ${String(value)}`).join(', ') : null;
}

function policyView(ctx: SiteContext, policy: SlaPolicy): SlaPolicyView {
  const points = pointsUpTo(ctx.seriesOf(SLA_KPI, `sla:${policy.id}`), ctx.asOf);
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
        { label: 'Adherence', role: 'actual', points: points.map((p) => [toDayNumber(p.date), p.value]), ...(last ? { end: { name: 'Latest', value: pct(last.value) } } : {}) },
        { label: 'Target', role: 'target', points: [[span[0], policy.target], [span[1], policy.target]], end: { name: 'Target', value: pct(policy.target) } },
      ],
      asOfDay: null,
    },
    table: {
      csv: `sla/${policy.id}/adherence`,
      caption: `Adherence of ${policy.name} by period, newest first`,
      columns: [{ label: 'Period', nowrap: true, secondary: true }, { label: 'Date', nowrap: true }, { label: 'Adherence', numeric: true }, { label: `Met ${pct(policy.target)}` }],
      rows: points
        .map((p) => ({ cells: [{ text: p.period }, { text: p.date }, { text: pct(p.value), num: p.value }, { text: p.value >= policy.target ? 'Yes' : 'No' }] }))
        .reverse(),
      shownRows: SHOWN_ROWS,
      empty: `No adherence data: add rows for KPI ${SLA_KPI} at scope sla:${policy.id} to a CSV in data/.`,
    },
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
