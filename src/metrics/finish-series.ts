// Turns the builders of an ingestion into the final SeriesSet (in key order, so output is
// deterministic) and lists every period given twice with different values. The first value
// read (files in sorted path order, then line order) is the one kept; each conflict becomes two
// metric-conflict findings, each place pointing at the other.
import type { FindingDraft } from './finding-drafts.ts';
import type { IngestContext } from './ingest-context.ts';
import { periodLabel } from './periods.ts';
import { lazySeries } from './series.ts';
import type { PointConflict, SeriesBuilder } from './series-builder.ts';
import type { Granularity, Series } from './types.ts';
import type { WantedPoint } from './conflict-lines.ts';
import { pointLineKey } from './conflict-lines.ts';
import { seriesKey } from './types.ts';

export interface SeriesConflict extends PointConflict {
  kpi: string;
  scope: string;
  granularity: Granularity;
}

/** The points of a conflict, for findPointLines. */
export function conflictPoints(conflict: SeriesConflict): WantedPoint[] {
  return [conflict.first, conflict.second].map((ref) => ({ kpi: conflict.kpi, scope: conflict.scope, ref }));
}

/**
 * A conflict is reported at both places (FORMAT.md), each pointing at the other. `lines` holds
 * the lines findPointLines found; a point whose file could not be read again is placed on its
 * file's line 1 and named without a line.
 */
export function conflictDrafts(context: IngestContext, conflict: SeriesConflict, lines: ReadonlyMap<string, number>): FindingDraft[] {
  const period = periodLabel(conflict.granularity, conflict.day, context.fiscalYearStart);
  const [firstPoint, secondPoint] = conflictPoints(conflict) as [WantedPoint, WantedPoint];
  const place = (point: WantedPoint) => ({
    file: point.ref.file,
    line: lines.get(pointLineKey(point)) ?? 1,
    cell: context.valueCell(point.ref.file, conflict.kpi),
  });
  /** Where the other value is, in words; without the line when it could not be found again. */
  const whereIs = (point: WantedPoint) => {
    const line = lines.get(pointLineKey(point));
    return line === undefined ? context.files[point.ref.file] : `${context.files[point.ref.file]} line ${line}`;
  };
  const firstAt = place(firstPoint);
  const secondAt = place(secondPoint);
  const what = `\`${conflict.kpi}\` at ${conflict.scope} for ${period}`;
  const hint = 'Keep one value per KPI, scope and period: correct or delete one of the two.';
  return [
    {
      code: 'metric-conflict',
      message: `${what} is ${conflict.secondValue} here but ${conflict.firstValue} in ${whereIs(firstPoint)}; the first value is kept`,
      hint,
      at: secondAt,
      related: [{ at: firstAt, message: `the first value, ${conflict.firstValue}` }],
    },
    {
      code: 'metric-conflict',
      message: `${what} is ${conflict.firstValue} here but ${conflict.secondValue} in ${whereIs(secondPoint)}; this first value is kept`,
      hint,
      at: firstAt,
      related: [{ at: secondAt, message: `the other value, ${conflict.secondValue}` }],
    },
  ];
}

export function finishSeries(context: IngestContext): { series: Map<string, Series>; conflicts: SeriesConflict[] } {
  const keyed = context.series.map((builder): [string, SeriesBuilder] => [seriesKey(builder.kpi, builder.scope), builder]);
  keyed.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  context.clearSeries();
  const series = new Map<string, Series>();
  const conflicts: SeriesConflict[] = [];
  for (const [key, builder] of keyed) {
    for (const conflict of builder.finish()) conflicts.push({ ...conflict, kpi: builder.kpi, scope: builder.scope, granularity: builder.granularity });
    series.set(key, lazySeries(builder.kpi, builder.scope, builder.granularity, builder, context.fiscalYearStart));
  }
  return { series, conflicts };
}
