// The bridge from the pipeline to the pages: a PipelineResult in, the SiteData out. Progress at
// other dates (quarter ends) comes from the same engine the `status` command uses.
import { computeProgress } from '../../compute/index.ts';
import type { PipelineResult } from '../../pipeline.ts';
import { buildSiteData, emptySiteData, type PageList } from './site-data.ts';
import type { SiteData } from './types.ts';

/** `pages`: how the lists of goal, objective and KPI pages are made (buildSiteData). */
export function siteDataOf(result: Pick<PipelineResult, 'model' | 'series' | 'progress' | 'asOf' | 'diagnostics' | 'tickets'>, pages?: PageList): SiteData {
  const { model, series, asOf, diagnostics } = result;
  if (!model) return emptySiteData(asOf, diagnostics);
  return buildSiteData({
    model,
    series,
    tickets: result.tickets,
    asOf,
    diagnostics,
    progress: result.progress ?? computeProgress(model, series, asOf),
    progressAt: (date) => computeProgress(model, series, date),
  }, pages);
}
