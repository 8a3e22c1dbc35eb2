// data-stale: two whole periods ended after the latest point's period, judged at as-of, as
// FORMAT.md says, whether or not the goal has started or is past due.
import { describe, expect, it } from 'vitest';
import { computeProgress } from '../../src/compute/compute-progress.ts';
import { findStaleData } from '../../src/compute/stale-data.ts';
import { seriesOf, seriesSet, validGoal, validModel } from './builders.ts';

const goal = validGoal({ start: '2026-01-01', baseline: { value: 80, date: '2026-01-01' }, target: { value: 90, date: '2026-12-31' } });
const model = validModel({ goals: [goal] });
const monthly = seriesSet(seriesOf('csat', 'org', 'month', [['2026-03-31', 82], ['2026-04-30', 84]]));

describe('data-stale', () => {
  it.each([
    ['month', [['2026-04-30', 84]], '2026-06-30', false],
    ['month', [['2026-04-30', 84]], '2026-07-01', true],
    ['week', [['2026-04-12', 84]], '2026-04-26', false],
    ['week', [['2026-04-12', 84]], '2026-04-27', true],
    ['day', [['2026-04-12', 84]], '2026-04-14', false],
    ['day', [['2026-04-12', 84]], '2026-04-15', true],
    ['quarter', [['2026-03-31', 84]], '2026-09-30', false],
    ['quarter', [['2026-03-31', 84]], '2026-10-01', true],
  ] as const)('a %s series ending %j is stale at %s: %s', (granularity, points, asOf, stale) => {
    const series = seriesSet(seriesOf('csat', 'org', granularity, points.map(([d, v]) => [d, v])));
    expect(computeProgress(model, series, asOf).goals[0]!.stale).toBe(stale);
    expect(findStaleData(model, series, asOf)).toHaveLength(stale ? 1 : 0);
  });

  it('is reported at the goal, naming the period and the as-of date', () => {
    expect(findStaleData(model, monthly, '2026-08-15')).toEqual([
      {
        code: 'data-stale',
        message: 'the latest `csat` value at org is for 2026-04 (ending 2026-04-30), more than two monthly periods before 2026-08-15',
        hint: 'Add the latest export to data/, or check that the export still includes this series.',
        file: 'strategy/goals.yaml',
        line: 10,
        column: 3,
      },
    ]);
  });

  it('judges a goal past its due date at as-of too', () => {
    const due = validModel({ goals: [{ ...goal, target: { value: 90, date: '2026-06-30' } }] });
    expect(findStaleData(due, monthly, '2026-06-30')).toEqual([]);
    expect(findStaleData(due, monthly, '2026-12-31')[0]!.message).toContain('more than two monthly periods before 2026-12-31');
  });

  it('judges a goal that has not started yet', () => {
    const later = validModel({ goals: [{ ...goal, start: '2026-09-01' }] });
    expect(findStaleData(later, monthly, '2026-08-15')).toHaveLength(1);
  });

  it('skips goals with no point on or before as-of', () => {
    expect(findStaleData(model, monthly, '2025-12-31')).toEqual([]);
    expect(findStaleData(model, seriesSet(), '2026-12-31')).toEqual([]);
    expect(findStaleData(model, seriesSet(seriesOf('csat', 'org', 'month', [['2027-01-31', 85]])), '2026-12-31')).toEqual([]);
  });
});
