// Roll-ups: goals with child goals and no data of their own, nested roll-ups, and objectives.
import { describe, expect, it } from 'vitest';
import { computeProgress } from '../../src/compute/compute-progress.ts';
import { daily, day, seriesSet, validGoal, validModel } from './builders.ts';

// Children measure csat at their own team scopes; the parents' org series has no data.
const child = (id: string, weight: number, parent = 'parent') =>
  validGoal({ id, weight, parent, objective: undefined, scope: `team:${id}` });

describe('rolled-up goals', () => {
  const goals = [validGoal({ id: 'parent' }), child('a', 1), child('b', 3), child('c', 1)];
  const series = seriesSet(daily('csat', 'team:a', [[50, 91]]), daily('csat', 'team:b', [[50, 85]]));

  it('takes the weighted mean of clamped child attainment, a no-data child counting 0', () => {
    const report = computeProgress(validModel({ goals }), series, day(50));
    const parent = report.goals.find((g) => g.id === 'parent')!;
    // (1 x 1 [achieved] + 3 x 0.5 + 1 x 0 [no-data]) / 5 = 0.5, against an expected 0.5.
    expect(parent).toMatchObject({ status: 'on-track', rolledUp: true, current: null, forecast: null, stale: false });
    expect(parent.attainment).toBeCloseTo(0.5);
    expect(parent.expected).toBeCloseTo(0.5);
    expect(parent.children).toEqual([
      { id: 'a', weight: 1, attainment: 1, status: 'achieved' },
      { id: 'b', weight: 3, attainment: 0.5, status: 'on-track' },
      { id: 'c', weight: 1, attainment: null, status: 'no-data' },
    ]);
  });

  it('clamps each child to 0-1', () => {
    const low = seriesSet(daily('csat', 'team:a', [[50, 70]]), daily('csat', 'team:b', [[50, 85]]), daily('csat', 'team:c', [[50, 85]]));
    const parent = computeProgress(validModel({ goals }), low, day(50)).goals.find((g) => g.id === 'parent')!;
    expect(parent.children[0]).toEqual({ id: 'a', weight: 1, attainment: 0, status: 'off-track' });
    // (0 + 3 x 0.5 + 0.5) / 5 = 0.4: exactly one tolerance behind the expected 0.5.
    expect(parent.attainment).toBeCloseTo(0.4);
    expect(parent.status).toBe('on-track');
  });

  it('is no-data when every child is no-data, and not-started before its start', () => {
    expect(computeProgress(validModel({ goals }), seriesSet(), day(50)).goals[3]).toMatchObject({ id: 'parent', status: 'no-data', rolledUp: true, attainment: null });
    expect(computeProgress(validModel({ goals }), series, day(-1)).goals[3]).toMatchObject({ id: 'parent', status: 'not-started', attainment: null });
  });

  it('is achieved at a progress of 1 and missed after its due date below 1', () => {
    const done = seriesSet(...['a', 'b', 'c'].map((id) => daily('csat', `team:${id}`, [[50, 95]])));
    expect(computeProgress(validModel({ goals }), done, day(50)).goals[3]).toMatchObject({ status: 'achieved', attainment: 1 });
    expect(computeProgress(validModel({ goals }), series, day(101)).goals[3]).toMatchObject({ id: 'parent', status: 'missed' });
  });

  it('rolls up nested roll-ups bottom-up', () => {
    const nested = [validGoal({ id: 'top' }), validGoal({ id: 'parent', parent: 'top', objective: undefined, scope: 'team:tier1', weight: 2 }), child('a', 1), child('b', 3), child('c', 1)];
    const report = computeProgress(validModel({ goals: nested }), series, day(50));
    const top = report.goals.find((g) => g.id === 'top')!;
    expect(top).toMatchObject({ rolledUp: true, status: 'on-track' });
    expect(top.children).toEqual([{ id: 'parent', weight: 2, attainment: 0.5, status: 'on-track' }]);
    expect(top.attainment).toBeCloseTo(0.5);
  });

  it('uses its own data when it has any, still listing its children', () => {
    const own = seriesSet(daily('csat', 'org', [[50, 88]]), ...series.values());
    const parent = computeProgress(validModel({ goals }), own, day(50)).goals.find((g) => g.id === 'parent')!;
    expect(parent).toMatchObject({ rolledUp: false, status: 'on-track', current: 88 });
    expect(parent.children.map((c) => c.id)).toEqual(['a', 'b', 'c']);
  });

  it('sorts goals and objectives by id', () => {
    const report = computeProgress(validModel({ goals }), series, day(50));
    expect(report.goals.map((g) => g.id)).toEqual(['a', 'b', 'c', 'parent']);
    expect(report.asOf).toBe(day(50));
  });
});

