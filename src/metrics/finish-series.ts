// Turns the builders of an ingestion into the final SeriesSet (in key order, so output is
// deterministic) and drafts a metric-conflict for every period given twice with different
// values: at the later place, with the first place as related. The first value read (files in
// sorted path order, then line order) is the one kept. Each builder is released as soon as its
// series exists, so the peak holds one series twice at most.
import type { FindingDraft } from './finding-drafts.ts';
import type { IngestContext } from './ingest-context.ts';
import { periodLabel } from './periods.ts';
import { createSeries } from './series.ts';
import type { PointConflict, SeriesBuilder } from './series-builder.ts';
import type { Series } from './types.ts';
import { seriesKey } from './types.ts';

/** A conflict is reported at both places (FORMAT.md), each pointing at the other. */
function conflictDrafts(context: IngestContext, builder: SeriesBuilder, conflict: PointConflict): FindingDraft[] {
  const period = periodLabel(builder.granularity, conflict.day, context.fiscalYearStart);
  const { first, second } = conflict;
  const firstAt = { ...first, cell: context.valueCell(first.file, builder.kpi) };
  const secondAt = { ...second, cell: context.valueCell(second.file, builder.kpi) };
  const what = `\`${builder.kpi}\` at ${builder.scope} for ${period}`;
  const hint = 'Keep one value per KPI, scope and period: correct or delete one of the two.';
  return [
    {
      code: 'metric-conflict',
      message: `${what} is ${conflict.secondValue} here but ${conflict.firstValue} in ${context.files[first.file]} line ${first.line}; the first value is kept`,
      hint,
      at: secondAt,
      related: [{ at: firstAt, message: `the first value, ${conflict.firstValue}` }],
    },
    {
      code: 'metric-conflict',
      message: `${what} is ${conflict.firstValue} here but ${conflict.secondValue} in ${context.files[second.file]} line ${second.line}; this first value is kept`,
      hint,
      at: firstAt,
      related: [{ at: secondAt, message: `the other value, ${conflict.secondValue}` }],
    },
  ];
}

export function finishSeries(context: IngestContext): { series: Map<string, Series>; drafts: FindingDraft[] } {
  const pending: [string, SeriesBuilder][] = [];
  for (const byKpi of context.builders.values()) {
    for (const builder of byKpi.values()) pending.push([seriesKey(builder.kpi, builder.scope), builder]);
  }
  // Descending, then popped: series come out in key order and each builder is dropped once done.
  pending.sort(([a], [b]) => (a < b ? 1 : a > b ? -1 : 0));
  context.builders.clear();
  const series = new Map<string, Series>();
  const drafts: FindingDraft[] = [];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const [key, builder] = next;
    const { days, values, conflicts } = builder.finish();
    series.set(key, createSeries(builder.kpi, builder.scope, builder.granularity, days, values, context.fiscalYearStart));
    for (const conflict of conflicts) drafts.push(...conflictDrafts(context, builder, conflict));
  }
  return { series, drafts };
}
