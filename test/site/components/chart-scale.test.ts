// The axes every chart shares: month ticks that carry the year, value ticks at round steps of
// the KPI's unit, end labels pushed apart.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { boxesAround, leastCovered, spreadLabels, tickText, timeTicks, tooltipText, valueScale } from '../../../src/site/components/chart-scale.ts';
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

describe('where a note goes', () => {
  const bounds = { left: 0, top: 0, right: 300, bottom: 200 };

  it('takes the first place inside the chart that covers no line, else the one covering fewest', () => {
    const candidates = boxesAround(150, 100, 60, 20, 8);
    expect(leastCovered(candidates, bounds, [])).toBe(0);
    const crowded = candidates.slice(0, 3).flatMap((b) => [[(b.left + b.right) / 2, (b.top + b.bottom) / 2] as const]);
    const chosen = leastCovered(candidates, bounds, crowded);
    expect(chosen).toBeGreaterThanOrEqual(3);
    expect(leastCovered([{ left: -50, right: 10, top: 10, bottom: 30 }, { left: 10, right: 70, top: 10, bottom: 30 }], bounds, [[40, 20]])).toBe(1);
  });

  it('chooses as counting every point of every place would', () => {
    const naive = (candidates: ReturnType<typeof boxesAround>, obstacles: [number, number][]) => {
      const scores = candidates.map((box) => {
        const overflow = Math.max(0, bounds.left - box.left) + Math.max(0, box.right - bounds.right) + Math.max(0, bounds.top - box.top) + Math.max(0, box.bottom - bounds.bottom);
        const covered = obstacles.filter(([x, y]) => x >= box.left - 3 && x <= box.right + 3 && y >= box.top - 3 && y <= box.bottom + 3).length;
        return (overflow > 0 ? 1e6 + overflow : 0) + covered + box.cost;
      });
      return scores.indexOf(Math.min(...scores));
    };
    const point = fc.tuple(fc.integer({ min: -20, max: 320 }), fc.integer({ min: -20, max: 220 }));
    fc.assert(
      fc.property(point, fc.array(point, { maxLength: 300 }), fc.integer({ min: 10, max: 120 }), ([x, y], obstacles, width) => {
        const candidates = boxesAround(x, y, width, 24, 8);
        expect(leastCovered(candidates, bounds, obstacles)).toBe(naive(candidates, obstacles));
      }),
      { numRuns: 300 },
    );
  });
});