describe('deep cascades', () => {
  // Goal i is the parent of goal i + 1; only the deepest has data. The walk keeps its own stack:
  // recursing, 2,000 levels overflowed the call stack.
  const chain = (length: number) =>
    Array.from({ length }, (_, i) =>
      i === 0 ? validGoal({ id: 'c00000' }) : validGoal({ id: `c${String(i).padStart(5, '0')}`, parent: `c${String(i - 1).padStart(5, '0')}`, objective: undefined, scope: i === length - 1 ? 'team:tier1' : `team:t${i}` }),
    );

  it.each([2_000, 20_000])('rolls a parent chain of %i goals up from the deepest goal', (length) => {
    const report = computeProgress(validModel({ goals: chain(length) }), seriesSet(daily('csat', 'team:tier1', [[50, 85]])), day(50));
    expect(report.goals).toHaveLength(length);
    for (const goal of report.goals) expect(goal).toMatchObject({ status: 'on-track', attainment: 0.5 });
    expect(report.goals.filter((goal) => goal.rolledUp)).toHaveLength(length - 1);
    expect(report.objectives[0]!.progress).toBeCloseTo(0.5);
  });

  it('still ends when the model holds a loop, leaving the goal already on the way out of its child', () => {
    const loop = [validGoal({ id: 'a', parent: 'b', objective: undefined }), validGoal({ id: 'b', parent: 'a', objective: undefined, scope: 'team:tier1' })];
    const report = computeProgress(validModel({ goals: loop }), seriesSet(), day(50));
    expect(report.goals.map((goal) => [goal.id, goal.children.map((child) => child.id)])).toEqual([['a', ['b']], ['b', []]]);
  });
});

describe('objectives', () => {
  it('is the weighted mean over the goals that name it, or null without goals', () => {
    const goals = [validGoal({ id: 'x', weight: 1 }), validGoal({ id: 'y', weight: 3, scope: 'team:tier1' }), validGoal({ id: 'z', objective: 'growth', scope: 'team:z' })];
    const objectives = [
      { id: 'loyal', title: 'Loyal', owner: 'ana', source: { file: 'o.yaml', line: 1, column: 1 } },
      { id: 'growth', title: 'Growth', owner: 'ana', source: { file: 'o.yaml', line: 5, column: 1 } },
      { id: 'empty', title: 'Empty', owner: 'ana', source: { file: 'o.yaml', line: 9, column: 1 } },
    ];
    const series = seriesSet(daily('csat', 'org', [[50, 82]]), daily('csat', 'team:tier1', [[50, 86]]));
    const report = computeProgress(validModel({ goals, objectives }), series, day(50));
    expect(report.objectives.map((o) => o.id)).toEqual(['empty', 'growth', 'loyal']);
    expect(report.objectives[0]).toEqual({ id: 'empty', progress: null, children: [] });
    expect(report.objectives[1]).toMatchObject({ progress: 0, children: [{ id: 'z', attainment: null, status: 'no-data' }] });
    expect(report.objectives[2]!.progress).toBeCloseTo((0.2 + 3 * 0.6) / 4);
  });
});
