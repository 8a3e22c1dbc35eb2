// The planned path and the least-squares forecast, by hand.
import { describe, expect, it } from 'vitest';
import { computeProgress } from '../../src/compute/compute-progress.ts';
import { forecastAtDue } from '../../src/compute/forecast.ts';
import { meetsTarget } from '../../src/compute/meets-target.ts';
import { plannedPath, plannedValueAt } from '../../src/compute/planned-path.ts';
import { pointsUpTo } from '../../src/compute/series-points.ts';
import { toDayNumber } from '../../src/util/dates.ts';
import { daily, day, DUE, seriesOf, seriesSet, START, validGoal, validModel } from './builders.ts';

describe('planned path', () => {
  const goal = validGoal({ milestones: [{ date: day(50), value: 88 }] });

  it('runs through start, milestones and due, flat outside', () => {
    expect(plannedPath(goal)).toEqual([{ date: START, value: 80 }, { date: day(50), value: 88 }, { date: DUE, value: 90 }]);
    expect(plannedValueAt(goal, day(-30))).toBe(80);
    expect(plannedValueAt(goal, day(25))).toBeCloseTo(84);
    expect(plannedValueAt(goal, day(50))).toBe(88);
    expect(plannedValueAt(goal, day(75))).toBeCloseTo(89);
    expect(plannedValueAt(goal, day(400))).toBe(90);
  });

  it('starts at goal.start when it differs from the baseline date', () => {
    const late = validGoal({ start: day(20), baseline: { value: 80, date: START } });
    expect(plannedValueAt(late, day(10))).toBe(80);
    expect(plannedValueAt(late, day(60))).toBeCloseTo(85);
  });

  it('is flat at the target for a maintain goal', () => {
    expect(plannedPath(validGoal({ type: 'maintain', baseline: undefined }))).toEqual([{ date: START, value: 90 }, { date: DUE, value: 90 }]);
  });
});

describe('forecast', () => {
  const asOf = toDayNumber(day(30));

  it('fits the points in [start, as-of] plus the baseline and reads it at the due date', () => {
    const series = daily('csat', 'org', [[-10, 50], [10, 81], [20, 82], [40, 99]]);
    expect(forecastAtDue(validGoal(), series, asOf)).toBeCloseTo(90);
  });

  it('does not add the baseline when a point has its date', () => {
    const series = daily('csat', 'org', [[0, 79], [10, 81], [20, 83]]);
    // Points (0,79) (10,81) (20,83): slope 0.2 through (10, 81), so 81 + 0.2 x 90 at day 100.
    expect(forecastAtDue(validGoal(), series, asOf)).toBeCloseTo(99);
  });

  it('needs two distinct dates', () => {
    expect(forecastAtDue(validGoal(), daily('csat', 'org', [[0, 83]]), asOf)).toBeNull();
    expect(forecastAtDue(validGoal(), undefined, asOf)).toBeNull();
    expect(forecastAtDue(validGoal({ start: day(5) }), daily('csat', 'org', [[3, 83]]), asOf)).toBeNull();
  });

  it('says whether the forecast meets the target in the KPI direction', () => {
    const model = validModel();
    const slow = computeProgress(model, seriesSet(daily('csat', 'org', [[10, 80.5], [20, 81]])), day(20)).goals[0]!;
    expect(slow.forecast).toBeCloseTo(85);
    expect(slow.forecastHits).toBe(false);
    const fast = computeProgress(model, seriesSet(daily('csat', 'org', [[10, 82], [20, 84]])), day(20)).goals[0]!;
    expect(fast.forecastHits).toBe(true);
    expect(meetsTarget(4, 4, 'decrease')).toBe(true);
    expect(meetsTarget(4.01, 4, 'decrease')).toBe(false);
    expect(meetsTarget(3.99, 4, 'increase')).toBe(false);
  });
});

describe('pointsUpTo', () => {
  it('returns the points dated on or before as-of, with their period labels', () => {
    const series = seriesOf('frt', 'org', 'month', [['2026-04-30', 5], ['2026-05-31', 4], ['2026-06-30', 3]]);
    expect(pointsUpTo(series, '2026-05-31')).toEqual([
      { date: '2026-04-30', period: '2026-04', value: 5 },
      { date: '2026-05-31', period: '2026-05', value: 4 },
    ]);
    expect(pointsUpTo(series, '2026-04-29')).toEqual([]);
  });
});

describe('forecastHits', () => {
  it('counts a trend that lands exactly on the target as a hit, despite floating-point noise', () => {
    // (day 0, 80) and (day 1, 81.1): the fitted line reaches exactly 91 at day 10, the due date,
    // but the arithmetic gives 90.99999999999994, a hair short of an increase target.
    const goal = validGoal({ baseline: { value: 80, date: day(0) }, start: day(0), target: { value: 91, date: day(10) } });
    const result = computeProgress(validModel({ goals: [goal] }), seriesSet(daily('csat', 'org', [[1, 81.1]])), day(1)).goals[0]!;
    expect(result.forecast).toBeCloseTo(91, 9);
    expect(result.forecast).toBeLessThan(91);
    expect(result.forecastHits).toBe(true);
  });
});
