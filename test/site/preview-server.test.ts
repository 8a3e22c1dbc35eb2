// `goalpost preview`'s static server: folders serve their index.html (with the slash added),
// missing pages get the site's 404 page, the base path is honoured and nothing outside the
// site folder is ever served. Also what a hostile or careless client does: a request line that
// is no URL, hundreds of downloads cut off half way, and paths that look like another host.
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPreview, type PreviewServer } from '../../src/site/preview-server.ts';

let tmp: string;
let server: PreviewServer;
let atRoot: PreviewServer;

beforeAll(async () => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'goalpost-preview-'));
  const site = path.join(tmp, 'site');
  mkdirSync(path.join(site, 'goals', 'a'), { recursive: true });
  writeFileSync(path.join(site, 'index.html'), '<h1>home</h1>');
  writeFileSync(path.join(site, '404.html'), '<h1>not found</h1>');
  writeFileSync(path.join(site, 'goals', 'a', 'index.html'), '<h1>goal a</h1>');
  // Larger than what the sockets between client and server buffer, so that a download cut off
  // after its first bytes still has the file open on the server.
  writeFileSync(path.join(site, 'big.csv'), 'x'.repeat(8 * 1024 * 1024));
  writeFileSync(path.join(tmp, 'secret.txt'), 'secret');
  server = await startPreview({ dir: site, base: '/s/', port: 0 });
  atRoot = await startPreview({ dir: site, port: 0 });
});

afterAll(async () => {
  await server.close();
  await atRoot.close();
  rmSync(tmp, { recursive: true, force: true });
});

const get = (p: string) => fetch(new URL(p, server.url), { redirect: 'manual' });

describe('preview server', () => {
  it('listens on 127.0.0.1 under the base path', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/s\/$/);
    const home = await get('/s/');
    expect(home.status).toBe(200);
    expect(home.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await home.text()).toBe('<h1>home</h1>');
    expect((await get('/elsewhere')).headers.get('location')).toBe('/s/');
  });

  it('serves a folder\u2019s index.html, adding the trailing slash first', async () => {
    const bare = await get('/s/goals/a');
    expect(bare.status).toBe(301);
    expect(bare.headers.get('location')).toBe('/s/goals/a/');
    expect(await (await get('/s/goals/a/')).text()).toBe('<h1>goal a</h1>');
  });

  it('answers 404 with the site\u2019s page, and never serves files outside the site', async () => {
    const missing = await get('/s/goals/b/');
    expect(missing.status).toBe(404);
    expect(await missing.text()).toBe('<h1>not found</h1>');
    for (const attempt of ['/s/../secret.txt', '/s/%2e%2e/secret.txt', '/s/..%2fsecret.txt', '/s/%2e%2e%2fsecret.txt']) {
      const response = await get(attempt);
      expect(await response.text(), attempt).not.toBe('secret');
    }
  });
});

const portOf = (running: PreviewServer) => Number(new URL(running.url).port);

/** Sends `request` as it is over a socket and resolves with the head of the answer (status line and headers). */
function rawRequest(request: string, port = portOf(server)): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.write(request));
    let answer = '';
    socket.on('data', (chunk) => {
      answer += chunk.toString('latin1');
      if (answer.includes('\r\n\r\n')) socket.destroy();
    });
    socket.on('error', reject);
    socket.on('close', () => resolve(answer.split('\r\n\r\n')[0]!));
  });
}

const rawGet = (target: string, port?: number) => rawRequest(`GET ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`, port);

/** Starts downloading `target`, and cuts the connection once the first bytes of the answer arrive. */
function abortedDownload(target: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(portOf(server), '127.0.0.1', () => socket.write(`GET ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`));
    let first = '';
    socket.once('data', (chunk) => {
      first = chunk.toString('latin1', 0, 12);
      socket.destroy();
    });
    socket.on('error', reject);
    socket.on('close', () => resolve(first));
  });
}

const openDescriptors = () => readdirSync('/proc/self/fd').length;

describe('preview server against hostile clients', () => {
  it('answers 400 to a request line it cannot parse, and goes on serving', async () => {
    expect(await rawGet('http://[')).toMatch(/^HTTP\/1.1 400 Bad Request\r\n/);
    expect(await rawGet('http://a:b/')).toMatch(/^HTTP\/1.1 400 Bad Request\r\n/);
    const next = await get('/s/');
    expect(next.status).toBe(200);
    expect(await next.text()).toBe('<h1>home</h1>');
  });

  it.runIf(process.platform === 'linux')('closes the file of every download the client cut off', async () => {
    const before = openDescriptors();
    for (let i = 0; i < 300; i++) expect(await abortedDownload('/s/big.csv')).toBe('HTTP/1.1 200');
    // The server closes each file once it sees the connection gone, a few turns of the event loop
    // later; a leak keeps 300 open for good. So wait a bounded number of turns for the count.
    for (let turn = 0; turn < 200 && openDescriptors() > before; turn++) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(openDescriptors()).toBeLessThanOrEqual(before);
    expect((await get('/s/')).status).toBe(200);
  });

  it('answers only requests addressed to this machine by name or address, whatever the port', async () => {
    expect(await rawRequest('GET /s/ HTTP/1.1\r\nHost: evil.example\r\n\r\n')).toMatch(/^HTTP\/1.1 403 /);
    expect(await rawRequest('GET /s/ HTTP/1.1\r\nHost: 127.0.0.1.evil.example:4321\r\n\r\n')).toMatch(/^HTTP\/1.1 403 /);
    for (const host of ['localhost:9000', '127.0.0.1', 'LOCALHOST', 'app.localhost:1', '[::1]:4321']) {
      expect(await rawRequest(`GET /s/ HTTP/1.1\r\nHost: ${host}\r\n\r\n`), host).toMatch(/^HTTP\/1.1 200 /);
    }
  });

  it('never redirects to another host', async () => {
    // `/.//goals/a` is the path `//goals/a`: redirected as it is, a browser goes to the host `goals`.
    expect(await rawGet('/.//goals/a', portOf(atRoot))).toMatch(/^HTTP\/1.1 301 [^]*\r\nLocation: \/goals\/a\/$/im);
    for (const target of ['//goals/a', '/.//goals/a?x=1', '/\\goals/a', '/./\\/goals/a', '///goals//a', '//elsewhere.example/']) {
      for (const port of [portOf(atRoot), portOf(server)]) {
        const location = /\r\nLocation: (.*)/i.exec(await rawGet(target, port))?.[1];
        if (location !== undefined) expect(location, target).toMatch(/^\/(?![/\\])/);
      }
    }
  });
});
