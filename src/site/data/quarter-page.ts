// A quarterly review page: each goal's status at the quarter's end beside its status at the
// previous quarter's end, goals due in the quarter, the biggest gaps to plan, SLA adherence in
// the quarter and the hires planned for it. Statuses at other dates come from
// `progressAt(date)`; a quarter still running is taken at the as-of date.
import type { GoalProgress } from '../../compute/types.ts';
import type { Goal } from '../../model/types.ts';
import { quarterRange } from '../../util/dates.ts';
import type { SiteContext } from './context.ts';
import { formatNumber, formatShare, formatValue, plural } from './format.ts';
import { pointsUpTo } from './plan.ts';
import { previousQuarter, type QuarterSpan } from './quarters.ts';
import { SLA_KPI } from './sla-page.ts';
import { countStatuses, STATUS_LABELS, STATUS_RANK } from './status.ts';
import type { Cell, QuarterPage } from './types.ts';

const goalCell = (goal: Goal): Cell => ({ text: goal.title, href: `goals/${goal.id}/` });
const statusCell = (p: GoalProgress | undefined): Cell => (p ? { text: STATUS_LABELS[p.status], status: p.status } : { text: '\u2014' });

/** How a goal moved between two dates; CHANGE_ORDER sorts the review table. */
function change(before: GoalProgress | undefined, after: GoalProgress | undefined): string {
  if (!after) return '\u2014';
  if (!before || before.status === 'not-started') return after.status === 'not-started' ? 'Not started' : 'Started';
  const [a, b] = [STATUS_RANK[before.status], STATUS_RANK[after.status]];
  if (a === null && b !== null) return 'First data';
  if (a !== null && b === null) return 'Data stopped';
  if (a === null || b === null) return 'Unchanged';
  return b > a ? 'Improved' : b < a ? 'Slipped' : 'Unchanged';
}

const CHANGE_ORDER = ['Slipped', 'Data stopped', 'Improved', 'First data', 'Started', 'Unchanged', 'Not started', '\u2014'];

