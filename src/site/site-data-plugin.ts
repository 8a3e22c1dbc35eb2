// The Astro integration that hands the precomputed page data to the pages: a Vite plugin serves
// `virtual:goalpost/site-data` as a JSON module (plus `base`, the URL path the site lives
// under, always ending in `/`). Pages import it and never parse YAML or CSV.
// In dev, `update()` swaps the data, invalidates the module and asks the browser to reload.
import type { AstroIntegration } from 'astro';
import type { ModuleNode, Plugin, ViteDevServer } from 'vite';
import type { SiteData } from './data/types.ts';

export const SITE_DATA_MODULE = 'virtual:goalpost/site-data';
const RESOLVED = `\0${SITE_DATA_MODULE}`;

export interface SiteDataSource {
  integration: AstroIntegration;
  /** Replace the data (dev): the next request renders with it, open pages reload. */
  update(data: SiteData): void;
  /** Called once the dev server exists, to add watchers. */
  onServer(listener: (server: ViteDevServer) => void): void;
}

export function siteDataSource(initial: SiteData): SiteDataSource {
  let data = initial;
  let server: ViteDevServer | null = null;
  let base = '/';
  const listeners: ((server: ViteDevServer) => void)[] = [];
  const plugin: Plugin = {
    name: 'goalpost-site-data',
    resolveId(id) {
      return id === SITE_DATA_MODULE ? RESOLVED : undefined;
    },
    load(id) {
      if (id !== RESOLVED) return undefined;
      return `export const base = ${JSON.stringify(base)};\nexport default JSON.parse(${JSON.stringify(JSON.stringify(data))});\n`;
    },
    configureServer(devServer) {
      server = devServer;
      for (const listener of listeners) listener(devServer);
    },
  };
  return {
    integration: {
      name: 'goalpost-site-data',
      hooks: {
        'astro:config:setup': ({ updateConfig }) => {
          updateConfig({ vite: { plugins: [plugin] } });
        },
        'astro:config:done': ({ config }) => {
          base = config.base.endsWith('/') ? config.base : `${config.base}/`;
        },
      },
    },
    update(next) {
      data = next;
      if (!server) return;
      // The pages that imported the data hold it in their evaluated module: invalidate them too.
      const seen = new Set<ModuleNode>();
      const invalidate = (module: ModuleNode | undefined) => {
        if (!module || seen.has(module)) return;
        seen.add(module);
        server!.moduleGraph.invalidateModule(module);
        for (const importer of module.importers) invalidate(importer);
      };
      invalidate(server.moduleGraph.getModuleById(RESOLVED));
      server.ws.send({ type: 'full-reload', path: '*' });
    },
    onServer(listener) {
      listeners.push(listener);
      if (server) listener(server);
    },
  };
}
