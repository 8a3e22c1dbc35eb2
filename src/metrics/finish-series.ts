// Turns the builders of an ingestion into the final SeriesSet (iterated in key order, so output
// is deterministic) and lists every period given twice with different values. The first value
// read (files in sorted path order, then line order) is the one kept; each conflict becomes two
// metric-conflict findings, each place pointing at the other.
import type { WantedPoint } from './conflict-lines.ts';
import { pointLineKey } from './conflict-lines.ts';
import type { FindingDraft } from './finding-drafts.ts';
import type { IngestContext } from './ingest-context.ts';
import { MAX_CELL_FINDINGS } from './metric-messages.ts';
import { periodLabel } from './periods.ts';
import type { PointConflict, SeriesBuilder } from './series-builder.ts';
import { ingestedSeries } from './series-set.ts';
import type { Granularity, SeriesSet } from './types.ts';
import { seriesKey } from './types.ts';

const CONFLICT_HINT = 'Keep one value per KPI, scope and period: correct or delete one of the two.';

export interface SeriesConflict extends PointConflict {
  kpi: string;
  scope: string;
  granularity: Granularity;
}

/** The points of a conflict, for findPointLines. */
export function conflictPoints(conflict: SeriesConflict): WantedPoint[] {
  return [conflict.first, conflict.second].map((ref) => ({ kpi: conflict.kpi, scope: conflict.scope, ref }));
}

/** The conflicts between one pair of files that are counted, not listed: the first and how many. */
export interface UnlistedConflicts {
  first: SeriesConflict;
  count: number;
}

/**
 * The conflicts listed one by one (the first MAX_CELL_FINDINGS of each pair of files, in series
 * order) and, for each pair, the rest. A corrected export dropped beside the original would
 * otherwise make two findings for every value in it.
 */
export function limitConflicts(conflicts: readonly SeriesConflict[]): { listed: SeriesConflict[]; unlisted: UnlistedConflicts[] } {
  const listedPerPair = new Map<string, number>();
  const unlisted = new Map<string, UnlistedConflicts>();
  const listed: SeriesConflict[] = [];
  for (const conflict of conflicts) {
    const pair = `${conflict.first.file} ${conflict.second.file}`;
    const count = listedPerPair.get(pair) ?? 0;
    if (count < MAX_CELL_FINDINGS) {
      listedPerPair.set(pair, count + 1);
      listed.push(conflict);
      continue;
    }
    const group = unlisted.get(pair);
    if (group) group.count++;
    else unlisted.set(pair, { first: conflict, count: 1 });
  }
  return { listed, unlisted: [...unlisted.values()] };
}

/** One finding for the unlisted conflicts of a pair of files, at the later place of the first. */
export function unlistedConflictsDraft(context: IngestContext, group: UnlistedConflicts, lines: ReadonlyMap<string, number>): FindingDraft {
  const [first, second] = conflictPoints(group.first) as [WantedPoint, WantedPoint];
  const files = [...new Set([first.ref.file, second.ref.file])].map((file) => context.files[file]).join(' and ');
  return {
    code: 'metric-conflict',
    message: `${group.count} more ${group.count === 1 ? 'period has' : 'periods have'} two different values in ${files}; only the first ${MAX_CELL_FINDINGS} such conflicts are listed one by one, the rest are counted here`,
    hint: CONFLICT_HINT,
    at: { file: second.ref.file, line: lines.get(pointLineKey(second)) ?? 1, cell: context.valueCell(second.ref.file, group.first.kpi) },
  };
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
  const hint = CONFLICT_HINT;
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

export function finishSeries(context: IngestContext): { series: SeriesSet; conflicts: SeriesConflict[] } {
  const conflicted: [string, SeriesBuilder, PointConflict[]][] = [];
  for (const builder of context.series) {
    const found = builder.finish();
    if (found.length > 0) conflicted.push([seriesKey(builder.kpi, builder.scope), builder, found]);
  }
  // In key order, the series' order: limitConflicts lists the first ones of each pair of files.
  conflicted.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const conflicts = conflicted.flatMap(([, builder, found]) =>
    found.map((conflict): SeriesConflict => ({ ...conflict, kpi: builder.kpi, scope: builder.scope, granularity: builder.granularity })),
  );
  const find = (kpi: string, scope: string) => {
    const index = context.kpis.get(kpi)?.index;
    return index === undefined ? undefined : context.knownScope(scope)?.byKpi[index];
  };
  return { series: ingestedSeries(context.series, find, context.fiscalYearStart), conflicts };
}
