// A quarterly review page that accounts for every goal: those under way in the quarter (each
// with its status and value at this and the previous quarter's end, the change and the owner),
// those due in it, those closed in an earlier quarter and those that start later, with counts
// that add up to the whole. It opens with the goals that need attention. Statuses at other
// dates come from `progressAt(date)`; a quarter still running is taken at the as-of date, and
// a quarter that has not started shows today's statuses and what falls due in it. The
// review(s) of the quarter held by the as-of date add the owners' check-ins beside the goals'
// statuses and the decisions with their state (review-section.ts); hires show against the plan.
import type { GoalProgress } from '../../compute/types.ts';
import type { Goal } from '../../model/types.ts';
import { addDays, quarterOf, quarterRange } from '../../util/dates.ts';
import { needsAttention } from './attention.ts';
import type { SiteContext } from './context.ts';
import { formatDifference, formatNumber, formatValue, plural } from './format.ts';
import { rowFilter } from './goal-table.ts';
import { pointsUpTo } from './plan.ts';
import { previousQuarter, type QuarterSpan } from './quarters.ts';
import { SLA_KPI } from './sla-page.ts';
import { combinePeriods, ROLLUP_WORDS } from '../../compute/combine-periods.ts';
import { hiresIn } from './hiring-page.ts';
import { quarterReview } from './review-section.ts';
import { countStatuses, STATUS_LABELS, STATUS_RANK } from './status.ts';
import type { Cell, QuarterPage, Row, TableData } from './types.ts';
import { statusSentence, withoutLabel } from './verdict.ts';

const DASH = '\u2014';
const goalCell = (goal: Goal): Cell => ({ text: goal.title, href: `goals/${goal.id}/` });
const statusCell = (p: GoalProgress | undefined): Cell => (p ? { text: STATUS_LABELS[p.status], status: p.status } : { text: DASH });

/** How a goal moved between two dates; CHANGE_ORDER sorts the review table. */
function change(before: GoalProgress | undefined, after: GoalProgress | undefined): string {
  if (!after) return DASH;
  if (!before || before.status === 'not-started') return after.status === 'not-started' ? 'Not started' : 'Started';
  const [a, b] = [STATUS_RANK[before.status], STATUS_RANK[after.status]];
  if (a === null && b !== null) return 'First data';
  if (a !== null && b === null) return 'Data stopped';
  if (a === null || b === null) return 'Unchanged';
  return b > a ? 'Improved' : b < a ? 'Slipped' : 'Unchanged';
}

const CHANGE_ORDER = ['Slipped', 'Data stopped', 'Improved', 'First data', 'Started', 'Unchanged', 'Not started', DASH];

/** Where the goals of the workspace stand relative to one quarter. */
export interface QuarterGroups {
  underWay: Goal[];
  /** The goals under way that fall due in the quarter. */
  due: Goal[];
  /** Due before the quarter started. */
  closed: Goal[];
  /** Starting after the quarter ends. */
  later: Goal[];
}

/** Every goal in exactly one of under way, closed earlier or starting later. */
export function groupGoals(goals: readonly Goal[], span: { start: string; end: string }): QuarterGroups {
  const underWay = goals.filter((g) => g.target.date >= span.start && g.start < span.end);
  return {
    underWay,
    due: underWay.filter((g) => g.target.date <= span.end),
    closed: goals.filter((g) => g.target.date < span.start),
    later: goals.filter((g) => g.target.date >= span.start && g.start >= span.end),
  };
}

/** "2 closed in 2026-Q1, 1 in 2026-Q2" from goals, the quarter each belongs to and what it did there. */
function byQuarter(goals: readonly Goal[], placeOf: (goal: Goal) => { verb: string; quarter: string }): string | null {
  if (!goals.length) return null;
  const counts = new Map<string, { verb: string; quarter: string; n: number }>();
  for (const goal of goals) {
    const place = placeOf(goal);
    const key = `${place.quarter} ${place.verb}`;
    counts.set(key, { ...place, n: (counts.get(key)?.n ?? 0) + 1 });
  }
  let verb = '';
  return [...counts]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([, c]) => {
      const text = c.verb === verb ? `${c.n} in ${c.quarter}` : `${c.n} ${c.verb} ${c.quarter}`;
      verb = c.verb;
      return text;
    })
    .join(', ');
}

