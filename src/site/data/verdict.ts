// A goal's status and forecast said in one sentence, so that both can be true at once without a
// reader having to reconcile two boxes: "On track; forecast 3 h 32 min misses the 3 h 30 min
// target by 2 min". Also the gap to plan in the KPI's unit, and the one-line reason the
// "Needs attention" list gives. Every figure comes from the engine's GoalProgress; nothing here
// computes progress itself.
import type { GoalProgress, GoalStatus } from '../../compute/types.ts';
import type { Goal, Kpi } from '../../model/types.ts';
import { formatDifference, formatForecast, formatShare, formatValue } from './format.ts';
import { plannedValueAt } from './plan.ts';
import { STATUS_LABELS } from './status.ts';

const better = (a: number, b: number, kpi: Kpi) => (kpi.direction === 'increase' ? a > b : a < b);

/** How the forecast at the due date stands against the target, or null without a forecast. */
export function forecastClause(goal: Goal, kpi: Kpi, progress: GoalProgress): string | null {
  if (progress.forecast === null || progress.forecastHits === null) return null;
  const forecast = formatForecast(progress.forecast, kpi.unit, kpi.range);
  const target = formatValue(goal.target.value, kpi.unit);
  if (progress.forecastHits) return `forecast ${forecast} hits the ${target} target`;
  const short = formatDifference(progress.forecast - goal.target.value, kpi.unit);
  return `forecast ${forecast} misses the ${target} target by ${short}`;
}

/** Past due: what the goal was judged on (FORMAT.md 1.1), and where it stands since. */
function dueClause(goal: Goal, kpi: Kpi, progress: GoalProgress): string {
  const value = (v: number | null) => formatValue(v, kpi.unit);
  if (goal.type === 'maintain') {
    const held = progress.status === 'achieved';
    return `${held ? 'Achieved' : 'Missed'}: ${held ? 'held' : 'did not hold'} ${value(goal.target.value)} from ${goal.start} to ${goal.target.date}`;
  }
  if (progress.dueValue === null || progress.dueDate === null) return `No data on or before the due date, ${goal.target.date}`;
  const since = progress.currentDate !== null && progress.currentDate > progress.dueDate ? `; ${value(progress.current)} since` : '';
  if (progress.status === 'achieved') return `Achieved on ${progress.dueDate} at ${value(progress.dueValue)}${since}`;
  const short = formatDifference(progress.dueValue - goal.target.value, kpi.unit);
  return `Missed: ${value(progress.dueValue)} on ${progress.dueDate}, ${short} short of the ${value(goal.target.value)} target${since}`;
}

/**
 * The sentence after its status word, for where a status badge already says it: "On track;
 * forecast 3 h 32 min hits the target" -> "forecast 3 h 32 min hits the target"; "Achieved on
 * 2026-03-31 at 90.2%" -> "on 2026-03-31 at 90.2%".
 */
export function withoutLabel(sentence: string, status: GoalStatus): string {
  const label = STATUS_LABELS[status];
  const rest = sentence.startsWith(label) ? sentence.slice(label.length) : '';
  if (/^[;:] /.test(rest)) return rest.slice(2);
  return rest.startsWith(' on ') ? rest.slice(1) : sentence;
}

/** The status and, where there is one, the forecast: one sentence for the goal's heading. */
export function statusSentence(goal: Goal, kpi: Kpi, progress: GoalProgress | undefined, asOf: string): string {
  if (!progress) return STATUS_LABELS['no-data'];
  const label = STATUS_LABELS[progress.status];
  if (progress.status === 'not-started') return `Not started; work starts on ${goal.start}`;
  if (asOf > goal.target.date && !progress.rolledUp) return dueClause(goal, kpi, progress);
  if (progress.status === 'no-data') return progress.rolledUp ? 'No data yet in any child goal' : 'No data yet';
  const value = (v: number | null) => formatValue(v, kpi.unit);
  if (progress.rolledUp) return `${label}; ${formatShare(progress.attainment)} of the way from its child goals against ${formatShare(progress.expected)} expected by now`;
  if (goal.type === 'maintain') {
    if (progress.current === null) return label;
    const holds = progress.status === 'on-track' || progress.status === 'achieved';
    return holds
      ? `${label}; ${value(progress.current)} holds the ${value(goal.target.value)} threshold`
      : `${label}; ${value(progress.current)} misses the ${value(goal.target.value)} threshold by ${formatDifference(progress.current - goal.target.value, kpi.unit)}`;
  }
  if (progress.status === 'achieved') return `${label}: ${value(progress.current)} meets the ${value(goal.target.value)} target`;
  const forecast = forecastClause(goal, kpi, progress);
  return `${label}; ${forecast ?? 'not enough data for a forecast'}`;
}

/**
 * How far the goal is behind its plan, in the KPI's unit ("1 h 12 min behind plan", "0.3
 * points short of target"), or null when it is not behind or there is nothing to measure.
 */
export function gapText(goal: Goal, kpi: Kpi, progress: GoalProgress, asOf: string): string | null {
  if (progress.rolledUp) {
    if (progress.attainment === null || progress.expected === null) return null;
    const points = Math.round((progress.expected - Math.max(0, progress.attainment)) * 100);
    return points > 0 ? `${points} ${points === 1 ? 'point' : 'points'} of progress behind plan` : null;
  }
  if (goal.type === 'maintain') {
    const value = asOf > goal.target.date ? null : progress.current;
    if (value === null || !better(goal.target.value, value, kpi)) return null;
    return `${formatDifference(value - goal.target.value, kpi.unit)} past the threshold`;
  }
  if (asOf > goal.target.date) {
    if (progress.dueValue === null || !better(goal.target.value, progress.dueValue, kpi)) return null;
    return `${formatDifference(progress.dueValue - goal.target.value, kpi.unit)} short of target`;
  }
  // Against the plan on the latest value's own date, as the goal's chart marks it: the plan at
  // the as-of date is a few days further on, and the two pages gave two different gaps.
  if (progress.current === null || progress.currentDate === null || progress.currentDate < goal.start) return null;
  const planned = plannedValueAt(goal, progress.currentDate);
  if (!better(planned, progress.current, kpi)) return null;
  return `${formatDifference(progress.current - planned, kpi.unit)} behind plan`;
}

/** Why a goal needs attention, in one line: attainment against expected, then the forecast. */
export function attentionReason(goal: Goal, kpi: Kpi, progress: GoalProgress, asOf: string): string {
  if (asOf > goal.target.date && !progress.rolledUp) {
    // The gap beside the reason already says by how much the due value fell short.
    if (goal.type === 'reach' && progress.dueValue !== null && progress.dueDate !== null) {
      const value = (v: number | null) => formatValue(v, kpi.unit);
      const since = progress.currentDate !== null && progress.currentDate > progress.dueDate ? `; ${value(progress.current)} since` : '';
      return `${value(progress.dueValue)} on ${progress.dueDate} against the ${value(goal.target.value)} target${since}`;
    }
    return withoutLabel(dueClause(goal, kpi, progress), progress.status);
  }
  if (goal.type === 'maintain') return withoutLabel(statusSentence(goal, kpi, progress, asOf), progress.status);
  const pace = `${formatShare(progress.attainment)} of the way against ${formatShare(progress.expected)} expected by now`;
  const forecast = progress.rolledUp ? null : forecastClause(goal, kpi, progress);
  return forecast ? `${pace}; ${forecast}` : pace;
}
