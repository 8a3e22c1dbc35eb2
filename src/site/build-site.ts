// `goalpost build`'s engine: runs Astro's programmatic build on the package's own site sources
// with the page data handed over in memory (site-data-plugin.ts), made a page at a time as
// Astro renders (page-data.ts), straight into a work folder beside the output; writes the CSV
// downloads (no Astro routes: each page's tables are written once, when the page is made, and
// the other pages' after the render), then renames the folder into place: a failed build leaves
// the last good site untouched, and nothing is written inside the package, so a global
// read-only install builds too.
//
// The work folder `.goalpost-tmp-<out>-<pid>-<n>` beside the output holds:
//   site/          Astro's outDir, renamed to the output at the end, with a .goalpost-site marker
//   downloads/csv/ the CSV downloads, moved into site/ after Astro's build (which empties site/
//                  when it starts)
//   node_modules   a link to the package's dependencies: Astro writes its server chunks under
//                  the working directory (else into <cwd>/.astro/) and imports them, so react
//                  and astro must resolve from there
//   cache/         Astro's and Vite's caches (by default inside the package's node_modules)
//   previous/      the old site, for the moment between the two renames
// A build killed on the way leaves its work folder; the next build into the same parent
// folder removes it (and puts back a previous site that was already moved aside).
import path from 'node:path';
import { csvDownloads } from './data/csv.ts';
import type { PageList } from './data/site-data.ts';
import type { SiteData } from './data/types.ts';
import { csvWriter } from './csv-writer.ts';
import { dependenciesFolder } from './package-root.ts';
import { pagesOnDemand, tablesOfPage, tablesOutsidePages } from './page-data.ts';
import type { SiteBuildEffects } from './site-build-effects.ts';
import { markerText, SITE_MARKER } from './site-marker.ts';

export interface BuildSiteOptions {
  /** Absolute path of the folder the site ends up in. */
  outDir: string;
  /** URL path the site is served under (`/` or `/strategy/`). */
  base: string;
  /** Origin of the site when --base was a full URL. */
  site?: string;
  /** The page data, its lists of pages made by `pages` (siteDataOf's second argument). */
  data(pages: PageList): SiteData;
}

export interface BuildSiteResult {
  outDir: string;
  pages: number;
  files: number;
}

/** The file that marks a folder as a site Goalpost built, and so one it may replace. */

const WORK_PREFIX = '.goalpost-tmp-';
/** `.goalpost-tmp-<out name>-<pid>-<n>`. */
const WORK_NAME = /^\.goalpost-tmp-(.+)-(\d+)-(\d+)$/;

/** The output folder is there and is not a site Goalpost built. */
export class NotASiteError extends Error {
  readonly folder: string;

  constructor(folder: string) {
    super(`${folder} is not a site Goalpost built (it has no ${SITE_MARKER} file), so it was not replaced; choose a new or empty folder`);
    this.folder = folder;
    this.name = 'NotASiteError';
  }
}

let builds = 0;

/** `sync: false` is an option Astro's build reads but its public type leaves out. */
const WITHOUT_TYPE_GENERATION: NonNullable<Parameters<typeof import('astro').build>[1]> & { sync: boolean } = { sync: false };

/**
 * Throws NotASiteError unless `outDir` is missing, empty, or holds the marker of a Goalpost
 * site: replacing a folder deletes it whole, so nothing Goalpost did not write is replaced.
 */
