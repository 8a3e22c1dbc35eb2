// The page data of a workspace on disk, for callers outside the CLI (astro.config.mjs, when
// working on the site's sources with the plain `astro` CLI).
import { nodeFileSystem } from '../effects.ts';
import { runPipeline } from '../pipeline.ts';
import { siteDataOf } from './data/from-pipeline.ts';
import type { SiteData } from './data/types.ts';

export async function loadSiteData(root: string, asOf?: string): Promise<SiteData> {
  const today = new Date().toISOString().slice(0, 10);
  return siteDataOf(await runPipeline(nodeFileSystem, { root, today: () => today, ...(asOf ? { asOf } : {}) }));
}
