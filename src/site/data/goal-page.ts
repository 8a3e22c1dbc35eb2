// A page per goal: figures, chart, SMART panel, parent and children, the data points and the
// planned path as tables, and where the goal is defined; for a KPI computed from tickets, how,
// and the tickets behind each point; the owner's check-ins at reviews beside the status.
import type { GoalProgress } from '../../compute/types.ts';
import type { Goal } from '../../model/types.ts';
import { addDays } from '../../util/dates.ts';
import type { SiteContext } from './context.ts';
import { formatDifference, formatForecast, formatShare, formatValue } from './format.ts';
import { goalChart } from './goal-chart.ts';
import { flatGoals, goalTable } from './goal-table.ts';
import { plannedPath, plannedValueAt, pointsUpTo } from './plan.ts';
import { smartPanel } from './smart.ts';
import { checkinsOf, checkinView, disagreement } from './reviews.ts';
import { ticketOrigin, ticketsByDate } from './ticket-origin.ts';
import type { Column, Figure, GoalCheckins, GoalPage, TableData } from './types.ts';
import { statusSentence } from './verdict.ts';

const LEAD_IN_DAYS = 91;

/** A long series shows its latest rows on the page; the CSV download has every row. */
export const SHOWN_ROWS = 13;

const LEVEL_LABEL = { organisation: 'Organisation', team: 'Team', person: 'Person' } as const;

export function levelLabel(level: keyof typeof LEVEL_LABEL): string {
  return LEVEL_LABEL[level];
}

function pointLabel(goal: Goal, date: string): string {
  if (date === goal.target.date) return 'Target';
  if (goal.milestones.some((m) => m.date === date)) return 'Milestone';
  if (goal.baseline && goal.baseline.date === date) return 'Baseline';
  return 'Start';
}

/** Past due, a reach goal is judged on its due value and has no forecast (FORMAT.md 1.1). */
function dueValueFigure(progress: GoalProgress | undefined, value: (v: number | null | undefined) => string): Figure {
  if (!progress || progress.dueValue === null || progress.dueDate === null) return { label: 'Value at due date', text: value(null), note: 'no data on or before the due date' };
  const verdict = progress.status === 'achieved' ? 'Achieved' : 'Missed';
  const since = progress.currentDate !== null && progress.currentDate > progress.dueDate ? `; ${value(progress.current)} since` : '';
  return { label: 'Value at due date', text: value(progress.dueValue), note: `${verdict} on ${progress.dueDate} at ${value(progress.dueValue)}${since}` };
}

/** The owner's latest check-in beside the computed status, and the earlier ones. */
function goalCheckins(ctx: SiteContext, goal: Goal, status: GoalProgress['status']): GoalCheckins | null {
  const checkins = checkinsOf(ctx.model, goal.id, ctx.asOf);
  const [latest, ...earlier] = checkins;
  if (!latest) return null;
  return { latest: checkinView(ctx, latest), disagreement: disagreement(latest.confidence, status), history: earlier.map((c) => checkinView(ctx, c)) };
}