export function buildQuarterPage(ctx: SiteContext, span: QuarterSpan, progressAt: (date: string) => Map<string, GoalProgress>): QuarterPage {
  const fy = ctx.model.workspace.fiscalYearStart;
  const evaluatedAt = span.state === 'closed' ? span.end : ctx.asOf;
  const upcoming = span.state === 'upcoming';
  const prevLabel = previousQuarter(span.label);
  const prevEnd = quarterRange(prevLabel, fy)!.end;
  const now = progressAt(evaluatedAt);
  const before = upcoming ? new Map<string, GoalProgress>() : progressAt(prevEnd);
  const groups = groupGoals(ctx.model.goals, span);
  const kpiOf = (goal: Goal) => ctx.kpi(goal.kpi);
  const unitOf = (goal: Goal) => kpiOf(goal)?.unit ?? 'count';
  const value = (goal: Goal, v: number | null | undefined) => formatValue(v, unitOf(goal));
  const owner = (goal: Goal): Cell => ({ text: ctx.personName(goal.owner) });
  const filtered = (goal: Goal, cells: Cell[]): Row => ({ cells, filter: rowFilter(ctx, goal, now.get(goal.id)) });
  const csv = (name: string) => `quarters/${span.label}/${name}`;

  const moved = (goal: Goal): Cell => {
    const [a, b] = [before.get(goal.id)?.current ?? null, now.get(goal.id)?.current ?? null];
    const kpi = kpiOf(goal);
    if (a === null || b === null || !kpi) return { text: '', num: null };
    if (a === b) return { text: 'same value', num: 0 };
    const better = kpi.direction === 'increase' ? b > a : b < a;
    return { text: `${formatDifference(b - a, kpi.unit)} ${better ? 'better' : 'worse'}`, num: b - a };
  };

  const changes = groups.underWay
    .map((goal) => ({ goal, change: change(before.get(goal.id), now.get(goal.id)) }))
    .sort((a, b) => CHANGE_ORDER.indexOf(a.change) - CHANGE_ORDER.indexOf(b.change));
  const nowLabel = evaluatedAt === span.end ? `End of ${span.label}` : upcoming ? `Today (${evaluatedAt})` : `On ${evaluatedAt}`;
  const underWay: TableData = upcoming
    ? {
        csv: csv('changes'),
        caption: `Goals under way in ${span.label}, with today's status (${evaluatedAt})`,
        columns: [{ label: 'ID', csvOnly: true }, { label: 'Goal' }, { label: 'Owner' }, { label: 'Status today' }, { label: 'Value today', numeric: true }, { label: 'Due', nowrap: true }],
        rows: groups.underWay.map((goal) => {
          const p = now.get(goal.id);
          return filtered(goal, [{ text: goal.id }, goalCell(goal), owner(goal), statusCell(p), { text: value(goal, p?.current), num: p?.current ?? null }, { text: goal.target.date }]);
        }),
        empty: 'No goal is under way in this quarter.',
      }
    : {
        csv: csv('changes'),
        caption: `Status and value on ${evaluatedAt} beside the end of ${prevLabel} (${prevEnd})`,
        columns: [
          { label: 'ID', csvOnly: true },
          { label: 'Goal' },
          { label: 'Owner' },
          { label: `End of ${prevLabel}` },
          { label: nowLabel },
          { label: 'Change' },
          { label: `Value at end of ${prevLabel}`, numeric: true, csvOnly: true },
          { label: `Value ${evaluatedAt === span.end ? `at end of ${span.label}` : `on ${evaluatedAt}`}`, numeric: true, csvOnly: true },
          { label: 'Value moved', numeric: true, csvOnly: true },
        ],
        rows: changes.map(({ goal, change: c }) => {
          const [p, q] = [before.get(goal.id), now.get(goal.id)];
          const move = moved(goal);
          return filtered(goal, [
            { text: goal.id },
            goalCell(goal),
            owner(goal),
            { ...statusCell(p), note: value(goal, p?.current) },
            { ...statusCell(q), note: value(goal, q?.current) },
            { text: c, ...(move.text ? { note: move.text } : {}) },
            { text: value(goal, p?.current), num: p?.current ?? null },
            { text: value(goal, q?.current), num: q?.current ?? null },
            move,
          ]);
        }),
        empty: 'No goal is under way in this quarter.',
      };

  const sentence = (goal: Goal) => {
    const kpi = kpiOf(goal);
    const p = now.get(goal.id);
    return kpi && p ? withoutLabel(statusSentence(goal, kpi, p, evaluatedAt), p.status) : DASH;
  };
  const due: TableData = {
    csv: csv('due'),
    caption: `Goals due in ${span.label}`,
    columns: [{ label: 'ID', csvOnly: true }, { label: 'Goal' }, { label: 'Owner' }, { label: 'Due', nowrap: true }, { label: upcoming ? 'Status today' : 'Status' }, { label: upcoming || evaluatedAt < span.end ? 'Where it stands' : 'Outcome' }],
    rows: groups.due.map((goal) => filtered(goal, [{ text: goal.id }, goalCell(goal), owner(goal), { text: goal.target.date }, statusCell(now.get(goal.id)), { text: sentence(goal) }])),
    empty: `No goal is due in ${span.label}.`,
  };
  // Before a quarter that has not started, a goal due earlier may still be running today.
  const closed: TableData = {
    csv: csv('closed'),
    caption: `Goals ${upcoming ? 'due' : 'closed'} before ${span.label}`,
    columns: [{ label: 'ID', csvOnly: true }, { label: 'Goal' }, { label: 'Owner' }, { label: 'Due', nowrap: true }, { label: upcoming ? 'Status today' : 'Outcome' }, { label: upcoming ? 'Where it stands' : 'Where it ended' }],
    rows: groups.closed.map((goal) => filtered(goal, [{ text: goal.id }, goalCell(goal), owner(goal), { text: goal.target.date }, statusCell(now.get(goal.id)), { text: sentence(goal) }])),
    empty: `No goal closed before ${span.label}.`,
  };
  const later: TableData = {
    csv: csv('later'),
    caption: `Goals that start after ${span.label}`,
    columns: [{ label: 'ID', csvOnly: true }, { label: 'Goal' }, { label: 'Owner' }, { label: 'Starts', nowrap: true }, { label: 'Due', nowrap: true }],
    rows: groups.later.map((goal) => filtered(goal, [{ text: goal.id }, goalCell(goal), owner(goal), { text: goal.start }, { text: goal.target.date }])),
    empty: `Every goal has started by the end of ${span.label}.`,
  };

  const parts = [
    `${plural(groups.underWay.length, 'under way', 'under way')}${groups.due.length ? ` (${groups.due.length} due in ${span.label})` : ''}`,
    byQuarter(groups.closed, (g) => ({ verb: g.target.date < evaluatedAt ? 'closed in' : 'due in', quarter: quarterOf(g.target.date, fy) })),
    byQuarter(groups.later, (g) => ({ verb: groups.later.length === 1 ? 'starts in' : 'start in', quarter: quarterOf(addDays(g.start, 1), fy) })),
  ].filter((p): p is string => p !== null);

  // The quarter's figure combines its periods by the adherence KPI's `rollup` (mean by default).
  const rollup = ctx.kpi(SLA_KPI)?.rollup ?? 'mean';
  const sla = [...ctx.model.slaPolicies].sort((a, b) => a.priority - b.priority).map((policy) => {
    const points = upcoming ? [] : pointsUpTo(ctx.seriesOf(SLA_KPI, `sla:${policy.id}`), evaluatedAt).filter((p) => p.date >= span.start);
    const combined = combinePeriods(points.map((p) => p.value), rollup);
    const met = points.filter((p) => p.value >= policy.target).length;
    return { policy, points, combined, met };
  });
  const hires = ctx.model.hiringProfiles.map((p) => ({ p, ...hiresIn(p, span.label) })).filter((h) => h.hires > 0 || h.hired !== null);
  return {
    label: span.label,
    start: span.start,
    end: span.end,
    state: span.state,
    evaluatedAt,
    previous: { label: prevLabel, end: prevEnd },
    summary: `${plural(ctx.model.goals.length, 'goal')}: ${parts.join(', ')}`,
    groups: { underWay: groups.underWay.length, due: groups.due.length, closed: groups.closed.length, later: groups.later.length },
    counts: countStatuses(groups.underWay.map((g) => now.get(g.id)?.status ?? 'no-data')),
    attention: needsAttention(ctx, groups.underWay, (id) => now.get(id), evaluatedAt),
    improved: changes.filter((c) => c.change === 'Improved').length,
    slipped: changes.filter((c) => c.change === 'Slipped').length,
    changes: underWay,
    due,
    closed,
    later,
    sla: {
      csv: csv('sla'),
      caption: `SLA adherence in ${span.label}${!upcoming && evaluatedAt < span.end ? ` (to ${evaluatedAt})` : ''}`,
      columns: [{ label: 'ID', csvOnly: true }, { label: 'Policy' }, { label: 'Target', numeric: true }, { label: `Adherence (${ROLLUP_WORDS[rollup]} of the periods)`, numeric: true }, { label: 'Periods on target' }, { label: 'Met' }],
      rows: sla.map(({ policy, points, combined, met }) => ({
        cells: [
          { text: policy.id }, { text: policy.name, href: `sla/#${policy.id}` },
          { text: formatValue(policy.target, 'percent'), num: policy.target },
          { text: combined === null ? DASH : `${formatNumber(combined, 1)}%`, num: combined },
          { text: points.length ? `${met} of ${plural(points.length, 'period')}` : upcoming ? 'Not started' : 'No data' },
          { text: combined === null ? (upcoming ? 'Not started' : 'No data') : combined >= policy.target ? 'Yes' : 'No' },
        ],
      })),
      empty: 'No SLA policies defined.',
    },
    hiring: {
      csv: csv('hiring'),
      caption: `Hires planned in ${span.label}, and hires made`,
      columns: [{ label: 'ID', csvOnly: true }, { label: 'Profile' }, { label: 'Team' }, { label: 'Planned', numeric: true }, { label: 'Hired', numeric: true }, { label: 'Serves', prose: true }],
      rows: hires.map(({ p, hires: n, hired }) => ({
        cells: [
          { text: p.id }, { text: p.role, href: `hiring/#${p.id}` }, { text: ctx.team(p.team)?.name ?? p.team },
          { text: String(n), num: n },
          { text: hired !== null ? String(hired) : upcoming ? DASH : 'Not recorded', num: hired },
          { text: p.supports.map((id) => ctx.goal(id)?.title ?? id).join('; ') || DASH },
        ],
      })),
      empty: `No hires planned in ${span.label}.`,
    },
    review: quarterReview(ctx, span, evaluatedAt, (id) => now.get(id)),
  };
}
