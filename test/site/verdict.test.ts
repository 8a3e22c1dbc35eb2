// Status and forecast in one sentence, the gap to plan in the KPI's unit, and the reason a goal
// needs attention, from hand-made progress figures (the engine's own cases are in test/compute).
import { describe, expect, it } from 'vitest';
import type { GoalProgress } from '../../src/compute/types.ts';
import type { Goal, Kpi } from '../../src/model/types.ts';
import { attentionReason, gapText, statusSentence, withoutLabel } from '../../src/site/data/verdict.ts';

const nb = (text: string) => text.replace(/ /g, '\u00a0');

const frt = { id: 'frt', name: 'First response time', unit: 'hours', direction: 'decrease', range: { min: 0 } } as unknown as Kpi;
const sla = { id: 'sla', name: 'SLA adherence', unit: 'percent', direction: 'increase', range: {} } as unknown as Kpi;

const goal = (over: Partial<Goal> = {}): Goal =>
  ({ id: 'g', title: 'G', kpi: 'frt', scope: 'org', owner: 'ana', type: 'reach', start: '2025-12-31', baseline: { value: 6.2, date: '2025-12-31' }, target: { value: 3.5, date: '2026-09-30' }, milestones: [], ...over }) as unknown as Goal;

const progress = (over: Partial<GoalProgress> = {}): GoalProgress => ({
  id: 'g', status: 'on-track', current: 4.45, currentDate: '2026-06-28', attainment: 0.648, expected: 0.704, planned: 4.3,
  forecast: 3.531, forecastHits: false, dueValue: null, dueDate: null, stale: false, rolledUp: false, children: [], ...over,
});

describe('status sentence', () => {
  it('says an on-track goal whose forecast misses by two minutes in one sentence', () => {
    expect(statusSentence(goal(), frt, progress(), '2026-06-30')).toBe(`On track; forecast ${nb('3 h 32 min')} misses the ${nb('3 h 30 min')} target by ${nb('2 min')}`);
    expect(statusSentence(goal(), frt, progress({ status: 'at-risk', forecast: 3.4, forecastHits: true }), '2026-06-30')).toBe(`At risk; forecast ${nb('3 h 24 min')} hits the ${nb('3 h 30 min')} target`);
    expect(statusSentence(goal(), frt, progress({ forecast: null, forecastHits: null }), '2026-06-30')).toBe('On track; not enough data for a forecast');
  });

  it('judges a goal past due on its due value (FORMAT.md 1.1)', () => {
    const due = goal({ kpi: 'sla', target: { value: 90, date: '2026-03-31' }, baseline: { value: 83, date: '2025-12-31' } } as Partial<Goal>);
    const achieved = progress({ status: 'achieved', current: 88, currentDate: '2026-06-30', dueValue: 90.2, dueDate: '2026-03-31', forecast: null, forecastHits: null });
    expect(statusSentence(due, sla, achieved, '2026-06-30')).toBe('Achieved on 2026-03-31 at 90.2%; 88% since');
    const missed = progress({ status: 'missed', current: 75.4, currentDate: '2026-06-30', dueValue: 73.5, dueDate: '2026-03-29', forecast: null, forecastHits: null });
    expect(statusSentence(due, sla, missed, '2026-06-30')).toBe(`Missed: 73.5% on 2026-03-29, ${nb('16.5 points')} short of the 90% target; 75.4% since`);
    expect(statusSentence(due, sla, progress({ status: 'no-data', current: null, dueValue: null, dueDate: null }), '2026-06-30')).toBe('No data on or before the due date, 2026-03-31');
  });

  it('says how a maintain goal holds its threshold, and when a goal starts', () => {
    const hold = goal({ type: 'maintain', kpi: 'sla', target: { value: 95, date: '2026-12-31' } } as Partial<Goal>);
    expect(statusSentence(hold, sla, progress({ current: 96.8 }), '2026-06-30')).toBe('On track; 96.8% holds the 95% threshold');
    expect(statusSentence(hold, sla, progress({ status: 'off-track', current: 93 }), '2026-06-30')).toBe(`Off track; 93% misses the 95% threshold by ${nb('2 points')}`);
    expect(statusSentence(goal({ start: '2026-07-01' }), frt, progress({ status: 'not-started' }), '2026-06-30')).toBe('Not started; work starts on 2026-07-01');
  });

  it('leaves the status word out where a badge already says it', () => {
    expect(withoutLabel('On track; forecast hits the target', 'on-track')).toBe('forecast hits the target');
    expect(withoutLabel('Achieved on 2026-03-31 at 90.2%', 'achieved')).toBe('on 2026-03-31 at 90.2%');
    expect(withoutLabel('Missed: 73.5% on 2026-03-29', 'missed')).toBe('73.5% on 2026-03-29');
    expect(withoutLabel('No data yet', 'no-data')).toBe('No data yet');
  });
});

describe('gap to plan and the reason a goal needs attention', () => {
  it('gives the gap in the KPI\u2019s unit, and none when the goal is ahead', () => {
    // Against the plan on the latest value's date, as the chart marks it: on 2026-06-28, 179 of
    // the 273 days from 6.2 to 3.5, the plan is 6.2 - 2.7 * 179 / 273 = 4.4297 h; 5.6 - 4.4297
    // = 1.1703 h = 1 h 10 min (the plan at the as-of date, 4.2 h, would give 1 h 24 min).
    expect(gapText(goal(), frt, progress({ current: 5.6, currentDate: '2026-06-28', planned: 4.2 }), '2026-06-30')).toBe(`${nb('1 h 10 min')} behind plan`);
    expect(gapText(goal(), frt, progress({ current: 4.4, currentDate: '2026-06-28', planned: 4.2 }), '2026-06-30')).toBeNull();
    expect(gapText(goal(), frt, progress({ current: 7, currentDate: '2025-12-30' }), '2026-06-30')).toBeNull();
    const due = goal({ target: { value: 74, date: '2026-03-31' }, baseline: { value: 68, date: '2025-12-31' } } as Partial<Goal>);
    expect(gapText(due, sla, progress({ status: 'missed', dueValue: 73.7, dueDate: '2026-03-29' }), '2026-06-30')).toBe(`${nb('0.3 points')} short of target`);
    const hold = goal({ type: 'maintain', target: { value: 95, date: '2026-12-31' } } as Partial<Goal>);
    expect(gapText(hold, sla, progress({ status: 'off-track', current: 93 }), '2026-06-30')).toBe(`${nb('2 points')} past the threshold`);
  });

  it('gives attainment against expected, then the forecast', () => {
    expect(attentionReason(goal(), frt, progress({ status: 'off-track', attainment: 0.257, expected: 0.657, forecast: 4.779 }), '2026-06-30')).toBe(
      `26% of the way against 66% expected by now; forecast ${nb('4 h 47 min')} misses the ${nb('3 h 30 min')} target by ${nb('1 h 17 min')}`,
    );
  });
});