export async function checkReplaceable(outDir: string, effects: SiteBuildEffects): Promise<void> {
  let entries: string[];
  try {
    entries = await effects.readdir(outDir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  if (entries.length > 0 && !entries.includes(SITE_MARKER)) throw new NotASiteError(outDir);
}

/**
 * Removes the work folders in `parent` whose build process is gone (killed, or the machine
 * restarted). If one had already moved its site aside, that site goes back into place first.
 */
export async function removeStaleWork(parent: string, effects: SiteBuildEffects): Promise<string[]> {
  let names: string[];
  try {
    names = await effects.readdir(parent);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const removed: string[] = [];
  for (const name of names.sort()) {
    const match = WORK_NAME.exec(name);
    if (!match || effects.isRunning(Number(match[2]))) continue;
    const work = path.join(parent, name);
    const previous = path.join(work, 'previous');
    const target = path.join(parent, match[1]!);
    if ((await effects.isDirectory(previous)) && (await effects.isDirectory(target)) === null) await effects.rename(previous, target);
    await effects.remove(work);
    removed.push(work);
  }
  return removed;
}

async function countFiles(dir: string, effects: SiteBuildEffects): Promise<{ pages: number; files: number }> {
  let pages = 0;
  let files = 0;
  for (const name of await effects.readdir(dir)) {
    const full = path.join(dir, name);
    if (await effects.isDirectory(full)) {
      const inner = await countFiles(full, effects);
      pages += inner.pages;
      files += inner.files;
    } else {
      files++;
      if (name.endsWith('.html')) pages++;
    }
  }
  return { pages, files };
}

/** Renames `built` to `target`, keeping the old `target` in `aside` until the new one is in place. */
async function moveIntoPlace(built: string, target: string, aside: string, effects: SiteBuildEffects): Promise<void> {
  await checkReplaceable(target, effects);
  const hadTarget = (await effects.isDirectory(target)) !== null;
  if (hadTarget) await effects.rename(target, aside);
  try {
    await effects.rename(built, target);
  } catch (error) {
    if (hadTarget) await effects.rename(aside, target);
    throw error;
  }
}

export async function buildSite(options: BuildSiteOptions, effects: SiteBuildEffects): Promise<BuildSiteResult> {
  const parent = path.dirname(options.outDir);
  await effects.mkdir(parent);
  await removeStaleWork(parent, effects);
  await checkReplaceable(options.outDir, effects);

  effects.env.ASTRO_TELEMETRY_DISABLED = '1';
  if (!effects.env.NODE_ENV) effects.env.NODE_ENV = 'production';
  const { build } = await import('astro');
  const { siteAstroConfig } = await import('./astro-config.ts');
  const { siteDataSource } = await import('./site-data-plugin.ts');

  const work = path.join(parent, `${WORK_PREFIX}${path.basename(options.outDir)}-${effects.pid}-${builds++}`);
  const built = path.join(work, 'site');
  const downloads = path.join(work, 'downloads');
  const writer = csvWriter(downloads, effects);
  try {
    await effects.remove(work);
    await effects.mkdir(work);
    await effects.linkFolder(dependenciesFolder(), path.join(work, 'node_modules'));
    // Shared by every page, so that two tables downloaded as one file are an error wherever they are.
    const files = new Map<string, string>();
    const pages = pagesOnDemand((section, page) => writer.add(csvDownloads(tablesOfPage(section, page), files)));
    const data = options.data(pages.list);
    const source = siteDataSource(data);
    const config = siteAstroConfig({ data: source.integration, cacheDir: path.join(work, 'cache'), outDir: built, base: options.base, logLevel: 'error' });
    try {
      // No type generation (`sync`): the site has no content collections, and it would write
      // .astro/ into the package.
      await effects.inDirectory(work, () => build(options.site ? { ...config, site: options.site } : config, WITHOUT_TYPE_GENERATION));
      pages.makeRest();
    } finally {
      source.release();
    }
    writer.add(csvDownloads(tablesOutsidePages(data), files));
    if ((await writer.done()) > 0) await effects.rename(path.join(downloads, 'csv'), path.join(built, 'csv'));
    await effects.writeFile(path.join(built, SITE_MARKER), markerText(options.base));
    const counts = await countFiles(built, effects);
    await moveIntoPlace(built, options.outDir, path.join(work, 'previous'), effects);
    return { outDir: options.outDir, ...counts };
  } finally {
    // After a failure, the files being written must land before their folder goes.
    await writer.done().catch(() => undefined);
    await effects.remove(work);
  }
}
