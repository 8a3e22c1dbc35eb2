// Builds the Series value the rest of Goalpost reads. Period labels are canonical (only the
// exact spellings of FORMAT.md section 4 are periods), so they are rebuilt from the end days on
// first read instead of holding one string per point through ingestion: with ten million
// points that array alone would cost more than the values.
import type { IsoDate } from '../model/types.ts';
import { toDayNumber } from '../util/dates.ts';
import { periodLabel } from './periods.ts';
import type { StoredPoints } from './point-store.ts';
import type { Granularity, Series } from './types.ts';

/**
 * A Series over a range of shared buffers (see point-store.ts). Its typed arrays and period
 * labels are made on first read: with 100,000 series, two array views and a label array each
 * would cost more than the points. A class with getters on its prototype keeps every instance
 * small (per-instance accessors would turn each into a slow dictionary object).
 */
class StoredSeries implements Series {
  readonly kpi: string;
  readonly scope: string;
  readonly granularity: Granularity;
  private readonly points: StoredPoints;
  private readonly fiscalYearStart: number;
  private dayView: Int32Array | undefined;
  private valueView: Float64Array | undefined;
  private labels: string[] | undefined;

  constructor(kpi: string, scope: string, granularity: Granularity, points: StoredPoints, fiscalYearStart: number) {
    this.kpi = kpi;
    this.scope = scope;
    this.granularity = granularity;
    this.points = points;
    this.fiscalYearStart = fiscalYearStart;
  }

  get days(): Int32Array {
    const { days, start, length } = this.points;
    this.dayView ??= start === 0 && length === days.length ? days : days.subarray(start, start + length);
    return this.dayView;
  }

  get values(): Float64Array {
    const { values, start, length } = this.points;
    this.valueView ??= start === 0 && length === values.length ? values : values.subarray(start, start + length);
    return this.valueView;
  }

  get periods(): string[] {
    this.labels ??= Array.from(this.days, (day) => periodLabel(this.granularity, day, this.fiscalYearStart));
    return this.labels;
  }
}

/** A series over `points`, as ingestion stores them. */
export function storedSeries(kpi: string, scope: string, granularity: Granularity, points: StoredPoints, fiscalYearStart: number): Series {
  return new StoredSeries(kpi, scope, granularity, points, fiscalYearStart);
}

export function createSeries(
  kpi: string,
  scope: string,
  granularity: Granularity,
  days: Int32Array,
  values: Float64Array,
  fiscalYearStart: number,
): Series {
  return new StoredSeries(kpi, scope, granularity, { days, values, start: 0, length: days.length }, fiscalYearStart);
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
