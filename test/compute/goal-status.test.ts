// Every status of FORMAT.md section 5, computed by hand on the default goal (see builders.ts).
import { describe, expect, it } from 'vitest';
import { computeProgress } from '../../src/compute/compute-progress.ts';
import type { Goal } from '../../src/model/types.ts';
import type { SeriesSet } from '../../src/metrics/types.ts';
import { daily, day, seriesSet, validGoal, validModel } from './builders.ts';

function progress(goal: Goal, series: SeriesSet, asOf: string, tolerance = 10) {
  return computeProgress(validModel({ goals: [goal], workspace: { tolerance } }), series, asOf).goals[0]!;
}

describe('reach goals', () => {
  const goal = validGoal();
  const at50 = (value: number) => progress(goal, seriesSet(daily('csat', 'org', [[20, 81], [50, value]])), day(50));

  it('is not-started before its start, whatever the data', () => {
    const result = progress(goal, seriesSet(daily('csat', 'org', [[-5, 85]])), day(-1));
    // Before the start the plan stands at the baseline, so expected is 0.
    expect(result).toMatchObject({ status: 'not-started', current: 85, attainment: null, expected: 0, forecast: null });
  });

  it('is no-data without a point on or before as-of, but knows where it should be', () => {
    const result = progress(goal, seriesSet(daily('csat', 'org', [[51, 85]])), day(50));
    expect(result).toMatchObject({ status: 'no-data', current: null, currentDate: null, attainment: null, forecast: null });
    expect(result.planned).toBeCloseTo(85);
    expect(result.expected).toBeCloseTo(0.5);
  });

  it('is achieved when current meets the target, even before the due date', () => {
    expect(at50(90)).toMatchObject({ status: 'achieved', current: 90, currentDate: day(50), attainment: 1 });
  });

  it('is missed after the due date without meeting the target', () => {
    const result = progress(goal, seriesSet(daily('csat', 'org', [[100, 89.9]])), day(101));
    expect(result.status).toBe('missed');
    expect(result.expected).toBe(1);
  });

  // FORMAT.md 1.1: past due, a reach goal is judged on its due value (baseline 80 on day 0,
  // target 90 on day 100), and has no forecast.
  it('past due, is achieved when the due value met the target, though worse since', () => {
    const result = progress(goal, seriesSet(daily('csat', 'org', [[60, 86], [100, 90.2], [130, 88]])), day(150));
    expect(result).toMatchObject({ status: 'achieved', current: 88, currentDate: day(130), dueValue: 90.2, dueDate: day(100), forecast: null, forecastHits: null });
    // (90.2 - 80) / (90 - 80) = 1.02
    expect(result.attainment).toBeCloseTo(1.02, 12);
  });

  it('past due, is missed when the due value misses, though better since', () => {
    const result = progress(goal, seriesSet(daily('csat', 'org', [[95, 89], [120, 92]])), day(121));
    expect(result).toMatchObject({ status: 'missed', current: 92, dueValue: 89, dueDate: day(95), forecast: null });
    expect(result.attainment).toBeCloseTo(0.9, 12);
  });

  it('past due, is no-data when no point is dated on or before the due date', () => {
    const result = progress(goal, seriesSet(daily('csat', 'org', [[110, 95]])), day(120));
    expect(result).toMatchObject({ status: 'no-data', current: 95, dueValue: null, attainment: null, forecast: null });
  });

  it('is achieved after the due date when the target was met', () => {
    expect(progress(goal, seriesSet(daily('csat', 'org', [[100, 90.5]])), day(120)).status).toBe('achieved');
  });

  it.each([
    [84.2, 'on-track', 0.42],
    [84, 'on-track', 0.4],
    [83.5, 'at-risk', 0.35],
    [83, 'at-risk', 0.3],
    [82.9, 'off-track', 0.29],
    [78, 'off-track', -0.2],
  ])('at day 50 (expected 0.5, tolerance 0.1) a current of %f is %s', (value, status, attainment) => {
    const result = at50(value);
    expect(result.status).toBe(status);
    expect(result.attainment).toBeCloseTo(attainment);
    expect(result.expected).toBeCloseTo(0.5);
    expect(result.planned).toBeCloseTo(85);
  });

  it('takes the tolerance from the workspace', () => {
    const series = seriesSet(daily('csat', 'org', [[50, 83.5]]));
    expect(progress(goal, series, day(50), 10).status).toBe('at-risk');
    expect(progress(goal, series, day(50), 20).status).toBe('on-track');
    expect(progress(goal, series, day(50), 0).status).toBe('off-track');
  });

  it('reads a decrease KPI the other way round', () => {
    const frt = validGoal({ kpi: 'frt', baseline: { value: 6, date: day(0) }, target: { value: 4, date: day(100) } });
    const at = (value: number) => progress(frt, seriesSet(daily('frt', 'org', [[50, value]])), day(50));
    expect(at(3.9)).toMatchObject({ status: 'achieved' });
    expect(at(5)).toMatchObject({ status: 'on-track', attainment: 0.5 });
    expect(at(5.4).status).toBe('at-risk');
    expect(at(6.5).status).toBe('off-track');
  });

  it('follows milestones for the expected value', () => {
    const withMilestone = validGoal({ milestones: [{ date: day(50), value: 88 }] });
    const series = seriesSet(daily('csat', 'org', [[25, 83]]));
    const result = progress(withMilestone, series, day(25));
    expect(result.planned).toBeCloseTo(84);
    expect(result.expected).toBeCloseTo(0.4);
    expect(result.status).toBe('on-track');
    expect(progress(withMilestone, seriesSet(daily('csat', 'org', [[50, 86]])), day(50)).status).toBe('at-risk');
  });
});

describe('maintain goals', () => {
  const goal = validGoal({ type: 'maintain', baseline: undefined });
  const run = (points: [number, number][], asOf: number) => progress(goal, seriesSet(daily('csat', 'org', points)), day(asOf));

  it('is not-started before the start and no-data without a point', () => {
    expect(run([[-3, 95]], -1).status).toBe('not-started');
    // FORMAT.md: a maintain goal's expected is 1, with or without data.
    expect(run([[-3, 95]], -1)).toMatchObject({ status: 'not-started', expected: 1 });
    expect(run([], 50)).toMatchObject({ status: 'no-data', attainment: null, expected: 1 });
  });

  it('is on-track while current meets the target, off-track otherwise', () => {
    expect(run([[10, 85], [40, 91]], 50)).toMatchObject({ status: 'on-track', attainment: 1, expected: 1, planned: null, forecast: null });
    expect(run([[10, 95], [40, 89]], 50)).toMatchObject({ status: 'off-track', attainment: 0, expected: 1 });
  });

  it('after the due date is achieved when every point in [start, due] met the target', () => {
    expect(run([[-10, 50], [0, 90], [60, 92], [100, 91]], 120)).toMatchObject({ status: 'achieved', attainment: 1 });
  });

  it('after the due date is missed when one point in [start, due] fell short', () => {
    expect(run([[10, 91], [60, 89], [100, 95]], 120)).toMatchObject({ status: 'missed', attainment: 1 });
    expect(run([[10, 91], [100, 95], [110, 80]], 120)).toMatchObject({ status: 'achieved', attainment: 0 });
  });

  it('after the due date is no-data when no point lies in [start, due]', () => {
    expect(run([[-5, 95], [105, 95]], 120)).toMatchObject({ status: 'no-data', current: 95, attainment: null });
  });
});
