import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CHUNK_POINTS, PointStore } from '../../src/metrics/point-store.ts';
import { SeriesBuilder } from '../../src/metrics/series-builder.ts';
import { storedSeries } from '../../src/metrics/series.ts';

/** Builders fed from one store in the given interleaving; returns them with the points each got. */
function interleave(store: PointStore, arrivals: readonly number[], seriesCount: number) {
  const builders = Array.from({ length: seriesCount }, (_, id) => new SeriesBuilder(id, `k${id}`, 'org', 'day', { file: 0, line: 1, cell: 0 }, store));
  const expected: number[][] = builders.map(() => []);
  arrivals.forEach((id, step) => {
    builders[id]!.add(step, step * 1.5, 0);
    expected[id]!.push(step);
  });
  return { builders, expected };
}

describe('PointStore', () => {
  it('keeps each series whole and in order through arrange(), whatever the interleaving', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }).chain((count) => fc.tuple(fc.constant(count), fc.array(fc.integer({ min: 0, max: count - 1 }), { maxLength: 600 }))), ([count, arrivals]) => {
        const store = new PointStore();
        const { builders, expected } = interleave(store, arrivals, count);
        const used = builders.filter((b) => b.length > 0);
        const order = [...used].reverse();
        store.arrange(order);
        return order.every((builder) => {
          const { days, values } = storedSeries(builder.kpi, 'org', 'day', builder.finish().points, 1);
          const want = expected[builder.id]!;
          return days.join() === want.join() && values.join() === want.map((day) => day * 1.5).join();
        });
      }),
    );
  });

  it('hands series over as views into its slabs once arranged, not as copies', () => {
    const store = new PointStore();
    const arrivals = Array.from({ length: CHUNK_POINTS * 6 }, (_, i) => i % 3);
    const { builders } = interleave(store, arrivals, 3);
    store.arrange(builders);
    const first = builders[0]!.finish().points;
    const second = builders[1]!.finish().points;
    expect(first.days).toBe(second.days);
    expect(second.start).toBe(first.start + CHUNK_POINTS * 2);
  });

  it('refuses an arrangement that leaves chunks out', () => {
    const store = new PointStore();
    const { builders } = interleave(store, [0, 1], 2);
    expect(() => store.arrange([builders[0]!])).toThrow(/1 of 2 chunks/);
  });
});
