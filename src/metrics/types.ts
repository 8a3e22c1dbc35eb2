// Metric series as ingested from data/*.csv. One series per (KPI, scope), points sorted by
// date. Values and dates live in typed arrays so that memory grows with points, not rows.
import type { IsoDate } from '../spec/values.ts';

export type Granularity = 'day' | 'week' | 'month' | 'quarter';

export interface Series {
  kpi: string;
  /** `org` or `<kind>:<id>`. */
  scope: string;
  granularity: Granularity;
  /** Day numbers (days since 1970-01-01) of each point's period end date, ascending. */
  days: Int32Array;
  values: Float64Array;
  /** The period labels as written in the CSV (`2026-W14`), parallel to `days`. */
  periods: string[];
  /** Computed from tickets: the number of tickets behind each point, parallel to `days`. */
  tickets?: Int32Array;
  /** Where the series comes from: a CSV's path relative to the root, or `tickets:<source id>`. */
  source?: string;
}

/** All series of a workspace, keyed by `seriesKey(kpi, scope)`. */
export type SeriesSet = ReadonlyMap<string, Series>;

export function seriesKey(kpi: string, scope: string): string {
  return `${kpi}\u0000${scope}`;
}

export interface SeriesPoint {
  date: IsoDate;
  period: string;
  value: number;
}

/** One parsed period cell: the interval it stands for; its end date dates the value. */
export interface ParsedPeriod {
  granularity: Granularity;
  start: IsoDate;
  end: IsoDate;
  /** Day number of `end`. */
  endDay: number;
}

/**
 * What ingestion needs to know about the strategy. Built from whatever parsed, so that metric
 * files are still checked when the strategy itself has errors.
 */
export interface MetricCatalog {
  fiscalYearStart: number;
  /** `name` only makes hints: a cell holding a KPI's name is pointed to its id. */
  /** `computed`: the KPI has a `tickets` block, so its values come from ticket exports only. */
  kpis: readonly { id: string; unit: string; name?: string; computed?: boolean }[];
  teams: readonly string[];
  people: readonly string[];
  channels: readonly string[];
  segments: readonly string[];
  slaPolicies: readonly string[];
}
