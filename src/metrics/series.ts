// Builds the Series value the rest of Goalpost reads. Period labels are canonical (only the
// exact spellings of FORMAT.md section 4 are periods), so they are rebuilt from the end days on
// first read instead of holding one string per point: with ten million points that array alone
// would cost more than the values, and most series of a large export are never shown.
import type { IsoDate } from '../spec/values.ts';
import { toDayNumber } from '../util/dates.ts';
import { periodLabels } from './periods.ts';
import type { Granularity, Series } from './types.ts';
import { compareText } from '../util/compare-text.ts';

/**
 * A getter on the prototype keeps every instance small (a per-instance accessor would turn each
 * of 100,000 series into a slow dictionary object).
 */
class LabelledSeries implements Series {
  readonly kpi: string;
  readonly scope: string;
  readonly granularity: Granularity;
  readonly days: Int32Array;
  readonly values: Float64Array;
  readonly source: string | undefined;
  private readonly fiscalYearStart: number;
  private labels: string[] | undefined;

  constructor(kpi: string, scope: string, granularity: Granularity, days: Int32Array, values: Float64Array, fiscalYearStart: number, source: string | undefined) {
    this.kpi = kpi;
    this.scope = scope;
    this.granularity = granularity;
    this.days = days;
    this.values = values;
    this.fiscalYearStart = fiscalYearStart;
    this.source = source;
  }

  get periods(): string[] {
    this.labels ??= periodLabels(this.granularity, this.days, this.fiscalYearStart);
    return this.labels;
  }
}

/** A series from its arrays, sorted by day; `source` as on Series. */
export function createSeries(
  kpi: string,
  scope: string,
  granularity: Granularity,
  days: Int32Array,
  values: Float64Array,
  fiscalYearStart: number,
  source?: string,
): Series {
  return new LabelledSeries(kpi, scope, granularity, days, values, fiscalYearStart, source);
}

/** A series from (period end date, value) pairs in any order; for tests and small callers. */
export function seriesFromPoints(
  kpi: string,
  scope: string,
  granularity: Granularity,
  points: readonly { date: IsoDate; value: number }[],
  fiscalYearStart = 1,
): Series {
  const sorted = [...points].sort((a, b) => compareText(a.date, b.date));
  return createSeries(
    kpi,
    scope,
    granularity,
    Int32Array.from(sorted, (p) => toDayNumber(p.date)),
    Float64Array.from(sorted, (p) => p.value),
    fiscalYearStart,
  );
}
