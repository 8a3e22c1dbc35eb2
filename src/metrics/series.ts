// Builds the Series value the rest of Goalpost reads. Period labels are canonical (only the
// exact spellings of FORMAT.md section 4 are periods), so they are rebuilt from the end days on
// first read instead of holding one string per point through ingestion: with ten million
// points that array alone would cost more than the values.
import type { IsoDate } from '../spec/values.ts';
import { toDayNumber } from '../util/dates.ts';
import { periodLabel } from './periods.ts';
import type { Granularity, Series } from './types.ts';

/** Where a series' points come from: read once, on first use. */
export interface PointSource {
  read(): { days: Int32Array; values: Float64Array };
}

/**
 * A Series whose arrays and period labels are made on first read: a large export has 100,000
 * series, most of which no goal reads, and gathering each into arrays (or labelling each
 * point) would cost more than the points. A class with getters on its prototype keeps every
 * instance small (per-instance accessors would turn each into a slow dictionary object).
 */
class StoredSeries implements Series {
  readonly kpi: string;
  readonly scope: string;
  readonly granularity: Granularity;
  private readonly pointSource: PointSource;
  private readonly fiscalYearStart: number;
  private points: { days: Int32Array; values: Float64Array } | undefined;
  private labels: string[] | undefined;

  constructor(kpi: string, scope: string, granularity: Granularity, source: PointSource, fiscalYearStart: number) {
    this.kpi = kpi;
    this.scope = scope;
    this.granularity = granularity;
    this.pointSource = source;
    this.fiscalYearStart = fiscalYearStart;
  }

  get days(): Int32Array {
    this.points ??= this.pointSource.read();
    return this.points.days;
  }

  get values(): Float64Array {
    this.points ??= this.pointSource.read();
    return this.points.values;
  }

  get periods(): string[] {
    this.labels ??= Array.from(this.days, (day) => periodLabel(this.granularity, day, this.fiscalYearStart));
    return this.labels;
  }
}

/** A series whose points are read from `source` when first needed. */
export function lazySeries(kpi: string, scope: string, granularity: Granularity, source: PointSource, fiscalYearStart: number): Series {
  return new StoredSeries(kpi, scope, granularity, source, fiscalYearStart);
}

export function createSeries(
  kpi: string,
  scope: string,
  granularity: Granularity,
  days: Int32Array,
  values: Float64Array,
  fiscalYearStart: number,
): Series {
  return new StoredSeries(kpi, scope, granularity, { read: () => ({ days, values }) }, fiscalYearStart);
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
