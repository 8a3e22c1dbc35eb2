import { describe, expect, it } from 'vitest';
import { SeriesBuilder } from '../../src/metrics/series-builder.ts';
import { createSeries } from '../../src/metrics/series.ts';

const builder = () => new SeriesBuilder(0, 'frt', 'org', 'day', { file: 0, line: 2, cell: 2 });

describe('SeriesBuilder', () => {
  it('keeps points in arrival order when they ascend, growing past its first buffer', () => {
    const b = builder();
    for (let day = 0; day < 100; day++) b.add(day, day / 2, 0);
    const conflicts = b.finish();
    const { days, values } = b.read();
    expect(days).toHaveLength(100);
    expect(days[99]).toBe(99);
    expect(values[99]).toBe(49.5);
    expect(conflicts).toEqual([]);
  });

  it('sorts by day, drops identical repeats and reports differing ones by file and arrival', () => {
    const b = builder();
    b.add(20, 5, 0);
    b.add(10, 7, 0);
    b.add(20, 5, 0);
    b.add(-3, 1, 1);
    b.add(20, 6, 1);
    b.add(10, 7.5, 2);
    const conflicts = b.finish();
    const { days, values } = b.read();
    expect([...days]).toEqual([-3, 10, 20]);
    expect([...values]).toEqual([1, 7, 5]);
    expect(conflicts).toEqual([
      { day: 10, first: { file: 0, arrival: 1 }, firstValue: 7, second: { file: 2, arrival: 0 }, secondValue: 7.5 },
      { day: 20, first: { file: 0, arrival: 0 }, firstValue: 5, second: { file: 1, arrival: 1 }, secondValue: 6 },
    ]);
  });
});

describe('createSeries', () => {
  it('rebuilds period labels on first read, once', () => {
    const series = createSeries('frt', 'org', 'quarter', Int32Array.of(20634), Float64Array.of(4), 4);
    expect(series.periods).toEqual(['2026-Q1']);
    expect(series.periods).toBe(series.periods);
  });
});
