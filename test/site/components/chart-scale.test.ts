// The axes every chart shares: month ticks that carry the year, value ticks at round steps of
// the KPI's unit, end labels pushed apart.
import { describe, expect, it } from 'vitest';
import { spreadLabels, tickText, timeTicks, tooltipText, valueScale } from '../../../src/site/components/chart-scale.ts';
import { toDayNumber } from '../../../src/util/dates.ts';

describe('chart scales', () => {
  it('puts the year on every January, and on the first tick when no January follows', () => {
    const ticks = timeTicks(toDayNumber('2025-10-01'), toDayNumber('2026-10-15'), 9);
    expect(ticks.map((t) => t.label)).toEqual(['Nov', 'Jan 2026', 'Mar', 'May', 'Jul', 'Sep']);
    expect(ticks[0]!.day).toBe(toDayNumber('2025-11-01'));
    expect(timeTicks(toDayNumber('2025-10-01'), toDayNumber('2025-12-31'), 9).map((t) => t.label)).toEqual(['Oct 2025', 'Nov', 'Dec']);
    expect(timeTicks(toDayNumber('2025-01-01'), toDayNumber('2026-06-30'), 4).map((t) => t.label)).toEqual(['Jan 2025', 'Jul', 'Jan 2026']);
    expect(timeTicks(toDayNumber('2026-02-10'), toDayNumber('2026-05-01'), 9).map((t) => t.label)).toEqual(['Mar 2026', 'Apr', 'May']);
  });

  it('steps hours by whole or half hours and percentages by round numbers', () => {
    const hours = valueScale([4.45, 3.5, 6.2], 'hours', { fromZero: true, min: 0 });
    expect(hours).toEqual({ min: 0, max: 8, ticks: [0, 2, 4, 6, 8] });
    expect(valueScale([3.2, 4.4], 'hours', { ticks: 6 }).ticks).toEqual([3, 3.25, 3.5, 3.75, 4, 4.25, 4.5]);
    expect(valueScale([84.2, 89.6], 'percent').ticks).toEqual([84, 86, 88, 90]);
    expect(tickText(0, 'hours')).toBe('0\u00a0h');
    expect(tickText(3.5, 'hours')).toBe('3\u00a0h\u00a030\u00a0min');
  });

  it('pushes close labels apart and keeps them inside the chart', () => {
    // A forecast of 3.53 h two pixels from its 3.5 h target: both labels stay readable.
    const [forecast, target] = spreadLabels([{ want: 200, height: 20 }, { want: 202, height: 20 }], 0, 400, 2);
    expect(target! - forecast!).toBeGreaterThanOrEqual(22);
    expect(spreadLabels([{ want: 395, height: 20 }, { want: 398, height: 20 }], 0, 400, 2)).toEqual([368, 390]);
    expect(spreadLabels([{ want: 100, height: 20 }, { want: 10, height: 20 }], 0, 400, 2)).toEqual([100, 10]);
  });

  it('gives a point computed from tickets the tickets behind it in the tooltip', () => {
    const series = { label: 'Actual', tickets: [1, 1240, null] };
    expect(tooltipText(series, 0, 4.5, 'hours')).toBe('Actual: 4\u00a0h\u00a030\u00a0min (1 ticket)');
    expect(tooltipText(series, 1, 96.25, 'percent')).toBe('Actual: 96.3% (1,240 tickets)');
    expect(tooltipText(series, 2, 96, 'percent')).toBe('Actual: 96%');
    expect(tooltipText({ label: 'Target' }, 0, 4, 'hours')).toBe('Target: 4\u00a0h');
  });
});
