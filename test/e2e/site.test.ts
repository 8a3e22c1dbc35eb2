// The review site in a real browser: the example workspace built at a fixed as-of date and
// served by `goalpost preview`'s server. The statuses shown must be those `goalpost status
// --json` prints, and the goals that need attention are its missed, off-track and at-risk ones
// in order of gap to plan; a status tile filters, and the filter is in the address; every goal
// is on every quarter page; charts must draw, and exist as SVG without JavaScript and on paper;
// axe-core must find no serious or critical WCAG A/AA violation. Screenshots and PDFs go to
// test/artifacts/ (ignored by git) for a person to look at.
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
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
/** The example workspace, or a copy of it (GOALPOST_E2E_ROOT) while the example itself is being changed. */
const WORKSPACE = process.env.GOALPOST_E2E_ROOT ?? REPO;
const AS_OF = '2026-06-30';
const QUARTER = '2026-Q2';
const PAGES = { overview: '', goal: 'goals/frt-org/', quarter: `quarters/${QUARTER}/`, kpi: 'kpis/frt/', sla: 'sla/' } as const;

interface StatusJson {
  asOf: string;
  goals: { id: string; status: string; attainment: number | null; expected: number | null }[];
}

let browser: Browser;
let server: PreviewServer;
let tmp: string;
let expected: Record<string, string>;
let statusJson: StatusJson;

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
  await run(process.execPath, [BIN, 'build', '--root', WORKSPACE, '--out', out, '--as-of', AS_OF], { env: { ...process.env, NODE_ENV: '' } });
  const status = await run(process.execPath, [BIN, 'status', '--root', WORKSPACE, '--json', '--as-of', AS_OF]);
  const json = JSON.parse(status.stdout) as StatusJson;
  statusJson = json;
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

  it('opens the overview with the missed, off-track and at-risk goals of `status --json`, biggest gap to plan first', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await open(context, PAGES.overview);
    const troubled = statusJson.goals.filter((g) => ['missed', 'off-track', 'at-risk'].includes(g.status));
    const gap = (g: StatusJson['goals'][number]) => (g.expected ?? 0) - (g.attainment ?? 0);
    const inOrder = [...troubled].sort((a, b) => gap(b) - gap(a) || (a.id < b.id ? -1 : 1)).map((g) => g.id);
    expect(inOrder.length).toBeGreaterThanOrEqual(1);
    const shown = await page.locator('.attention-list > li').evaluateAll((items) => items.map((li) => li.getAttribute('data-goal')));
    expect(shown).toEqual(inOrder);
    const first = page.locator('.attention-list > li').first();
    await expect(first.locator('[data-status]').first().getAttribute('data-status')).resolves.toBe(expected[inOrder[0]!]);
    await expect(first.locator('.gap').textContent()).resolves.toMatch(/behind plan|short of target/);
    await context.close();
  });

  it('filters by a status tile, keeps the filter in the address, and survives a reload', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await open(context, PAGES.overview);
    await page.locator('a[data-filter-status="at-risk"]').click();
    expect(new URL(page.url()).searchParams.get('status')).toBe('at-risk');
    const atRisk = Object.entries(expected).filter(([, s]) => s === 'at-risk').map(([id]) => id).sort();
    const visible = async () => [...new Set(await page.locator('tbody tr[data-goal]:visible').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-goal')!)))].sort();
    expect(await visible()).toEqual(atRisk);
    await page.reload({ waitUntil: 'networkidle' });
    expect(await visible()).toEqual(atRisk);
    await expect(page.locator('a[data-filter-status="at-risk"]').getAttribute('aria-current')).resolves.toBe('true');
    // A team's view: the counts follow it.
    await page.selectOption('select[name="team"]', 'frontline');
    const params = new URL(page.url()).searchParams;
    expect([params.get('team'), params.get('status')]).toEqual(['frontline', 'at-risk']);
    await page.reload({ waitUntil: 'networkidle' });
    await expect(page.locator('select[name="team"]').inputValue()).resolves.toBe('frontline');
    const tiles = await page.locator('[data-count-status]').evaluateAll((items) => items.reduce((sum, li) => sum + Number(li.querySelector('.n')?.textContent), 0));
    const frontlineGoals = await page.locator('tbody tr[data-count]').evaluateAll((rows) => new Set(rows.filter((r) => (r.getAttribute('data-teams') ?? '').split(' ').includes('frontline')).map((r) => r.getAttribute('data-goal'))).size);
    expect(tiles).toBe(frontlineGoals);
    expect(tiles).toBeLessThan(Object.keys(expected).length);
    await context.close();
  });

  it('accounts for every goal on every quarter page', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const index = await open(context, 'quarters/');
    const quarters = await index.locator('main a.card').evaluateAll((links) => links.map((a) => a.getAttribute('href')!));
    expect(quarters.length).toBeGreaterThanOrEqual(3);
    for (const quarter of quarters) {
      const page = await open(context, quarter.replace(/^\//, ''));
      const linked = await page.locator('main table a[href*="/goals/"]').evaluateAll((links) => [...new Set(links.map((a) => a.getAttribute('href')!.match(/\/goals\/([^/]+)\//)![1]!))].sort());
      expect(linked, quarter).toEqual(Object.keys(expected).sort());
      await expect(page.locator('.lede strong').first().textContent(), quarter).resolves.toMatch(new RegExp(`^${Object.keys(expected).length} goals: `));
      await page.close();
    }
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

  it('shows tables and the charts drawn at build time with JavaScript disabled, and no control that does nothing', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, javaScriptEnabled: false });
    for (const page of Object.values(PAGES)) {
      const tab = await open(context, page);
      const rows = await tab.locator('table tbody tr').count();
      expect(rows, page).toBeGreaterThan(0);
      for (const box of await tab.locator('.canvas-box').all()) expect(await box.isVisible(), page).toBe(false);
      const charts = tab.locator('svg.chart-svg:visible');
      if (page !== PAGES.overview && page !== PAGES.quarter) expect(await charts.count(), page).toBeGreaterThan(0);
      for (const chart of await charts.all()) expect((await chart.boundingBox())!.height, page).toBeGreaterThan(150);
      expect(await tab.locator('form.filters').isVisible(), page).toBe(false);
      expect(await tab.locator('a[data-filter-status][href]').count(), page).toBe(0);
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

  it('saves screenshots at 1366 px and 375 px, light and dark, with nothing scrolling sideways', async () => {
    for (const [width, scheme] of [[1366, 'light'], [375, 'light'], [1366, 'dark'], [375, 'dark']] as const) {
      const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme: scheme });
      for (const [name, page] of Object.entries(PAGES)) {
        const tab = await open(context, page);
        if (await tab.locator('canvas[data-chart]').count()) await chartInk(tab);
        await tab.evaluate(() => window.scrollTo(0, 0));
        const overflow = await tab.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow, `${name} at ${width} px scrolls sideways`).toBeLessThanOrEqual(0);
        // No table wider than its box on a phone: every column shows.
        const clipped = await tab.evaluate(() => [...document.querySelectorAll('.table-scroll')].filter((box) => box.scrollWidth > box.clientWidth + 1).map((box) => box.querySelector('table')?.getAttribute('data-csv')));
        expect(clipped, `${name} at ${width} px`).toEqual([]);
        await tab.screenshot({ path: path.join(ARTIFACTS, `${name}-${width}-${scheme}.png`), fullPage: true });
        await tab.close();
      }
      await context.close();
    }
  });

  it('prints the quarterly review on A4 and Letter', async () => {
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
    await context.close();
  });

  it('prints a goal page with its chart: the SVG drawn at build time', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const goal = await open(context, PAGES.goal);
    await chartInk(goal);
    await goal.emulateMedia({ media: 'print' });
    expect(await goal.locator('.canvas-box').isVisible()).toBe(false);
    const chart = goal.locator('svg.chart-svg[data-chart-static="wide"]');
    expect(await chart.isVisible()).toBe(true);
    const box = (await chart.boundingBox())!;
    expect(box.height).toBeGreaterThan(250);
    expect(await goal.locator('svg.chart-svg[data-chart-static="narrow"]').isVisible()).toBe(false);
    await expect(chart.locator('.end-labels text').allTextContents()).resolves.toEqual(expect.arrayContaining([expect.stringMatching(/^Target /), expect.stringMatching(/^Forecast /), expect.stringMatching(/^Now /)]));
    expect(await goal.locator('table[data-csv$="/points"]').isVisible()).toBe(true);
    const file = path.join(ARTIFACTS, 'goal-frt-org-A4.pdf');
    await goal.pdf({ path: file, format: 'A4', printBackground: true });
    expect(statSync(file).size).toBeGreaterThan(10_000);
    // A picture of the printed page for a person to look at, when poppler is installed.
    if (existsSync('/usr/bin/pdftoppm')) execFileSync('/usr/bin/pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', file, path.join(ARTIFACTS, 'goal-frt-org-A4')]);
    await context.close();
  });
});
