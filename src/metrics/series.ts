// Builds the Series value the rest of Goalpost reads. Period labels are canonical (only the
// exact spellings of FORMAT.md section 4 are periods), so they are rebuilt from the end days on
// first read instead of holding one string per point through ingestion: with ten million
// points that array alone would cost more than the values. The getter is an own enumerable
// property, so spreading or serialising a series still carries its labels.
import type { IsoDate } from '../model/types.ts';
import { toDayNumber } from '../util/dates.ts';
import { periodLabel } from './periods.ts';
import type { Granularity, Series } from './types.ts';

export function createSeries(
  kpi: string,
  scope: string,
  granularity: Granularity,
  days: Int32Array,
  values: Float64Array,
  fiscalYearStart: number,
): Series {
  let periods: string[] | undefined;
  const series = { kpi, scope, granularity, days, values } as Series;
  Object.defineProperty(series, 'periods', {
    enumerable: true,
    get: () => (periods ??= Array.from(days, (day) => periodLabel(granularity, day, fiscalYearStart))),
  });
  return series;
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
