// The review site in a real browser: the example workspace built at a fixed as-of date and
// served by `goalpost preview`'s server. The statuses shown must be those `goalpost status
// --json` prints; charts must draw; tables must be there with JavaScript off; axe-core must
// find no serious or critical WCAG A/AA violation; the quarterly page must print. Screenshots
// and PDFs go to test/artifacts/ (ignored by git) for a person to look at.
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPreview, type PreviewServer } from '../../src/site/preview-server.ts';
import { chartInk, launchChromium, requireChromium, seriousViolations } from './browser.ts';

requireChromium();

const run = promisify(execFile);
const REPO = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const BIN = path.join(REPO, 'bin', 'goalpost.js');
const ARTIFACTS = path.join(REPO, 'test', 'artifacts');
const AS_OF = '2026-06-30';
const QUARTER = '2026-Q2';
const PAGES = { overview: '', goal: 'goals/frt-org/', quarter: `quarters/${QUARTER}/`, sla: 'sla/' } as const;

interface StatusJson {
  asOf: string;
  goals: { id: string; status: string }[];
}

let browser: Browser;
let server: PreviewServer;
let tmp: string;
let expected: Record<string, string>;

async function open(context: BrowserContext, page: string): Promise<Page> {
  const tab = await context.newPage();
  const errors: string[] = [];
  tab.on('pageerror', (error) => errors.push(error.message));
  tab.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await tab.goto(server.url + page, { waitUntil: 'networkidle' });
  Object.assign(tab, { goalpostErrors: errors });
  return tab;
}

const errorsOf = (page: Page): string[] => (page as Page & { goalpostErrors: string[] }).goalpostErrors;

