// A small static file server for a built site (`goalpost preview`): 127.0.0.1 only, serves
// under the site's base path, `index.html` for folders, the site's 404 page otherwise, and
// nothing outside the site folder. A request it cannot parse gets 400 (request-guard.ts), a
// file it opens is closed when the client goes away, it redirects only within the site, and it
// answers only requests addressed to localhost or 127.0.0.1.
import { createReadStream, promises as fs } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { pipeline } from 'node:stream';
import { answerBadRequest, answerFailure, requestUrl } from './request-guard.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
};

export interface PreviewServer {
  url: string;
  close(): Promise<void>;
}

async function fileAt(dir: string, urlPath: string): Promise<{ file: string; index: boolean } | null> {
  let relative: string;
  try {
    relative = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  const full = path.resolve(dir, `.${path.posix.normalize(`/${relative}`)}`);
  if (full !== dir && !full.startsWith(`${dir}${path.sep}`)) return null;
  for (const [file, index] of [[full, false], [path.join(full, 'index.html'), true]] as const) {
    try {
      if ((await fs.stat(file)).isFile()) return { file, index };
    } catch {
      // try the next candidate
    }
  }
  return null;
}

/** Whether a Host header names this machine's loopback (any port: an SSH tunnel changes it), or is absent (HTTP/1.0). */
function isLoopbackHost(host: string | undefined): boolean {
  if (host === undefined) return true;
  const name = host.replace(/:\d*$/, '').toLowerCase();
  return name === 'localhost' || name.endsWith('.localhost') || name === '127.0.0.1' || name === '[::1]';
}

export async function startPreview(options: { dir: string; base?: string; port?: number; host?: string }): Promise<PreviewServer> {
  const dir = path.resolve(options.dir);
  const base = options.base ?? '/';
  const serve = async (request: http.IncomingMessage, response: http.ServerResponse): Promise<void> => {
    const url = requestUrl(request);
    if (!url) {
      answerBadRequest(response);
      return;
    }
    if (!isLoopbackHost(request.headers.host)) {
      // A page elsewhere whose name an attacker points at 127.0.0.1 (DNS rebinding) would
      // otherwise read the site from the browser as its own.
      response.writeHead(403, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Forbidden: this server answers only to localhost and 127.0.0.1\n');
      return;
    }
    // `/.//kpis` parses to the path `//kpis`, and `Location: //kpis/` would send a browser to the
    // host `kpis`: runs of slashes are one slash here, so every redirect stays on this site.
    const pathname = url.pathname.replace(/\/{2,}/g, '/');
    if (!pathname.startsWith(base) && `${pathname}/` !== base) {
      response.writeHead(302, { Location: base }).end();
      return;
    }
    const inner = pathname.slice(base.length - 1);
    const found = await fileAt(dir, inner);
    if (found?.index && !pathname.endsWith('/')) {
      response.writeHead(301, { Location: `${pathname}/${url.search}` }).end();
      return;
    }
    const status = found ? 200 : 404;
    const file = found?.file ?? (await fileAt(dir, '/404.html'))?.file;
    if (!file) {
      response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found\n');
      return;
    }
    response.writeHead(status, { 'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-cache' });
    // pipeline, unlike pipe, closes the file when the client goes away mid-download: each
    // aborted download used to keep a descriptor open until the process ran out of them.
    pipeline(createReadStream(file), response, () => {});
  };
  const server = http.createServer((request, response) => {
    serve(request, response).catch(() => answerFailure(response));
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 4321, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${port}${base}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
