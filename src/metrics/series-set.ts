// The series of an ingestion, keyed by seriesKey(kpi, scope) and iterated in key order. A Series
// is made when first asked for, and the key order is sorted only when first iterated: `check`
// and `status` look up the few series their goals name among the 9,640 of a 1,000,000-row
// export (96,000 at 10,000,000 rows), and making and sorting them all took 13 ms at 1,000,000.
import { lazySeries } from './series.ts';
import type { SeriesBuilder } from './series-builder.ts';
import type { Series } from './types.ts';
import { seriesKey } from './types.ts';

/** The builder of (kpi, scope), if the ingestion has one. */
export type FindBuilder = (kpi: string, scope: string) => SeriesBuilder | undefined;

class IngestedSeries implements ReadonlyMap<string, Series> {
  private readonly builders: readonly SeriesBuilder[];
  private readonly find: FindBuilder;
  private readonly fiscalYearStart: number;
  private readonly made = new Map<SeriesBuilder, Series>();
  private sortedKeys: string[] | undefined;

  constructor(builders: readonly SeriesBuilder[], find: FindBuilder, fiscalYearStart: number) {
    this.builders = builders;
    this.find = find;
    this.fiscalYearStart = fiscalYearStart;
  }

  get size(): number {
    return this.builders.length;
  }

  get(key: string): Series | undefined {
    const separator = key.indexOf('\u0000');
    const builder = separator < 0 ? undefined : this.find(key.slice(0, separator), key.slice(separator + 1));
    return builder && this.seriesOf(builder);
  }

  has(key: string): boolean {
    return this.get(key) !== undefined;
  }

  *keys(): MapIterator<string> {
    yield* this.keysInOrder();
  }

  *values(): MapIterator<Series> {
    for (const key of this.keysInOrder()) yield this.get(key)!;
  }

  *entries(): MapIterator<[string, Series]> {
    for (const key of this.keysInOrder()) yield [key, this.get(key)!];
  }

  [Symbol.iterator](): MapIterator<[string, Series]> {
    return this.entries();
  }

  forEach(callback: (value: Series, key: string, map: ReadonlyMap<string, Series>) => void, thisArg?: unknown): void {
    for (const [key, value] of this.entries()) callback.call(thisArg, value, key, this);
  }

  private keysInOrder(): string[] {
    this.sortedKeys ??= this.builders.map((builder) => seriesKey(builder.kpi, builder.scope)).sort();
    return this.sortedKeys;
  }

  private seriesOf(builder: SeriesBuilder): Series {
    let series = this.made.get(builder);
    if (!series) this.made.set(builder, (series = lazySeries(builder.kpi, builder.scope, builder.granularity, builder, this.fiscalYearStart)));
    return series;
  }
}

/** The builders' series, as a ReadonlyMap; `find` finds a builder by KPI and scope. */
export function ingestedSeries(builders: readonly SeriesBuilder[], find: FindBuilder, fiscalYearStart: number): ReadonlyMap<string, Series> {
  return new IngestedSeries(builders, find, fiscalYearStart);
}
