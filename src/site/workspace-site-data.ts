// The page data of a workspace on disk, for callers outside the CLI (astro.config.mjs, when
// working on the site's sources with the plain `astro` CLI).
import { nodeEffects, nodeFileSystem } from '../effects.ts';
import { runPipeline } from '../pipeline.ts';
import { siteDataOf } from './data/from-pipeline.ts';
import type { SiteData } from './data/types.ts';

export async function loadSiteData(root: string, asOf?: string): Promise<SiteData> {
  // The CLI's own today (the local date), so that `astro dev` and `goalpost build` agree near midnight.
  return siteDataOf(await runPipeline(nodeFileSystem, { root, today: nodeEffects().today, ...(asOf ? { asOf } : {}) }));
}