export function buildQuarterPage(ctx: SiteContext, span: QuarterSpan, progressAt: (date: string) => Map<string, GoalProgress>): QuarterPage {
  const evaluatedAt = span.state === 'upcoming' ? null : span.state === 'closed' ? span.end : ctx.asOf;
  const prevLabel = previousQuarter(span.label);
  const prevEnd = quarterRange(prevLabel, ctx.model.workspace.fiscalYearStart)!.end;
  const now = evaluatedAt ? progressAt(evaluatedAt) : new Map<string, GoalProgress>();
  const before = evaluatedAt ? progressAt(prevEnd) : new Map<string, GoalProgress>();
  const active = ctx.model.goals.filter((g) => g.start < span.end && g.target.date >= span.start);
  const changes = active
    .map((goal) => ({ goal, change: change(before.get(goal.id), now.get(goal.id)) }))
    .sort((a, b) => CHANGE_ORDER.indexOf(a.change) - CHANGE_ORDER.indexOf(b.change));
  const unitOf = (goal: Goal) => ctx.kpi(goal.kpi)?.unit ?? 'count';
  const due = active.filter((g) => g.target.date <= span.end);
  const gaps = active
    .map((goal) => ({ goal, p: now.get(goal.id) }))
    .filter(({ goal, p }) => goal.type === 'reach' && p && p.attainment !== null && p.expected !== null && p.expected - p.attainment > 0 && p.status !== 'achieved')
    .sort((a, b) => b.p!.expected! - b.p!.attainment! - (a.p!.expected! - a.p!.attainment!) || (a.goal.id < b.goal.id ? -1 : 1))
    .slice(0, 5);
  const sla = [...ctx.model.slaPolicies].sort((a, b) => a.priority - b.priority).map((policy) => {
    const points = evaluatedAt ? pointsUpTo(ctx.seriesOf(SLA_KPI, `sla:${policy.id}`), evaluatedAt).filter((p) => p.date >= span.start) : [];
    const mean = points.length ? points.reduce((s, p) => s + p.value, 0) / points.length : null;
    const met = points.filter((p) => p.value >= policy.target).length;
    return { policy, points, mean, met };
  });
  const hires = ctx.model.hiringProfiles
    .map((p) => ({ p, hires: p.headcount.filter((h) => h.quarter === span.label).reduce((s, h) => s + h.hires, 0) }))
    .filter((h) => h.hires > 0);
  const csv = (name: string) => `quarters/${span.label}/${name}`;
  return {
    label: span.label,
    start: span.start,
    end: span.end,
    state: span.state,
    evaluatedAt,
    previous: { label: prevLabel, end: prevEnd },
    counts: countStatuses(active.map((g) => now.get(g.id)?.status).filter((s) => s !== undefined)),
    improved: changes.filter((c) => c.change === 'Improved').length,
    slipped: changes.filter((c) => c.change === 'Slipped').length,
    changes: {
      csv: csv('changes'),
      caption: evaluatedAt ? `Status on ${evaluatedAt} beside status on ${prevEnd} (end of ${prevLabel})` : 'Goals under way in this quarter',
      columns: [{ label: 'ID', csvOnly: true }, { label: 'Goal' }, { label: `End of ${prevLabel}` }, { label: evaluatedAt === span.end ? `End of ${span.label}` : `On ${evaluatedAt ?? span.end}` }, { label: 'Change' }],
      rows: changes.map(({ goal, change: c }) => ({ cells: [{ text: goal.id }, goalCell(goal), statusCell(before.get(goal.id)), statusCell(now.get(goal.id)), { text: c }] })),
      empty: 'No goal is under way in this quarter.',
    },
    due: {
      csv: csv('due'),
      caption: `Goals due in ${span.label}`,
      columns: [{ label: 'ID', csvOnly: true }, { label: 'Goal' }, { label: 'Due', nowrap: true }, { label: 'Status' }, { label: 'Outcome' }],
      rows: due.map((goal) => {
        const p = now.get(goal.id);
        const outcome = !evaluatedAt || evaluatedAt < goal.target.date ? 'Not yet due' : p?.status === 'achieved' ? 'Achieved' : p?.status === 'missed' ? 'Missed' : 'Not met by the due date';
        return { cells: [{ text: goal.id }, goalCell(goal), { text: goal.target.date }, statusCell(p), { text: outcome }] };
      }),
      empty: `No goal is due in ${span.label}.`,
    },
    gaps: {
      csv: csv('gaps'),
      caption: 'Biggest gaps to plan: expected minus actual attainment',
      columns: [{ label: 'ID', csvOnly: true }, { label: 'Goal' }, { label: 'Status' }, { label: 'Current', numeric: true }, { label: 'Planned', numeric: true }, { label: 'Attainment', numeric: true }, { label: 'Expected', numeric: true }, { label: 'Gap (points)', numeric: true }],
      rows: gaps.map(({ goal, p }) => {
        const gap = Math.round((p!.expected! - Math.max(0, p!.attainment!)) * 100);
        return {
          cells: [
            { text: goal.id }, goalCell(goal), statusCell(p),
            { text: formatValue(p!.current, unitOf(goal)), num: p!.current },
            { text: formatValue(p!.planned, unitOf(goal)), num: p!.planned },
            { text: formatShare(p!.attainment), num: p!.attainment },
            { text: formatShare(p!.expected), num: p!.expected },
            { text: formatNumber(gap), num: gap },
          ],
        };
      }),
      empty: evaluatedAt ? 'No goal is behind its planned path.' : 'Not started yet.',
    },
    sla: {
      csv: csv('sla'),
      caption: `SLA adherence in ${span.label}${evaluatedAt && evaluatedAt < span.end ? ` (to ${evaluatedAt})` : ''}`,
      columns: [{ label: 'ID', csvOnly: true }, { label: 'Policy' }, { label: 'Target', numeric: true }, { label: 'Mean adherence', numeric: true }, { label: 'Periods on target' }, { label: 'Met' }],
      rows: sla.map(({ policy, points, mean, met }) => ({
        cells: [
          { text: policy.id }, { text: policy.name, href: `sla/#${policy.id}` },
          { text: formatValue(policy.target, 'percent'), num: policy.target },
          { text: mean === null ? '\u2014' : `${formatNumber(mean, 1)}%`, num: mean },
          { text: points.length ? `${met} of ${plural(points.length, 'period')}` : 'No data' },
          { text: mean === null ? 'No data' : mean >= policy.target ? 'Yes' : 'No' },
        ],
      })),
      empty: 'No SLA policies defined.',
    },
    hiring: {
      csv: csv('hiring'),
      caption: `Hires planned in ${span.label}`,
      columns: [{ label: 'ID', csvOnly: true }, { label: 'Profile' }, { label: 'Team' }, { label: 'Hires', numeric: true }, { label: 'Serves' }],
      rows: hires.map(({ p, hires: n }) => ({
        cells: [
          { text: p.id }, { text: p.role, href: `hiring/#${p.id}` }, { text: ctx.team(p.team)?.name ?? p.team },
          { text: String(n), num: n }, { text: p.supports.map((id) => ctx.goal(id)?.title ?? id).join('; ') || '\u2014' },
        ],
      })),
      empty: `No hires planned in ${span.label}.`,
    },
  };
}
