// A Series can be made from plain arrays or (date, value) pairs, as computed series (from ticket
// exports) and tests make them, and reads like an ingested one.
import { describe, expect, it } from 'vitest';
import { createSeries, seriesFromPoints } from '../../src/metrics/series.ts';

describe('createSeries', () => {
  it('labels each point by its period, with the fiscal year for quarters, and keeps its source', () => {
    const series = createSeries('frt', 'org', 'quarter', Int32Array.of(20634), Float64Array.of(4), 4, 'data/q.csv');
    expect(series.periods).toEqual(['2026-Q1']);
    expect(series.periods).toBe(series.periods);
    expect(series.source).toBe('data/q.csv');
  });
});

describe('seriesFromPoints', () => {
  it('sorts the points by date', () => {
    const series = seriesFromPoints('csat', 'team:tier1', 'month', [
      { date: '2026-05-31', value: 81 },
      { date: '2026-04-30', value: 80 },
    ]);
    expect([...series.days]).toEqual([20573, 20604]);
    expect([...series.values]).toEqual([80, 81]);
    expect(series.periods).toEqual(['2026-04', '2026-05']);
    expect(series.source).toBeUndefined();
  });
});
