// data-stale (FORMAT.md section 3): a goal's latest point is older than two of its series'
// periods before the as-of date. Precisely: with E the end date of the latest point's period
// and R the reference date, the data is stale when R is after the end of the second period
// following E's (E + 2 days, E + 14 days, the end of the month two months on, the end of the
// quarter two quarters on): two whole periods have ended with no value. R is the as-of date,
// as the format says, also for goals past their due date or not yet started.
// Only goals with at least one point of their own can be stale: a goal with no point is
// already no-data, and a rolled-up goal's freshness is its children's.
import type { Finding } from '../diagnostics/diagnostic.ts';
import type { IsoDate } from '../spec/values.ts';
import type { Model } from '../model/types.ts';
import { GRANULARITY_NOUN, shiftPeriodEnd } from '../metrics/periods.ts';
import type { Series, SeriesSet } from '../metrics/types.ts';
import { fromDayNumber, toDayNumber } from '../util/dates.ts';
import { lastIndexOnOrBefore, seriesOfGoal } from './series-points.ts';

/** The index of the series' latest point on or before the as-of day when that point is stale, else null. */
export function stalenessOf(series: Series | undefined, asOfDay: number): { latest: number } | null {
  if (!series) return null;
  const latest = lastIndexOnOrBefore(series, asOfDay);
  if (latest < 0) return null;
  return asOfDay > shiftPeriodEnd(series.days[latest]!, series.granularity, 2) ? { latest } : null;
}

export function findStaleData(model: Model, series: SeriesSet, asOf: IsoDate): Finding[] {
  const asOfDay = toDayNumber(asOf);
  const findings: Finding[] = [];
  for (const goal of model.goals) {
    const own = seriesOfGoal(series, goal);
    const stale = stalenessOf(own, asOfDay);
    if (!own || !stale) continue;
    const when = fromDayNumber(asOfDay);
    findings.push({
      code: 'data-stale',
      message:
        `the latest \`${goal.kpi}\` value at ${goal.scope} is for ${own.periods[stale.latest]} ` +
        `(ending ${fromDayNumber(own.days[stale.latest]!)}), more than two ${GRANULARITY_NOUN[own.granularity]} periods before ${when}`,
      hint: 'Add the latest export to data/, or check that the export still includes this series.',
      file: goal.source.file,
      line: goal.source.line,
      column: goal.source.column,
    });
  }
  return findings;
}
