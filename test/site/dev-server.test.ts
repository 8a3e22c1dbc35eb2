// goalpost dev's server with its page data in the test's hand: pages and CSV downloads come from
// the data it was given; a change on disk rebuilds it; a page requested while that rebuild runs
// is answered once the rebuild is done, with the new data (never the old).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tableToCsv } from '../../src/site/data/csv.ts';
import { siteDataOf } from '../../src/site/data/from-pipeline.ts';
import type { SiteData } from '../../src/site/data/types.ts';
import { startDevServer, type RunningDevServer } from '../../src/site/dev-server.ts';
import { pagesOnDemand } from '../../src/site/page-data.ts';
import { fixtureFiles, fixturePipeline } from './fixture.ts';

const TITLE = 'title: Cy answers within 4.5 h';

async function siteWithTitle(title: string): Promise<SiteData> {
  const files = fixtureFiles();
  files['strategy/goals.yaml'] = files['strategy/goals.yaml']!.replace(TITLE, `title: ${title}`);
  return siteDataOf(await fixturePipeline(files, '2026-06-30'), pagesOnDemand().list);
}

let root: string;
let server: RunningDevServer;
/** Each call of the server's load, with the files it was told changed and what settles it. */
const loads: { changed: readonly string[]; resolve(data: SiteData): void }[] = [];
let loadCalled: () => void = () => {};

beforeAll(async () => {
  root = mkdtempSync(path.join(os.tmpdir(), 'goalpost-dev-server-'));
  mkdirSync(path.join(root, 'strategy'));
  mkdirSync(path.join(root, 'data'));
  const first = await siteWithTitle('Cy answers within 4.5 h');
  // Astro leaves out its dev server's page handler when it sees VITEST (for Vitest's browser
  // mode); this test runs a real dev server in Node, as `goalpost dev` does.
  const vitest = process.env.VITEST;
  delete process.env.VITEST;
  server = await startDevServer({
    root,
    base: '/',
    port: 0,
    load: (changed) => {
      if (changed.length === 0) return Promise.resolve(first);
      return new Promise((resolve) => {
        loads.push({ changed, resolve });
        loadCalled();
      });
    },
    onReload: () => {},
  }).finally(() => {
    process.env.VITEST = vitest;
  });
}, 60_000);

afterAll(async () => {
  for (const load of loads.splice(0)) load.resolve(await siteWithTitle('unused'));
  await server?.stop();
  rmSync(root, { recursive: true, force: true });
});

describe('goalpost dev server', () => {
  it('serves the pages and the CSV downloads from its data', async () => {
    const page = await fetch(`${server.url}goals/frt-cy/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Cy answers within 4.5 h');
    const site = await siteWithTitle('Cy answers within 4.5 h');
    const csv = await fetch(`${server.url}csv/goals/frt-cy/points.csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    // As bytes: text() would drop the byte order mark.
    expect(Buffer.from(await csv.arrayBuffer()).toString('utf8')).toBe(tableToCsv(site.goals.find((goal) => goal.id === 'frt-cy')!.points));
    expect((await fetch(`${server.url}csv/goals/frt-cy/nothing.csv`)).status).toBe(404);
  }, 60_000);

  it('answers a page requested during a rebuild with the data of that rebuild', async () => {
    const called = new Promise<void>((resolve) => (loadCalled = resolve));
    writeFileSync(path.join(root, 'strategy', 'goals.yaml'), 'kind: Goal\n');
    await called;
    expect(loads[0]!.changed).toEqual(['strategy/goals.yaml']);

    let answered = false;
    const during = fetch(`${server.url}goals/frt-cy/`).then(async (response) => {
      answered = true;
      return response.text();
    });
    // The request has reached the server and waits: nothing comes back while the rebuild runs.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(answered).toBe(false);
    loads.shift()!.resolve(await siteWithTitle('Cy answers within 3.9 h'));
    const html = await during;
    expect(html).toContain('Cy answers within 3.9 h');
    expect(html).not.toContain('Cy answers within 4.5 h');
  }, 60_000);
});

describe('goalpost dev server on a port that is taken', () => {
  it('refuses a port asked for when it is taken, before Astro starts, so the command ends with its error', async () => {
    const port = server.port;
    const strict = startDevServer({ root, base: '/', port, strictPort: true, load: () => siteWithTitle('unused') });
    await expect(strict).rejects.toThrow(`port ${port} is already in use`);
  }, 60_000);
});
