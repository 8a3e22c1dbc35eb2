// `goalpost metrics` output (TICKETS.md 7.5): every series, read from a metric CSV or computed
// from tickets, in the long CSV shape of FORMAT.md section 4 or as JSON, so that a number on
// the site can be re-checked in a spreadsheet. Values are printed as JavaScript prints a
// double (the shortest text that reads back to the same number): nothing is rounded.
import type { Series, SeriesSet } from '../metrics/types.ts';
import { fromDayNumber } from '../util/dates.ts';

export interface SeriesFilter {
  kpi?: string;
  scope?: string;
}

/** The series that pass the filter, sorted by KPI then scope. */
export function selectSeries(series: SeriesSet, filter: SeriesFilter = {}): Series[] {
  return [...series.values()]
    .filter((s) => (filter.kpi === undefined || s.kpi === filter.kpi) && (filter.scope === undefined || s.scope === filter.scope))
    .sort((a, b) => (a.kpi === b.kpi ? compareText(a.scope, b.scope) : compareText(a.kpi, b.kpi)));
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function formatMetricsCsv(series: readonly Series[]): string {
  const lines = ['period,kpi,scope,value'];
  for (const s of series) {
    for (let i = 0; i < s.days.length; i++) lines.push(`${s.periods[i]},${s.kpi},${s.scope},${s.values[i]}`);
  }
  return `${lines.join('\n')}\n`;
}

export function formatMetricsJson(series: readonly Series[]): string {
  const out = series.map((s) => ({
    kpi: s.kpi,
    scope: s.scope,
    source: s.source ?? null,
    points: Array.from(s.days, (day, i) => ({
      period: s.periods[i],
      date: fromDayNumber(day),
      value: s.values[i],
      ...(s.tickets ? { tickets: s.tickets[i] } : {}),
    })),
  }));
  return `${JSON.stringify({ series: out }, null, 2)}\n`;
}
