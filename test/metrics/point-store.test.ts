import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CHUNK_POINTS, PointStore } from '../../src/metrics/point-store.ts';
import { SeriesBuilder } from '../../src/metrics/series-builder.ts';

/** Builders fed from one store in the given interleaving; returns them with the days each got. */
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
  it('gives back each series whole and in order, whatever the interleaving of the series', () => {
    const interleavings = fc.integer({ min: 1, max: 12 }).chain((count) => fc.tuple(fc.constant(count), fc.array(fc.integer({ min: 0, max: count - 1 }), { maxLength: 600 })));
    fc.assert(
      fc.property(interleavings, ([count, arrivals]) => {
        const { builders, expected } = interleave(new PointStore(), arrivals, count);
        return builders.every((builder) => {
          const { days, values } = builder.read();
          const want = expected[builder.id]!;
          return days.join() === want.join() && values.join() === want.map((day) => day * 1.5).join();
        });
      }),
    );
  });

  it('hands a series read in one run over as a view into its slab, and an interleaved one as a copy', () => {
    const store = new PointStore();
    const { builders } = interleave(store, [...Array.from({ length: CHUNK_POINTS * 3 }, () => 0), 1, 2, 1, 2], 3);
    const whole = builders[0]!.read().days;
    const interleaved = [builders[1]!.read().days, builders[2]!.read().days];
    expect(whole.length).toBe(CHUNK_POINTS * 3);
    expect(whole.buffer.byteLength).toBeGreaterThan(whole.byteLength);
    const first = CHUNK_POINTS * 3;
    expect(interleaved.map((days) => [...days])).toEqual([[first, first + 2], [first + 1, first + 3]]);
  });

  it('overwrites a series in place across its chunks', () => {
    const store = new PointStore();
    const { builders } = interleave(store, Array.from({ length: 40 }, (_, i) => i % 2), 2);
    const days = Int32Array.from({ length: 20 }, (_, i) => 100 - i);
    store.overwrite(builders[1]!.firstChunk, days, Float64Array.from(days), 20);
    expect([...builders[1]!.read().days]).toEqual([...days]);
    expect(builders[0]!.read().days[19]).toBe(38);
  });
});

describe('PointStore.adopt', () => {
  it('links a series across stores whose chunks are partly filled, and reads it back as a copy', () => {
    const main = new PointStore();
    const [before] = interleave(main, [0, 0, 0], 1).builders;
    const other = new PointStore();
    const { builders: later } = interleave(other, Array.from({ length: CHUNK_POINTS + 2 }, () => 0), 1);
    const offset = main.adopt(other.content());
    before!.append(later[0]!.part(), offset, 1);
    before!.add(1000, 1, 1);
    const { days } = before!.read();
    expect([...days]).toEqual([0, 1, 2, ...Array.from({ length: CHUNK_POINTS + 2 }, (_, i) => i), 1000]);
    // Sorting must walk the partly filled chunks too: three repeats of days 0, 1 and 2.
    expect(before!.finish().map((conflict) => conflict.day)).toEqual([]);
    expect([...before!.read().days].slice(0, 4)).toEqual([0, 1, 2, 3]);
  });
});
