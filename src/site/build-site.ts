// `goalpost build`'s engine: runs Astro's programmatic build on the package's own site sources
// with the page data injected, then moves the result into place whole. Astro builds inside the
// package (its server chunks must resolve the package's dependencies, and Astro only keeps them
// out of the output when the output folder is under the working directory), the result is
// copied to a temporary folder beside the target, and the two are swapped by renames: a failed
// build leaves the last good site untouched.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { SiteData } from './data/types.ts';
import { PACKAGE_ROOT } from './package-root.ts';

export interface BuildSiteOptions {
  /** Absolute path of the folder the site ends up in. */
  outDir: string;
  /** URL path the site is served under (`/` or `/strategy/`). */
  base: string;
  /** Origin of the site when --base was a full URL. */
  site?: string;
  data: SiteData;
}

export interface BuildSiteResult {
  outDir: string;
  pages: number;
  files: number;
}

let builds = 0;

async function countFiles(dir: string): Promise<{ pages: number; files: number }> {
  let pages = 0;
  let files = 0;
  for (const entry of await fs.readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    files++;
    if (entry.name.endsWith('.html')) pages++;
  }
  return { pages, files };
}

/** Renames `staging` to `target`, keeping the old `target` until the new one is in place. */
async function swapInto(staging: string, target: string): Promise<void> {
  const old = `${staging}-old`;
  await fs.rm(old, { recursive: true, force: true });
  let moved = false;
  try {
    await fs.rename(target, old);
    moved = true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  try {
    await fs.rename(staging, target);
  } catch (error) {
    if (moved) await fs.rename(old, target);
    throw error;
  }
  if (moved) await fs.rm(old, { recursive: true, force: true });
}

export async function buildSite(options: BuildSiteOptions): Promise<BuildSiteResult> {
  process.env.ASTRO_TELEMETRY_DISABLED = '1';
  if (!process.env.NODE_ENV) process.env.NODE_ENV = 'production';
  const { build } = await import('astro');
  const { siteAstroConfig } = await import('./astro-config.ts');
  const { siteDataSource } = await import('./site-data-plugin.ts');

  const work = path.join(PACKAGE_ROOT, 'node_modules', '.goalpost-build', `${process.pid}-${builds++}`);
  const parent = path.dirname(options.outDir);
  const staging = path.join(parent, `.goalpost-tmp-${path.basename(options.outDir)}-${process.pid}`);
  await fs.rm(work, { recursive: true, force: true });
  const cwd = process.cwd();
  try {
    process.chdir(PACKAGE_ROOT);
    try {
      const config = siteAstroConfig({ data: siteDataSource(options.data).integration, outDir: work, base: options.base, logLevel: 'error' });
      await build(options.site ? { ...config, site: options.site } : config);
    } finally {
      process.chdir(cwd);
    }
    await fs.mkdir(parent, { recursive: true });
    await fs.rm(staging, { recursive: true, force: true });
    await fs.cp(work, staging, { recursive: true });
    await swapInto(staging, options.outDir);
  } finally {
    await fs.rm(work, { recursive: true, force: true });
    await fs.rm(staging, { recursive: true, force: true });
  }
  return { outDir: options.outDir, ...(await countFiles(options.outDir)) };
}