export function buildGoalPage(ctx: SiteContext, goal: Goal): GoalPage {
  const kpi = ctx.kpi(goal.kpi)!;
  const unit = kpi.unit;
  const progress = ctx.progressOf(goal.id);
  // The goal's window: from one quarter before its start (for context) to the as-of date.
  const from = addDays(goal.baseline && goal.baseline.date < goal.start ? goal.baseline.date : goal.start, -LEAD_IN_DAYS);
  const series = ctx.seriesOf(goal.kpi, goal.scope);
  const points = pointsUpTo(series, ctx.asOf).filter((p) => p.date >= from);
  const computed = ticketOrigin(ctx.model, kpi, ctx.tickets);
  const tickets = computed?.countsShown ? ticketsByDate(series) : null;
  const scope = ctx.scopeLabel(goal.scope);
  const parent = goal.parent ? ctx.goal(goal.parent) : undefined;
  const objective = goal.objective ? ctx.model.objectives.find((o) => o.id === goal.objective) : undefined;
  const value = (v: number | null | undefined) => formatValue(v, unit);
  const figures: Figure[] = [
    { label: 'Current', text: value(progress?.current), note: progress?.currentDate ? `on ${progress.currentDate}${progress.rolledUp ? ', from child goals' : ''}` : progress?.rolledUp ? 'from child goals' : 'no data yet' },
    { label: 'Target', text: value(goal.target.value), note: `by ${goal.target.date}` },
    // Shown within 0-100 % (as the roll-up counts it); a value worse than the baseline says so
    // rather than passing for "not moved yet".
    { label: 'Attainment', text: formatShare(progress?.attainment), note: `expected ${formatShare(progress?.expected)} by ${ctx.asOf}${(progress?.attainment ?? 0) < 0 ? '; worse than the baseline' : ''}` },
  ];
  if (goal.type === 'reach') {
    figures.push({ label: 'Baseline', text: value(goal.baseline?.value), note: goal.baseline ? `on ${goal.baseline.date}` : undefined });
    if (ctx.asOf > goal.target.date) figures.push(dueValueFigure(progress, value));
    else {
      const forecast = progress?.forecast ?? null;
      figures.push({
        label: 'Forecast at due date',
        text: formatForecast(forecast, unit, kpi.range),
        note:
          forecast === null || progress?.forecastHits === null || progress?.forecastHits === undefined
            ? 'not enough data'
            : progress.forecastHits
              ? `hits the ${value(goal.target.value)} target`
              : `misses the ${value(goal.target.value)} target by ${formatDifference(forecast - goal.target.value, unit)}`,
      });
    }
  }
  const planFrom = plannedPath(goal)[0]?.date ?? goal.start;
  const pointsTable: TableData = {
    csv: `goals/${goal.id}/points`,
    caption: `${kpi.name} for ${scope}, newest first`,
    columns: [
      { label: 'Period', nowrap: true, secondary: true },
      { label: 'Date', nowrap: true },
      { label: 'Actual', numeric: true },
      { label: 'Planned', numeric: true },
      ...(tickets ? [{ label: 'Tickets', numeric: true } satisfies Column] : []),
    ],
    rows: points.map((p) => {
      // From where the chart draws the plan: the baseline's date when the work starts later.
      const planned = p.date >= planFrom ? plannedValueAt(goal, p.date) : null;
      const count = tickets?.get(p.date) ?? null;
      return {
        cells: [
          { text: p.period },
          { text: p.date },
          { text: value(p.value), num: p.value },
          { text: value(planned), num: planned },
          ...(tickets ? [{ text: formatValue(count, 'count'), num: count }] : []),
        ],
      };
    }).reverse(),
    shownRows: SHOWN_ROWS,
    empty: kpi.tickets
      ? `No data yet for ${kpi.name} for ${scope} up to ${ctx.asOf}: no ticket in the exports counts in this scope (\`${goal.scope}\`).`
      : `No data yet for ${kpi.name} for ${scope} up to ${ctx.asOf}. Add rows for the scope \`${goal.scope}\` to a CSV in data/.`,
  };
  const path = plannedPath(goal);
  const planTable: TableData = {
    csv: `goals/${goal.id}/plan`,
    caption: goal.type === 'maintain' ? 'Threshold to hold' : 'Planned path',
    columns: [{ label: 'Point' }, { label: 'Date', nowrap: true }, { label: 'Value', numeric: true }],
    rows: path.map((p) => ({ cells: [{ text: pointLabel(goal, p.date) }, { text: p.date }, { text: value(p.value), num: p.value }] })),
  };
  return {
    id: goal.id,
    title: goal.title,
    description: goal.description ?? null,
    status: progress?.status ?? 'no-data',
    verdict: statusSentence(goal, kpi, progress, ctx.asOf),
    stale: progress?.stale ?? false,
    type: goal.type,
    level: ctx.levelOf(goal),
    kpi: { id: kpi.id, name: kpi.name, href: `kpis/${kpi.id}/` },
    scope,
    owner: { id: goal.owner, name: ctx.personName(goal.owner) },
    objective: objective ? { id: objective.id, name: objective.title, href: `objectives/${objective.id}/` } : null,
    parent: parent ? { id: parent.id, name: parent.title, href: `goals/${parent.id}/`, status: ctx.progressOf(parent.id)?.status ?? 'no-data' } : null,
    figures,
    chart: goalChart(goal, kpi, scope, points, progress, ctx.asOf, tickets),
    smart: smartPanel(ctx, goal, kpi),
    children: goalTable(ctx, `goals/${goal.id}/children`, 'Child goals', flatGoals(ctx.childrenOf(goal.id)), 'No goals ladder up to this one.'),
    points: pointsTable,
    plan: planTable,
    computed,
    checkins: goalCheckins(ctx, goal, progress?.status ?? 'no-data'),
    source: { file: goal.source.file, line: goal.source.line },
  };
}
