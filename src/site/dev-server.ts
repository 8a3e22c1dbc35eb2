// `goalpost dev`'s engine: Astro's dev server on the package's site sources, with a watcher on
// <root>/strategy and <root>/data (new files included). Any change re-runs the pipeline,
// swaps the page data and reloads open pages; diagnostics with errors show on every page.
// Nothing a request or a change on disk brings ends the server: a request it cannot parse gets
// 400 (request-guard.ts), and a rebuild that fails is reported and keeps the last good data.
import path from 'node:path';
import type { SiteData } from './data/types.ts';
import { reloadQueue } from './reload-queue.ts';
import { guardRequests } from './request-guard.ts';

export interface DevServerOptions {
  /** The workspace folder. */
  root: string;
  base: string;
  port?: number;
  /** Runs the pipeline and returns the page data (called at start and after every change). */
  load(): Promise<SiteData>;
  /** Told about each rebuild, e.g. to print a line. */
  onReload?(data: SiteData, changed: string): void;
  /** Told when a rebuild fails (the pages keep the last good data); by default a line on stderr. */
  onReloadError?(error: unknown, changed: string): void;
}

function reportReloadError(error: unknown, changed: string): void {
  const cause = error instanceof Error ? error.message : String(error);
  process.stderr.write(`goalpost: the rebuild after a change to ${changed} failed (${cause.split('\n')[0]}); the pages keep the last good data.\n`);
}

export interface RunningDevServer {
  url: string;
  stop(): Promise<void>;
}

export async function startDevServer(options: DevServerOptions): Promise<RunningDevServer> {
  process.env.ASTRO_TELEMETRY_DISABLED = '1';
  process.env.ASTRO_DISABLE_UPDATE_CHECK = 'true';
  if (!process.env.NODE_ENV) process.env.NODE_ENV = 'development';
  const { dev } = await import('astro');
  const { siteAstroConfig } = await import('./astro-config.ts');
  const { siteDataSource } = await import('./site-data-plugin.ts');

  const source = siteDataSource(await options.load());
  const watched = ['strategy', 'data'].map((dir) => path.join(path.resolve(options.root), dir));
  let timer: NodeJS.Timeout | undefined;
  const rebuilds = reloadQueue({
    load: options.load,
    apply: (data: SiteData, changed) => {
      source.update(data);
      options.onReload?.(data, changed);
    },
    onError: options.onReloadError ?? reportReloadError,
  });
  const reload = (changed: string) => rebuilds.reload(changed);
  source.onServer((server) => {
    // Vite's router throws on a request target that is no URL, which ended the process.
    if (server.httpServer) guardRequests(server.httpServer);
    server.watcher.add(watched);
    const onEvent = (file: string) => {
      if (!watched.some((dir) => file === dir || file.startsWith(`${dir}${path.sep}`))) return;
      if (!/\.(ya?ml|csv)$/i.test(file) && file !== watched[1]) return;
      clearTimeout(timer);
      timer = setTimeout(() => reload(path.relative(options.root, file)), 120);
    };
    for (const event of ['add', 'change', 'unlink']) server.watcher.on(event, onEvent);
  });
  const config = siteAstroConfig({ data: source.integration, base: options.base, logLevel: 'warn' });
  const server = await dev({ ...config, server: { host: '127.0.0.1', port: options.port ?? 4321 } });
  return {
    url: `http://127.0.0.1:${server.address.port}${options.base}`,
    async stop() {
      clearTimeout(timer);
      await rebuilds.idle();
      await server.stop();
    },
  };
}
