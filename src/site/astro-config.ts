// The one Astro configuration of the review site, used by `goalpost build` and `goalpost dev`
// (inline, so no config file is read) and by astro.config.mjs (for working on the site itself
// with the plain `astro` CLI). The package folder is Astro's root (Astro names modules by their
// path under it); the workspace is elsewhere. `goalpost build` moves the caches out of the
// package (see build-site.ts), so that it writes nothing inside it.
import path from 'node:path';
import react from '@astrojs/react';
import type { AstroInlineConfig, AstroIntegration } from 'astro';
import { PACKAGE_ROOT } from './package-root.ts';

export interface SiteConfigOptions {
  /** Serves the page data (see site-data-plugin.ts). */
  data: AstroIntegration;
  /** Where Astro and Vite keep their caches, in place of the package's node_modules. */
  cacheDir?: string;
  outDir?: string;
  /** URL path the site is served under, e.g. `/strategy/`; default `/`. */
  base?: string;
  logLevel?: AstroInlineConfig['logLevel'];
}

/**
 * Islands are imported as `@goalpost-site/islands/X.tsx`. Astro names an island after the path
 * its component was imported by, and a relative import becomes the absolute path of the
 * install, which then changed every chart page from one install folder to another. A bare name
 * stays as written.
 */
const ISLANDS_ALIAS = { find: /^@goalpost-site\/islands\//, replacement: `${path.join(PACKAGE_ROOT, 'src', 'site', 'islands').split(path.sep).join('/')}/` };

export function siteAstroConfig(options: SiteConfigOptions): AstroInlineConfig {
  return {
    configFile: false,
    root: PACKAGE_ROOT,
    ...(options.cacheDir ? { cacheDir: path.join(options.cacheDir, 'astro') } : {}),
    srcDir: path.join(PACKAGE_ROOT, 'src', 'site'),
    publicDir: path.join(PACKAGE_ROOT, 'public'),
    ...(options.outDir ? { outDir: options.outDir } : {}),
    base: options.base ?? '/',
    trailingSlash: 'ignore',
    output: 'static',
    build: { format: 'directory', inlineStylesheets: 'never' },
    compressHTML: true,
    devToolbar: { enabled: false },
    prefetch: false,
    integrations: [react(), options.data],
    logLevel: options.logLevel ?? 'warn',
    vite: { resolve: { alias: [ISLANDS_ALIAS] }, logLevel: 'warn', clearScreen: false, ...(options.cacheDir ? { cacheDir: path.join(options.cacheDir, 'vite') } : {}) },
  };
}
