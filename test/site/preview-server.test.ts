// `goalpost preview`'s static server: folders serve their index.html (with the slash added),
// missing pages get the site's 404 page, the base path is honoured and nothing outside the
// site folder is ever served.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPreview, type PreviewServer } from '../../src/site/preview-server.ts';

let tmp: string;
let server: PreviewServer;

beforeAll(async () => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'goalpost-preview-'));
  const site = path.join(tmp, 'site');
  mkdirSync(path.join(site, 'goals', 'a'), { recursive: true });
  writeFileSync(path.join(site, 'index.html'), '<h1>home</h1>');
  writeFileSync(path.join(site, '404.html'), '<h1>not found</h1>');
  writeFileSync(path.join(site, 'goals', 'a', 'index.html'), '<h1>goal a</h1>');
  writeFileSync(path.join(tmp, 'secret.txt'), 'secret');
  server = await startPreview({ dir: site, base: '/s/', port: 0 });
});

afterAll(async () => {
  await server.close();
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
