// The Astro integration that hands the page data to the pages without copying it anywhere. The
// data stays where `goalpost build` or `goalpost dev` computed it, in this process's memory,
// in a registry on globalThis; `virtual:goalpost/site-data` is a module of three lines that
// exports a live view of it (and `base`, the URL path the site lives under, ending in `/`).
// Astro renders pages in this process, both in the build (it imports its server bundle) and in
// dev (Vite's module runner), so the pages read the data at render, and the server bundle no
// longer holds it: inlined as one JSON string, it made bundling grow with the workspace.
// In dev, `update()` swaps the data behind the view: nothing is re-evaluated, the route cache
// (getStaticPaths) is cleared and open pages are told to reload.
import type { AstroIntegration } from 'astro';
import type { Plugin, ViteDevServer } from 'vite';
import type { SiteData } from './data/types.ts';
import { liveView } from './page-data.ts';

export const SITE_DATA_MODULE = 'virtual:goalpost/site-data';
const RESOLVED = `\0${SITE_DATA_MODULE}`;

/** Where the page data of every site being built or served in this process is found, by number. */
const REGISTRY = Symbol.for('goalpost.site-data');
type Registry = Map<number, { view: SiteData }>;

function registry(): Registry {
  const holder = globalThis as typeof globalThis & { [REGISTRY]?: Registry };
  return (holder[REGISTRY] ??= new Map());
}

let sources = 0;

export interface SiteDataSource {
  integration: AstroIntegration;
  /** The data the pages see now. */
  current(): SiteData;
  /** Replace the data (dev): the next request renders with it, open pages reload. */
  update(data: SiteData): void;
  /** Called once the dev server exists, to add watchers and middleware. */
  onServer(listener: (server: ViteDevServer) => void): void;
  /** Takes the data out of the registry, so that it can be collected. */
  release(): void;
}

/** The source of the virtual module: a live view taken from the registry, and the base path. */
export function siteDataModule(id: number, base: string): string {
  return [
    `const source = globalThis[Symbol.for('goalpost.site-data')]?.get(${id});`,
    "if (!source) throw new Error('The page data was not handed over: the site is built and served by goalpost build and goalpost dev, which compute it first.');",
    `export const base = ${JSON.stringify(base)};`,
    'export default source.view;',
    '',
  ].join('\n');
}

export function siteDataSource(initial: SiteData): SiteDataSource {
  const id = sources++;
  let data = initial;
  let server: ViteDevServer | null = null;
  let base = '/';
  const listeners: ((server: ViteDevServer) => void)[] = [];
  registry().set(id, { view: liveView(() => data) });
  const plugin: Plugin = {
    name: 'goalpost-site-data',
    resolveId(moduleId) {
      return moduleId === SITE_DATA_MODULE ? RESOLVED : undefined;
    },
    load(moduleId) {
      return moduleId === RESOLVED ? siteDataModule(id, base) : undefined;
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
    current: () => data,
    update(next) {
      data = next;
      if (!server) return;
      // Pages read the data through the view at render, but Astro keeps what getStaticPaths
      // returned (the props of every goal page) until told that content changed.
      for (const name of ['ssr', 'prerender']) server.environments[name]?.hot.send('astro:content-changed', {});
      server.environments.client.hot.send({ type: 'full-reload', path: '*' });
    },
    onServer(listener) {
      listeners.push(listener);
      if (server) listener(server);
    },
    release() {
      registry().delete(id);
    },
  };
}
