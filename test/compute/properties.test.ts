// Properties of the reach arithmetic over random goals and values.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeProgress } from '../../src/compute/compute-progress.ts';
import { meetsTarget } from '../../src/compute/meets-target.ts';
import type { Direction } from '../../src/spec/values.ts';
import { addDays } from '../../src/util/dates.ts';
import { seriesFromPoints } from '../../src/metrics/series.ts';
import { seriesSet, START, validGoal, validKpi, validModel } from './builders.ts';

const value = fc.double({ min: -1000, max: 1000, noNaN: true, noDefaultInfinity: true });

/** A reach goal whose target is better than its baseline, and a day in [start, due + 60]. */
const scenario = fc
  .record({
    direction: fc.constantFrom<Direction>('increase', 'decrease'),
    baseline: value,
    distance: fc.double({ min: 0.001, max: 500, noNaN: true }),
    length: fc.integer({ min: 1, max: 400 }),
    asOf: fc.integer({ min: 0, max: 460 }),
    current: value,
  })
  .filter((s) => s.asOf <= s.length + 60);

function statusOf(s: { direction: Direction; baseline: number; distance: number; length: number; asOf: number }, current: number) {
  const target = s.direction === 'increase' ? s.baseline + s.distance : s.baseline - s.distance;
  const goal = validGoal({ kpi: 'k', baseline: { value: s.baseline, date: START }, target: { value: target, date: addDays(START, s.length) } });
  const model = validModel({ goals: [goal], kpis: [validKpi({ id: 'k', direction: s.direction, unit: 'count', range: {} })] });
  const series = seriesSet(seriesFromPoints('k', 'org', 'day', [{ date: addDays(START, s.asOf), value: current }]));
  return { target, progress: computeProgress(model, series, addDays(START, s.asOf)).goals[0]! };
}

/** Up to the due date; past it a goal is judged on its due value (FORMAT.md 1.1). */
const beforeDue = scenario.filter((s) => s.asOf <= s.length);

describe('reach arithmetic', () => {
  it('is achieved exactly when current meets the target (as-of from the start to the due date, with data)', () => {
    fc.assert(
      fc.property(beforeDue, (s) => {
        const { target, progress } = statusOf(s, s.current);
        expect(progress.status === 'achieved').toBe(meetsTarget(s.current, target, s.direction));
      }),
    );
  });

  it('never lowers attainment when current moves toward the target', () => {
    fc.assert(
      fc.property(beforeDue, fc.double({ min: 0, max: 500, noNaN: true }), (s, step) => {
        const toward = s.direction === 'increase' ? step : -step;
        const before = statusOf(s, s.current).progress.attainment!;
        const after = statusOf(s, s.current + toward).progress.attainment!;
        expect(after).toBeGreaterThanOrEqual(before - 1e-12);
      }),
    );
  });

  it('past due, is judged on the due value whatever comes after, with no forecast', () => {
    const pastDue = fc.record({ direction: fc.constantFrom<Direction>('increase', 'decrease'), baseline: value, distance: fc.double({ min: 0.001, max: 500, noNaN: true }), length: fc.integer({ min: 1, max: 400 }), after: fc.integer({ min: 1, max: 60 }), due: value, later: value });
    fc.assert(
      fc.property(pastDue, (s) => {
        const target = s.direction === 'increase' ? s.baseline + s.distance : s.baseline - s.distance;
        const dueDate = addDays(START, s.length);
        const goal = validGoal({ kpi: 'k', baseline: { value: s.baseline, date: START }, target: { value: target, date: dueDate } });
        const model = validModel({ goals: [goal], kpis: [validKpi({ id: 'k', direction: s.direction, unit: 'count', range: {} })] });
        const series = seriesSet(seriesFromPoints('k', 'org', 'day', [{ date: dueDate, value: s.due }, { date: addDays(dueDate, s.after), value: s.later }]));
        const progress = computeProgress(model, series, addDays(dueDate, s.after)).goals[0]!;
        expect(progress.status).toBe(meetsTarget(s.due, target, s.direction) ? 'achieved' : 'missed');
        expect(progress.current).toBe(s.later);
        expect(progress.dueValue).toBe(s.due);
        expect(progress.forecast).toBeNull();
        expect(progress.forecastHits).toBeNull();
      }),
    );
  });
});
