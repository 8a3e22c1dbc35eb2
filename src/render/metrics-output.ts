// `goalpost metrics` output (TICKETS.md 7.5): every series, read from a metric CSV or computed
// from tickets, in the long CSV shape of FORMAT.md section 4 or as JSON, so that a number on
// the site can be re-checked in a spreadsheet. Values are printed as JavaScript prints a
// double (the shortest text that reads back to the same number): nothing is rounded.
import type { Series, SeriesSet } from '../metrics/types.ts';
import { fromDayNumber } from '../util/dates.ts';
import { compareText } from '../util/compare-text.ts';

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


export function formatMetricsCsv(series: readonly Series[]): string {
  const lines = ['period,kpi,scope,value'];
  for (const s of series) {
    for (let i = 0; i < s.days.length; i++) lines.push(`${s.periods[i]},${s.kpi},${s.scope},${s.values[i]}`);
  }
  return `${lines.join('\n')}\n`;
}

/** A number as JSON writes it: the shortest text that reads back to it, and null for NaN or an infinity. */
function jsonNumber(value: number): string {
  return Number.isFinite(value) ? String(value) : 'null';
}

/**
 * The JSON of TICKETS.md 7.5, laid out as JSON.stringify(value, null, 2) lays it out, but written
 * point by point: a million-ticket export has some 100,000 points, and building an object for
 * each only to stringify it took a tenth of a second. The series of one KPI share their periods,
 * so each day's date is written once.
 */
export function formatMetricsJson(series: readonly Series[]): string {
  const text = (value: string) => JSON.stringify(value);
  const dates = new Map<number, string>();
  const dateOf = (day: number): string => {
    let date = dates.get(day);
    if (date === undefined) dates.set(day, (date = fromDayNumber(day)));
    return date;
  };
  const parts: string[] = [];
  for (const s of series) {
    const points: string[] = [];
    for (let i = 0; i < s.days.length; i++) {
      const tickets = s.tickets ? `,\n          "tickets": ${s.tickets[i]}` : '';
      points.push(
        `        {\n          "period": ${text(s.periods[i]!)},\n          "date": "${dateOf(s.days[i]!)}",\n          "value": ${jsonNumber(s.values[i]!)}${tickets}\n        }`,
      );
    }
    const list = points.length === 0 ? '[]' : `[\n${points.join(',\n')}\n      ]`;
    const source = s.source === undefined ? 'null' : text(s.source);
    parts.push(`    {\n      "kpi": ${text(s.kpi)},\n      "scope": ${text(s.scope)},\n      "source": ${source},\n      "points": ${list}\n    }`);
  }
  return parts.length === 0 ? '{\n  "series": []\n}\n' : `{\n  "series": [\n${parts.join(',\n')}\n  ]\n}\n`;
}
