// `goalpost dev`'s engine: Astro's dev server on the package's site sources, with a watcher on
// <root>/strategy and <root>/data (new files included). A change rebuilds the page data (the
// caller's `load` reads again only what changed), swaps it behind the pages (no module is
// re-evaluated: see site-data-plugin.ts) and reloads open pages; diagnostics with errors show
// on every page. A page or CSV requested while a rebuild is waiting or running is answered
// once it is done, with the new data (reload-queue.ts). The CSV downloads, which `goalpost
// build` writes as files, are answered here from the same tables.
// Nothing a request or a change on disk brings ends the server: a request it cannot parse gets
// 400 (request-guard.ts), and a rebuild that fails is reported and keeps the last good data.
import { statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import path from 'node:path';
import { csvDownloads } from './data/csv.ts';
import type { PageSection } from './data/site-data.ts';
import type { SiteData, TableData } from './data/types.ts';
import { tablesOfPage, tablesOutsidePages } from './page-data.ts';
import { reloadQueue } from './reload-queue.ts';
import { answerBadRequest, answerFailure, guardRequests, requestUrl } from './request-guard.ts';
import { idSegment } from './site-paths.ts';

/** How soon after a rebuild its files are looked at again for a write the watcher dropped. */
const RECHECK_MS = 100;

export interface DevServerOptions {
  /** The workspace folder. */
  root: string;
  base: string;
  port?: number;
  /** Fail when the port is taken, instead of listening on the next free one (for a --port asked for). */
  strictPort?: boolean;
  /** Computes the page data: at start with no file, then after changes, with the files changed (relative to the root). */
  load(changed: readonly string[]): Promise<SiteData>;
  /** Told about each rebuild, e.g. to print a line. */
  onReload?(data: SiteData, changed: readonly string[]): void;
  /** Told when a rebuild fails (the pages keep the last good data); by default a line on stderr. */
  onReloadError?(error: unknown, changed: readonly string[]): void;
}

function reportReloadError(error: unknown, changed: readonly string[]): void {
  const cause = error instanceof Error ? error.message : String(error);
  process.stderr.write(`goalpost: the rebuild after a change to ${changed.join(', ')} failed (${cause.split('\n')[0]}); the pages keep the last good data.\n`);
}

export interface RunningDevServer {
  url: string;
  /** The port it listens on: the one asked for, or the next free one when that was taken. */
  port: number;
  stop(): Promise<void>;
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

/** Requests whose answer comes from the page data: pages (no extension, or .html) and CSV downloads. Vite's own modules and assets do not wait. */
function readsPageData(pathname: string): boolean {
  if (pathname.startsWith('/@') || pathname.startsWith('/node_modules/') || pathname.startsWith('/__')) return false;
  const name = pathname.slice(pathname.lastIndexOf('/') + 1);
  return !name.includes('.') || /\.(html|csv)$/i.test(name);
}

const PAGE_SECTIONS: readonly string[] = ['goals', 'objectives', 'kpis'] satisfies PageSection[];

/** The tables that may hold the download at `file`: those of the one page it names (csv/goals/<id>/...), else those outside the lists of pages. */
function tablesFor(data: SiteData, file: string): TableData[] {
  const [, section, segment] = file.split('/');
  if (section !== undefined && PAGE_SECTIONS.includes(section)) {
    const page = (data[section as PageSection] as { id: string }[]).find((candidate) => idSegment(candidate.id) === segment);
    return page ? tablesOfPage(section as PageSection, page) : [];
  }
  return tablesOutsidePages(data);
}

/**
 * The CSV download at `file` (under the site's root), or null when no table has that file. A
 * page's tables all lie under its own path (test/site/page-data.test.ts holds them to it), so a
 * download that is not there is looked for nowhere else: on a large workspace, searching every
 * table made every page for each address that has no file.
 */
function csvAt(data: SiteData, file: string): string | null {
  for (const download of csvDownloads(tablesFor(data, file))) if (download.file === file) return download.text;
  return null;
}

export async function startDevServer(options: DevServerOptions): Promise<RunningDevServer> {
  process.env.ASTRO_TELEMETRY_DISABLED = '1';
  process.env.ASTRO_DISABLE_UPDATE_CHECK = 'true';
  // Astro's dev server takes any other NODE_ENV (`test`, `production` left in a shell) as a
  // reason to keep what getStaticPaths returned: the pages would show the first data forever.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'development';
  const { dev } = await import('astro');
  const { siteAstroConfig } = await import('./astro-config.ts');
  const { siteDataSource } = await import('./site-data-plugin.ts');

  const source = siteDataSource(await options.load([]));
  const root = path.resolve(options.root);
  const watched = ['strategy', 'data'].map((dir) => path.join(root, dir));
  // The watcher can drop a write that lands while a rebuild reads the files (a second save a few
  // milliseconds after the first gave no event, and the page kept the first): each rebuilt file's
  // size and time are noted as its rebuild starts and looked at again shortly after it ends, and
  // a file that changed meanwhile is rebuilt again.
  const stamps = new Map<string, string>();
  const stampOf = (file: string) => {
    try {
      const stat = statSync(path.join(root, file));
      return `${stat.mtimeMs}:${stat.size}`;
    } catch {
      return 'missing';
    }
  };
  const recheck = (changed: readonly string[]) => {
    const timer = setTimeout(() => {
      for (const file of changed) if (stamps.get(file) !== stampOf(file)) rebuilds.changed(file);
    }, RECHECK_MS);
    timer.unref();
  };
  const rebuilds = reloadQueue({
    load: (changed) => {
      for (const file of changed) stamps.set(file, stampOf(file));
      return options.load(changed);
    },
    apply: (data: SiteData, changed) => {
      source.update(data);
      options.onReload?.(data, changed);
      recheck(changed);
    },
    onError: (error, changed) => {
      (options.onReloadError ?? reportReloadError)(error, changed);
      recheck(changed);
    },
  });
  source.onServer((server) => {
    // Vite's router throws on a request target that is no URL, which ended the process.
    if (server.httpServer) guardRequests(server.httpServer);
    server.middlewares.use((request: IncomingMessage, _response: ServerResponse, next: (error?: unknown) => void) => {
      const url = requestUrl(request);
      if (!url || !readsPageData(url.pathname) || !rebuilds.busy()) return next();
      void rebuilds.settled().then(() => next());
    });
    server.middlewares.use((request: IncomingMessage, response: ServerResponse, next: (error?: unknown) => void) => {
      const url = requestUrl(request);
      const base = server.config.base;
      if (!url || (request.method !== 'GET' && request.method !== 'HEAD') || !url.pathname.startsWith(`${base}csv/`) || !url.pathname.endsWith('.csv')) return next();
      let file: string;
      try {
        file = decodeURIComponent(url.pathname.slice(base.length));
      } catch {
        return answerBadRequest(response);
      }
      try {
        const text = csvAt(source.current(), file);
        if (text === null) return next();
        response.writeHead(200, { 'Content-Type': 'text/csv; charset=utf-8', 'Cache-Control': 'no-store' });
        response.end(request.method === 'HEAD' ? undefined : text);
      } catch {
        answerFailure(response);
      }
    });
    server.watcher.add(watched);
    const onEvent = (file: string) => {
      if (!watched.some((dir) => file === dir || file.startsWith(`${dir}${path.sep}`))) return;
      if (!/\.(ya?ml|csv)$/i.test(file) && !watched.includes(file)) return;
      rebuilds.changed(path.relative(root, file).split(path.sep).join('/'));
    };
    for (const event of ['add', 'change', 'unlink', 'addDir', 'unlinkDir']) server.watcher.on(event, onEvent);
  });
  const config = siteAstroConfig({ data: source.integration, base: options.base, logLevel: 'warn' });
  // Checked before Astro starts: when Vite finds the port taken, Astro has already set up what
  // keeps the process alive, and the command would hang after its error.
  if (options.strictPort && !(await portIsFree(options.port ?? 4321))) {
    source.release();
    throw new Error(`port ${options.port ?? 4321} is already in use`);
  }
  const server = await dev({ ...config, server: { host: '127.0.0.1', port: options.port ?? 4321 }, vite: { ...config.vite, server: { strictPort: options.strictPort ?? false } } });
  return {
    url: `http://127.0.0.1:${server.address.port}${options.base}`,
    port: server.address.port,
    async stop() {
      await rebuilds.stop();
      await server.stop();
      source.release();
      if (nodeEnv === undefined) delete process.env.NODE_ENV;
      else process.env.NODE_ENV = nodeEnv;
    },
  };
}
