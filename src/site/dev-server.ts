// `goalpost dev`'s engine: Astro's dev server on the package's site sources, with a watcher on
// <root>/strategy and <root>/data (new files included). Any change re-runs the pipeline,
// swaps the page data and reloads open pages; diagnostics with errors show on every page.
import path from 'node:path';
import type { SiteData } from './data/types.ts';

export interface DevServerOptions {
  /** The workspace folder. */
  root: string;
  base: string;
  port?: number;
  /** Runs the pipeline and returns the page data (called at start and after every change). */
  load(): Promise<SiteData>;
  /** Told about each rebuild, e.g. to print a line. */
  onReload?(data: SiteData, changed: string): void;
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
  let running = Promise.resolve();
  const reload = (changed: string) => {
    running = running.then(async () => {
      const data = await options.load();
      source.update(data);
      options.onReload?.(data, changed);
    });
  };
  source.onServer((server) => {
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
      await running;
      await server.stop();
    },
  };
}