/** goal id -> status as shown in the rows of the tables on the page (first status cell of a row with a goal link). */
async function statusesShown(page: Page, statusColumn?: number): Promise<Record<string, string>> {
  return page.evaluate((column) => {
    const shown: Record<string, string> = {};
    for (const row of document.querySelectorAll('tbody tr')) {
      const link = row.querySelector<HTMLAnchorElement>('a[href*="/goals/"]');
      const cells = [...row.querySelectorAll('td')];
      const cell = column === undefined ? row : cells[column];
      const status = cell?.querySelector('[data-status]')?.getAttribute('data-status');
      const id = link?.getAttribute('href')?.match(/\/goals\/([^/]+)\//)?.[1];
      if (id && status) shown[id] = status;
    }
    return shown;
  }, statusColumn);
}

beforeAll(async () => {
  browser = await launchChromium();
  tmp = mkdtempSync(path.join(os.tmpdir(), 'goalpost-e2e-'));
  const out = path.join(tmp, 'site');
  await run(process.execPath, [BIN, 'build', '--root', REPO, '--out', out, '--as-of', AS_OF], { env: { ...process.env, NODE_ENV: '' } });
  const status = await run(process.execPath, [BIN, 'status', '--root', REPO, '--json', '--as-of', AS_OF]);
  const json = JSON.parse(status.stdout) as StatusJson;
  expected = Object.fromEntries(json.goals.map((g) => [g.id, g.status]));
  server = await startPreview({ dir: out, port: 0 });
  mkdirSync(ARTIFACTS, { recursive: true });
});

afterAll(async () => {
  await server?.close();
  await browser?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('the review site in Chromium', () => {
  it('shows on the overview the status `goalpost status --json` gives every goal', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await open(context, PAGES.overview);
    expect(Object.keys(expected).length).toBeGreaterThan(10);
    expect(await statusesShown(page)).toEqual(expected);
    const tiles = await page.locator('[data-count-status]').evaluateAll((items) =>
      Object.fromEntries(items.map((li) => [li.getAttribute('data-count-status'), Number(li.querySelector('.n')?.textContent)])),
    );
    for (const [status, count] of Object.entries(tiles)) expect(count).toBe(Object.values(expected).filter((s) => s === status).length);
    expect(errorsOf(page)).toEqual([]);
    await context.close();
  });

  it('filters the overview by owner', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await open(context, PAGES.overview);
    await page.selectOption('select[name="owner"]', 'tomas');
    const visible = await page.locator('tbody tr[data-owner]:visible').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-owner')));
    expect(visible.length).toBeGreaterThan(0);
    expect(new Set(visible)).toEqual(new Set(['tomas']));
    await expect(page.locator('output[name="shown"]').textContent()).resolves.toMatch(/^\d+ of \d+ goals shown$/);
    await context.close();
  });

  it('draws the goal chart and shows the goal status', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await open(context, PAGES.goal);
    await expect(page.locator('.page-head [data-status]').getAttribute('data-status')).resolves.toBe(expected['frt-org']);
    const ink = await chartInk(page);
    expect(ink).toHaveLength(1);
    expect(ink[0]).toBeGreaterThan(2000);
    await expect(page.locator('canvas[data-chart]').getAttribute('aria-label')).resolves.toMatch(/^Line chart of First response time for Organisation/);
    expect(errorsOf(page)).toEqual([]);
    await context.close();
  });

  it('shows on the quarterly page each goal at the quarter end as `status --json` has it', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await open(context, PAGES.quarter);
    const header = await page.locator('table[data-csv$="/changes"] thead th').allTextContents();
    const column = header.indexOf(`End of ${QUARTER}`);
    expect(column).toBeGreaterThan(0);
    const shown = await statusesShown(page, column);
    expect(Object.keys(shown).length).toBeGreaterThan(5);
    for (const [id, status] of Object.entries(shown)) expect(status, id).toBe(expected[id]);
    await context.close();
  });

  it('draws every SLA adherence chart', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await open(context, PAGES.sla);
    const ink = await chartInk(page);
    expect(ink.length).toBe(3);
    for (const pixels of ink) expect(pixels).toBeGreaterThan(1000);
    expect(errorsOf(page)).toEqual([]);
    await context.close();
  });

  it('has its tables, and no blank charts, with JavaScript disabled', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, javaScriptEnabled: false });
    for (const page of Object.values(PAGES)) {
      const tab = await open(context, page);
      const rows = await tab.locator('table tbody tr').count();
      expect(rows, page).toBeGreaterThan(0);
      for (const frame of await tab.locator('.chart-frame').all()) expect(await frame.isVisible(), page).toBe(false);
      await tab.close();
    }
    await context.close();
  });

  for (const scheme of ['light', 'dark'] as const) {
    it(`passes axe-core with no serious or critical violation (${scheme} theme)`, async () => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme: scheme });
      for (const [name, page] of Object.entries(PAGES)) {
        const tab = await open(context, page);
        if (await tab.locator('canvas[data-chart]').count()) await chartInk(tab);
        expect(await seriousViolations(tab), `${name} (${scheme})`).toEqual([]);
        await tab.close();
      }
      await context.close();
    });
  }

  it('saves screenshots at 1280 px and 375 px, light and dark', async () => {
    for (const [width, scheme] of [[1280, 'light'], [375, 'light'], [1280, 'dark']] as const) {
      const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme: scheme });
      for (const [name, page] of Object.entries(PAGES)) {
        const tab = await open(context, page);
        if (await tab.locator('canvas[data-chart]').count()) await chartInk(tab);
        await tab.evaluate(() => window.scrollTo(0, 0));
        const overflow = await tab.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow, `${name} at ${width} px scrolls sideways`).toBeLessThanOrEqual(0);
        await tab.screenshot({ path: path.join(ARTIFACTS, `${name}-${width}-${scheme}.png`), fullPage: true });
        await tab.close();
      }
      await context.close();
    }
  });

  it('prints the quarterly review on A4 and Letter with tables instead of charts', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await open(context, PAGES.quarter);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.site-nav').isVisible()).toBe(false);
    expect(await page.locator('table').first().isVisible()).toBe(true);
    for (const format of ['A4', 'Letter'] as const) {
      const file = path.join(ARTIFACTS, `quarter-${QUARTER}-${format}.pdf`);
      await page.pdf({ path: file, format, printBackground: true });
      expect(statSync(file).size).toBeGreaterThan(10_000);
    }
    const goal = await open(context, PAGES.goal);
    await goal.emulateMedia({ media: 'print' });
    expect(await goal.locator('.chart-frame').isVisible()).toBe(false);
    expect(await goal.locator('table[data-csv$="/points"]').isVisible()).toBe(true);
    await goal.pdf({ path: path.join(ARTIFACTS, 'goal-frt-org-A4.pdf'), format: 'A4', printBackground: true });
    await context.close();
  });
});
