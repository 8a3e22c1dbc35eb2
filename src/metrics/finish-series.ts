// Turns the series an ingestion built into the final SeriesSet, in key order (so that output is
// deterministic whatever the row order), and drafts a metric-conflict finding for every period
// given twice with different values. The first value read (files in sorted path order, then
// line order) is the one kept; each conflict is reported at both places, each pointing at the
// other.
import type { FindingDraft } from './finding-drafts.ts';
import type { PointConflict, PointPlace } from './growing-series.ts';
import type { IngestContext } from './ingest-context.ts';
import { MAX_CELL_FINDINGS } from './metric-messages.ts';
import { periodLabel } from './periods.ts';
import type { Series, SeriesSet } from './types.ts';
import { seriesKey } from './types.ts';

const CONFLICT_HINT = 'Keep one value per KPI, scope and period: correct or delete one of the two.';

interface SeriesConflict extends PointConflict {
  series: Series;
}

export function finishSeries(context: IngestContext): { series: SeriesSet; drafts: FindingDraft[] } {
  const series = new Map<string, Series>();
  const conflicts: SeriesConflict[] = [];
  const computed: FindingDraft[] = [];
  const reported = new Set<string>();
  for (const built of context.seriesInKeyOrder()) {
    // A KPI computed from tickets is never read from a CSV: once per file and KPI, at its first value.
    if (context.kpis.get(built.kpi)?.computed) {
      const key = `${built.firstFile} ${built.kpi}`;
      if (!reported.has(key)) {
        reported.add(key);
        computed.push({
          code: 'kpi-computed',
          message: `\`${built.kpi}\` is computed from ticket exports (its KPI has a \`tickets\` block), so its values in this file are ignored`,
          hint: `Remove the \`${built.kpi}\` values from this file, or remove the KPI's \`tickets\` block to read them from CSVs instead.`,
          at: { file: built.firstFile, line: built.firstLine, cell: built.firstCell },
        });
      }
      continue;
    }
    for (const conflict of built.finish(context.files, context.fiscalYearStart)) conflicts.push({ ...conflict, series: built });
    series.set(seriesKey(built.kpi, built.scope), built);
  }
  return { series, drafts: [...computed, ...conflictDrafts(context, conflicts)] };
}

/**
 * Each conflict at both places, for the first MAX_CELL_FINDINGS of each pair of files (in series
 * order); the rest of a pair in one finding. A corrected export dropped beside the original
 * would otherwise make two findings for every value in it.
 */
function conflictDrafts(context: IngestContext, conflicts: readonly SeriesConflict[]): FindingDraft[] {
  const listedPerPair = new Map<string, number>();
  const unlisted = new Map<string, { first: SeriesConflict; count: number }>();
  const drafts: FindingDraft[] = [];
  for (const conflict of conflicts) {
    const pair = `${conflict.first.file} ${conflict.second.file}`;
    const listed = listedPerPair.get(pair) ?? 0;
    if (listed < MAX_CELL_FINDINGS) {
      listedPerPair.set(pair, listed + 1);
      drafts.push(...bothPlaces(context, conflict));
      continue;
    }
    const group = unlisted.get(pair);
    if (group) group.count++;
    else unlisted.set(pair, { first: conflict, count: 1 });
  }
  for (const { first, count } of unlisted.values()) {
    const files = [...new Set([first.first.file, first.second.file])].map((file) => context.files[file]).join(' and ');
    drafts.push({
      code: 'metric-conflict',
      message: `${count} more ${count === 1 ? 'period has' : 'periods have'} two different values in ${files}; only the first ${MAX_CELL_FINDINGS} such conflicts are listed one by one, the rest are counted here`,
      hint: CONFLICT_HINT,
      at: cellOf(context, first.second, first.series.kpi),
    });
  }
  return drafts;
}

function cellOf(context: IngestContext, place: PointPlace, kpi: string) {
  return { file: place.file, line: place.line, cell: context.valueCell(place.file, kpi) };
}

function bothPlaces(context: IngestContext, conflict: SeriesConflict): FindingDraft[] {
  const { kpi, scope, granularity } = conflict.series;
  const period = periodLabel(granularity, conflict.day, context.fiscalYearStart);
  const what = `\`${kpi}\` at ${scope} for ${period}`;
  const firstAt = cellOf(context, conflict.first, kpi);
  const secondAt = cellOf(context, conflict.second, kpi);
  const whereIs = (place: PointPlace) => `${context.files[place.file]} line ${place.line}`;
  return [
    {
      code: 'metric-conflict',
      message: `${what} is ${conflict.secondValue} here but ${conflict.firstValue} in ${whereIs(conflict.first)}; the first value is kept`,
      hint: CONFLICT_HINT,
      at: secondAt,
      related: [{ at: firstAt, message: `the first value, ${conflict.firstValue}` }],
    },
    {
      code: 'metric-conflict',
      message: `${what} is ${conflict.firstValue} here but ${conflict.secondValue} in ${whereIs(conflict.second)}; this first value is kept`,
      hint: CONFLICT_HINT,
      at: firstAt,
      related: [{ at: secondAt, message: `the other value, ${conflict.secondValue}` }],
    },
  ];
}
