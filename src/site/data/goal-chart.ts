// The chart of one goal: the actual series up to the as-of date, the planned path (baseline,
// milestones, target), the target line and the forecast to the due date, each line labelled at
// its end, the gap to plan at the latest point, plus the sentence that tells a screen reader
// what it shows.
import type { GoalProgress } from '../../compute/types.ts';
import type { SeriesPoint } from '../../metrics/types.ts';
import type { Goal, Kpi } from '../../model/types.ts';
import { toDayNumber } from '../../util/dates.ts';
import { directionLabel, formatDifference, formatForecast, formatValue, unitSuffix, zeroBased } from './format.ts';
import { plannedPath, plannedValueAt } from './plan.ts';
import type { ChartData, ChartGap, ChartSeries } from './types.ts';

/** The gap between the latest point and the plan on its date, while the goal runs (reach goals). */
function gapAt(goal: Goal, kpi: Kpi, latest: SeriesPoint | undefined): ChartGap | null {
  if (goal.type !== 'reach' || !latest || latest.date < goal.start || latest.date > goal.target.date) return null;
  const planned = plannedValueAt(goal, latest.date);
  if (planned === null || planned === latest.value) return null;
  const behind = kpi.direction === 'increase' ? latest.value < planned : latest.value > planned;
  return { day: toDayNumber(latest.date), actual: latest.value, planned, text: `${formatDifference(latest.value - planned, kpi.unit)} ${behind ? 'behind' : 'ahead of'} plan` };
}

/** `tickets`: per point date, the tickets behind it (a KPI computed from tickets), for the tooltip. */
export function goalChart(goal: Goal, kpi: Kpi, scopeLabel: string, points: readonly SeriesPoint[], progress: GoalProgress | undefined, asOf: string, tickets: ReadonlyMap<string, number> | null = null): ChartData {
  const day = (iso: string) => toDayNumber(iso);
  const value = (v: number | null | undefined) => formatValue(v, kpi.unit);
  const plan = plannedPath(goal);
  const first = Math.min(day(plan[0]!.date), points.length ? day(points[0]!.date) : Infinity);
  const last = Math.max(day(goal.target.date), points.length ? day(points[points.length - 1]!.date) : -Infinity);
  const latest = points[points.length - 1];
  const series: ChartSeries[] = [
    {
      label: 'Actual',
      role: 'actual',
      points: points.map((p) => [day(p.date), p.value]),
      ...(tickets ? { tickets: points.map((p) => tickets.get(p.date) ?? null) } : {}),
      ...(latest ? { end: { name: 'Now', value: value(latest.value) } } : {}),
    },
    { label: goal.type === 'maintain' ? 'Threshold to hold' : 'Planned path', role: 'plan', points: plan.map((p) => [day(p.date), p.value]) },
    {
      label: goal.type === 'maintain' ? 'Threshold' : 'Target',
      role: 'target',
      points: [[first, goal.target.value], [last, goal.target.value]],
      end: { name: goal.type === 'maintain' ? 'Threshold' : 'Target', value: value(goal.target.value) },
    },
  ];
  const forecast = progress?.forecast ?? null;
  if (goal.type === 'reach' && forecast !== null && latest && latest.date < goal.target.date) {
    series.push({
      label: 'Forecast',
      role: 'forecast',
      points: [[day(latest.date), latest.value], [day(goal.target.date), forecast]],
      end: { name: 'Forecast', value: formatForecast(forecast, kpi.unit, kpi.range) },
    });
  }
  const gap = gapAt(goal, kpi, latest);
  // Past due, the goal was judged on its due value (FORMAT.md 1.1): call it out.
  const due = progress?.dueValue !== null && progress?.dueValue !== undefined && progress.dueDate !== null && asOf > goal.target.date
    ? { day: day(progress.dueDate), value: progress.dueValue, text: `${value(progress.dueValue)} on the due date` }
    : null;
  const parts = [
    `Line chart of ${kpi.name} for ${scopeLabel} (${directionLabel(kpi.direction)}).`,
    points.length
      ? `Actual: ${points.length} ${points.length === 1 ? 'point' : 'points'} from ${points[0]!.date} to ${latest!.date}, latest ${value(latest!.value)}.`
      : 'Actual: no data yet.',
    goal.type === 'maintain'
      ? `Threshold ${value(goal.target.value)} to hold from ${goal.start} to ${goal.target.date}.`
      : `Planned path from ${value(goal.baseline?.value)} on ${goal.start} to ${value(goal.target.value)} on ${goal.target.date}${goal.milestones.length ? `, through ${goal.milestones.map((m) => `${value(m.value)} on ${m.date}`).join(', ')}` : ''}.`,
    gap ? `At the latest point, ${gap.text}.` : '',
    due ? `On the due date, ${progress!.dueDate}, it stood at ${value(due.value)}.` : '',
    series.some((s) => s.role === 'forecast') ? `Forecast at the due date: ${formatForecast(forecast, kpi.unit, kpi.range)}.` : '',
  ];
  return {
    ariaLabel: parts.filter(Boolean).join(' '),
    unit: unitSuffix(kpi.unit),
    valueUnit: kpi.unit,
    series,
    asOfDay: day(asOf),
    gap,
    mark: due,
    ...(zeroBased(kpi.unit) ? { yMin: 0 } : {}),
  };
}
