// Builds the Series value the rest of Goalpost reads. Period labels are canonical (only the
// exact spellings of FORMAT.md section 4 are periods), so they are rebuilt from the end days on
// first read instead of holding one string per point through ingestion: with ten million
// points that array alone would cost more than the values.
import type { IsoDate } from '../model/types.ts';
import { toDayNumber } from '../util/dates.ts';
import { periodLabel } from './periods.ts';
import type { Granularity, Series } from './types.ts';

/**
 * A Series whose period labels are built from its day numbers on first read: a string per
 * point would cost more memory than the values. A class with the getter on its prototype keeps
 * every instance small (a per-instance accessor would turn each into a slow dictionary object).
 */
class StoredSeries implements Series {
  readonly kpi: string;
  readonly scope: string;
  readonly granularity: Granularity;
  readonly days: Int32Array;
  readonly values: Float64Array;
  private readonly fiscalYearStart: number;
  private labels: string[] | undefined;

  constructor(kpi: string, scope: string, granularity: Granularity, days: Int32Array, values: Float64Array, fiscalYearStart: number) {
    this.kpi = kpi;
    this.scope = scope;
    this.granularity = granularity;
    this.days = days;
    this.values = values;
    this.fiscalYearStart = fiscalYearStart;
  }

  get periods(): string[] {
    this.labels ??= Array.from(this.days, (day) => periodLabel(this.granularity, day, this.fiscalYearStart));
    return this.labels;
  }
}

export function createSeries(
  kpi: string,
  scope: string,
  granularity: Granularity,
  days: Int32Array,
  values: Float64Array,
  fiscalYearStart: number,
): Series {
  return new StoredSeries(kpi, scope, granularity, days, values, fiscalYearStart);
}

/** A series from (period end date, value) pairs in any order; for tests and small callers. */
export function seriesFromPoints(
  kpi: string,
  scope: string,
  granularity: Granularity,
  points: readonly { date: IsoDate; value: number }[],
  fiscalYearStart = 1,
): Series {
  const sorted = [...points].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return createSeries(
    kpi,
    scope,
    granularity,
    Int32Array.from(sorted, (p) => toDayNumber(p.date)),
    Float64Array.from(sorted, (p) => p.value),
    fiscalYearStart,
  );
}
