// The figures of one goal from its own series (FORMAT.md section 5), for reach and maintain
// goals. Where the format is silent: a not-started goal shows its latest value but has no
// attainment or forecast (it counts 0 in roll-ups, as the format says); its planned value is
// the baseline, so its expected is 0. A no-data reach goal still has its planned value and
// expected; a maintain goal's expected is always 1, and it has no planned value or forecast. A reach goal without a baseline cannot pass validation; if one arrives, its pace
// cannot be judged and after rules 1-4 it reads no-data.
import type { GoalProgress } from './types.ts';
import type { Direction } from '../spec/values.ts';
import type { Goal } from '../model/types.ts';
import type { Series } from '../metrics/types.ts';
import { fromDayNumber, toDayNumber } from '../util/dates.ts';
import { forecastAtDue } from './forecast.ts';
import { meetsTarget } from './meets-target.ts';
import { plannedValueOnDay } from './planned-path.ts';
import { paceStatus } from './pace-status.ts';
import { lastIndexOnOrBefore } from './series-points.ts';

export type GoalFigures = Pick<
  GoalProgress,
  'status' | 'current' | 'currentDate' | 'attainment' | 'expected' | 'planned' | 'forecast' | 'forecastHits' | 'dueValue' | 'dueDate'
>;

export interface GoalContext {
  goal: Goal;
  direction: Direction;
  series: Series | undefined;
  asOfDay: number;
  /** Workspace tolerance as a fraction (10 -> 0.1). */
  tolerance: number;
}

export function goalFigures(context: GoalContext): GoalFigures {
  const { goal, series, asOfDay } = context;
  const latest = series ? lastIndexOnOrBefore(series, asOfDay) : -1;
  const figures: GoalFigures = {
    status: 'no-data',
    current: latest >= 0 ? series!.values[latest]! : null,
    currentDate: latest >= 0 ? fromDayNumber(series!.days[latest]!) : null,
    attainment: null,
    expected: null,
    planned: null,
    forecast: null,
    forecastHits: null,
    dueValue: null,
    dueDate: null,
  };
  if (asOfDay < toDayNumber(goal.start)) {
    const planned = goal.type === 'reach' ? (goal.baseline?.value ?? null) : null;
    const expected = goal.type === 'maintain' ? 1 : planned === null ? null : 0;
    return { ...figures, status: 'not-started', planned, expected };
  }
  return goal.type === 'maintain' ? maintainFigures(context, figures) : reachFigures(context, figures);
}

function reachFigures({ goal, direction, series, asOfDay, tolerance }: GoalContext, figures: GoalFigures): GoalFigures {
  const t = goal.target.value;
  const dueDay = toDayNumber(goal.target.date);
  const b = goal.baseline?.value;
  const planned = b === undefined ? null : plannedValueOnDay(goal, asOfDay);
  const expected = b === undefined || planned === null ? null : (planned - b) / (t - b);
  const { current } = figures;
  if (current === null) return { ...figures, status: 'no-data', planned, expected };
  const attainmentOf = (value: number) => (b === undefined ? null : (value - b) / (t - b));
  if (asOfDay > dueDay) {
    // Past due, the goal is judged on its due value and has no forecast (FORMAT.md 1.1).
    const due = lastIndexOnOrBefore(series!, dueDay);
    if (due < 0) return { ...figures, status: 'no-data', planned, expected };
    const dueValue = series!.values[due]!;
    const status = meetsTarget(dueValue, t, direction) ? 'achieved' : 'missed';
    return { ...figures, status, attainment: attainmentOf(dueValue), expected, planned, dueValue, dueDate: fromDayNumber(series!.days[due]!) };
  }
  const forecast = forecastAtDue(goal, series, asOfDay);
  const forecastHits = forecast === null ? null : meetsTarget(forgiveRounding(forecast, t, b, direction), t, direction);
  const attainment = attainmentOf(current);
  const status = meetsTarget(current, t, direction) ? 'achieved' : attainment === null || expected === null ? 'no-data' : paceStatus(attainment, expected, tolerance);
  return { ...figures, status, attainment, expected, planned, forecast, forecastHits };
}

/**
 * The least-squares fit carries floating-point noise (5.500000000000002 for an exact 5.5), so a
 * forecast within a billionth of the baseline-to-target distance counts as meeting the target.
 */
function forgiveRounding(forecast: number, t: number, b: number | undefined, direction: Direction): number {
  const slack = 1e-9 * Math.max(1, Math.abs(t - (b ?? t)));
  return direction === 'increase' ? forecast + slack : forecast - slack;
}

function maintainFigures({ goal, direction, series, asOfDay }: GoalContext, figures: GoalFigures): GoalFigures {
  const { current } = figures;
  if (current === null) return { ...figures, expected: 1 };
  const t = goal.target.value;
  const meets = meetsTarget(current, t, direction);
  const dueDay = toDayNumber(goal.target.date);
  let status: GoalFigures['status'] = meets ? 'on-track' : 'off-track';
  if (asOfDay > dueDay) {
    const first = lastIndexOnOrBefore(series!, toDayNumber(goal.start) - 1) + 1;
    const last = lastIndexOnOrBefore(series!, dueDay);
    if (last < first) return { ...figures, expected: 1 };
    status = 'achieved';
    for (let i = first; i <= last; i++) if (!meetsTarget(series!.values[i]!, t, direction)) status = 'missed';
  }
  return { ...figures, status, attainment: meets ? 1 : 0, expected: 1 };
}
