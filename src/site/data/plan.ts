// The progress engine's series and plan helpers as the site uses them: points up to a date
// (none for a missing series), and the planned path drawn from the baseline's own date when
// the work starts later (flat at the baseline until the start, as FORMAT.md section 5 says).
import { plannedPath as enginePath, plannedValueAt, pointsUpTo as enginePoints } from '../../compute/index.ts';
import type { Series, SeriesPoint } from '../../metrics/types.ts';
import type { DatedValue, Goal } from '../../model/types.ts';
import type { IsoDate } from '../../spec/values.ts';

export { plannedValueAt };

export function pointsUpTo(series: Series | undefined, asOf: IsoDate): SeriesPoint[] {
  return series ? enginePoints(series, asOf) : [];
}

export function plannedPath(goal: Goal): DatedValue[] {
  const path = enginePath(goal);
  if (goal.type === 'reach' && goal.baseline && path[0] && goal.baseline.date < path[0].date) return [{ ...goal.baseline }, ...path];
  return path;
}
