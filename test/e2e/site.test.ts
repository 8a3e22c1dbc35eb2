// The review site in a real browser: the example workspace built at a fixed as-of date and
// served by `goalpost preview`'s server. The statuses shown must be those `goalpost status
// --json` prints, and the goals that need attention are its missed, off-track and at-risk ones
// in order of gap to plan; a status tile filters, and the filter is in the address; every goal
// is on every quarter page; charts must draw, and exist as SVG without JavaScript and on paper;
// axe-core must find no serious or critical WCAG A/AA violation. The example reads a Zendesk
// export and holds a 2026-Q2 review: a goal page shows the owner's confidence and marks where
// the owner disagrees with the numbers, the quarter page lists the review's decisions with their
// state, the SLA page lists the latest breached tickets linked into the help desk, and a KPI
// computed from tickets says how and gives the tickets behind each point. Screenshots and PDFs
// (with a picture of each printed first page) go to test/artifacts/ (ignored by git) for a
// person to look at.
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
/** The example workspace. */
const WORKSPACE = REPO;
const AS_OF = '2026-06-30';
const QUARTER = '2026-Q2';
/** `checkin`: the goal whose owner says on track while the numbers say at risk. */
const PAGES = { overview: '', goal: 'goals/frt-org/', checkin: 'goals/frt-frontline/', quarter: `quarters/${QUARTER}/`, kpi: 'kpis/frt/', sla: 'sla/' } as const;

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

  it('shows no figure, not 0 %, for the progress of goals shown that have no data yet', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await open(context, `${PAGES.overview}?owner=aisha`);
    const bars = await page.locator('[data-filter-section]:not([data-filtered-out])').evaluateAll((sections) =>
      sections.flatMap((section) => {
        const rows = [...section.querySelectorAll<HTMLElement>('tr[data-count]')].filter((r) => !r.hasAttribute('data-filtered-out'));
        const bar = section.querySelector('[data-progress]');
        return bar && rows.length > 0 ? [{ measured: rows.filter((r) => r.dataset.attainment).length, value: bar.querySelector('.value')!.textContent, note: bar.querySelector('.progress-note')?.textContent ?? '' }] : [];
      }),
    );
    const unmeasured = bars.filter((bar) => bar.measured === 0);
    expect(unmeasured.length).toBeGreaterThan(0);
    for (const bar of unmeasured) expect(bar).toMatchObject({ value: '—', note: expect.stringMatching(/^no data yet for the/) });
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

  it('shows beside a goal\u2019s status the owner\u2019s latest confidence, and marks in words where they disagree', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await open(context, PAGES.checkin);
    await expect(page.locator('.page-head [data-status]').getAttribute('data-status')).resolves.toBe('at-risk');
    expect(expected['frt-frontline']).toBe('at-risk');
    const confidence = page.locator('.page-head .checkin-now [data-confidence]');
    await expect(confidence.getAttribute('data-confidence')).resolves.toBe('on-track');
    await expect(confidence.textContent()).resolves.toBe('\u25CFOn track');
    await expect(page.locator('.page-head .checkin-now').textContent()).resolves.toMatch(/Tomás Almeida, at the 2026-Q2 review on 2026-06-23/);
    const mark = page.locator('.page-head [data-disagree]');
    expect(await mark.isVisible()).toBe(true);
    await expect(mark.textContent()).resolves.toMatch(/Owner and numbers disagree\. The owner says on track; the numbers say at risk\./);
    await expect(page.locator('.page-head .checkin-note').textContent()).resolves.toMatch(/^The median fell every week in June/);
    // Where the owner reads the goal as the numbers do, there is no mark.
    const agreeing = await open(context, PAGES.goal);
    await expect(agreeing.locator('.page-head [data-confidence]').getAttribute('data-confidence')).resolves.toBe('on-track');
    expect(await agreeing.locator('[data-disagree]').count()).toBe(0);
    expect(errorsOf(page)).toEqual([]);
    await context.close();
  });

  it('lists on the quarter page the decisions of its review with their state, and the overview flags the overdue one', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await open(context, PAGES.quarter);
    const decisions = await page.locator('#decisions table[data-csv$="/decisions"] tbody tr').evaluateAll((rows) =>
      rows.map((row) => [row.querySelector('td')!.textContent!.trim().slice(0, 24), row.querySelector('[data-decision]')?.getAttribute('data-decision'), row.querySelector('[data-decision]')?.textContent]),
    );
    expect(decisions).toEqual([
      ['Two email agents work th', 'done', '\u2714Done'],
      ['Write down Jun\'s pairing', 'overdue', '!Overdue'],
      ['Extend the late shift to', 'open', '\u25CBOpen'],
    ]);
    // The check-ins sit beside the goals' statuses, the disagreement flagged in words.
    const checkins = await page.locator('#checkins tbody tr').evaluateAll((rows) =>
      rows.map((row) => [row.getAttribute('data-goal'), row.querySelector('[data-status]')?.getAttribute('data-status'), row.querySelector('[data-confidence]')?.getAttribute('data-confidence'), row.querySelector('.flag')?.textContent ?? null]),
    );
    expect(checkins).toContainEqual(['frt-frontline', 'at-risk', 'on-track', 'Disagrees']);
    expect(checkins.filter((c) => c[3] !== null)).toHaveLength(1);
    for (const [goal, status] of checkins) expect(status, goal!).toBe(expected[goal!]);
    const overview = await open(context, PAGES.overview);
    const flag = overview.locator('[data-overdue-decisions]');
    await expect(flag.locator('h2').textContent()).resolves.toMatch(/1 decision is overdue$/);
    await flag.locator('a').click();
    await overview.waitForURL(/\/quarters\/2026-Q2\/#decisions$/);
    expect(await overview.locator('#decisions').isVisible()).toBe(true);
    await context.close();
  });

  it('lists on the SLA page the tickets that breached each policy, linked into the help desk', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await open(context, PAGES.sla);
    const tables = page.locator('table[data-csv$="/breaches"]');
    expect(await tables.count()).toBe(3);
    for (const table of await tables.all()) {
      const rows = await table.locator('tbody tr').evaluateAll((trs) =>
        trs.map((tr) => {
          const link = tr.querySelector('a');
          return { id: link?.textContent, href: link?.getAttribute('href'), rel: link?.getAttribute('rel'), cells: [...tr.querySelectorAll('td')].map((td) => td.textContent!.trim()) };
        }),
      );
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) {
        expect(row.href).toBe(`https://tidewell.zendesk.com/agent/tickets/${row.id}`);
        expect(row.rel).toBe('noopener noreferrer');
        expect(row.cells[2]).toMatch(/^(First response|Resolution)$/);
        expect(row.cells[3]).toMatch(/^(\d+\u00a0h(\u00a0\d+\u00a0min)?|\d+\u00a0min|less than 1\u00a0min) late( so far\s*Still open)?$/);
      }
    }
    // Per policy and period, the tickets that met and breached it.
    const header = await page.locator('table[data-csv="sla/p1-outage/adherence"] thead th').allTextContents();
    expect(header).toEqual(expect.arrayContaining(['Met', 'Breached']));
    await context.close();
  });

  it('says on a computed KPI\u2019s page, and its goals\u2019 pages, how it is computed, and gives the tickets behind each point', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    for (const name of ['kpi', 'goal'] as const) {
      const page = await open(context, PAGES[name]);
      const computed = page.locator('section.computed');
      await expect(computed.locator('.computed-summary').textContent(), name).resolves.toBe('Median first reply time in calendar hours, per week, from 1 Zendesk export file.');
      await expect(computed.textContent(), name).resolves.toMatch(/Zendesk ticket export \(zendesk\)\s*data\/zendesk\/tickets-2025-09-01-to-2026-06-30\.csv/);
      await page.close();
    }
    const kpi = await open(context, PAGES.kpi);
    const notes = await kpi.locator('table[data-csv="kpis/frt/series"] tbody tr').first().locator('td .cell-note').allTextContents();
    expect(notes.length).toBe(3);
    for (const note of notes) expect(note).toMatch(/^[\d,]+ tickets$/);
    const goal = await open(context, PAGES.goal);
    const points = goal.locator('table[data-csv="goals/frt-org/points"]');
    const header = await points.locator('thead th').allTextContents();
    expect(header).toContain('Tickets');
    const tickets = await points.locator('tbody tr td:nth-child(' + (header.indexOf('Tickets') + 1) + ')').allTextContents();
    expect(tickets.length).toBe(13);
    for (const count of tickets) expect(Number(count.trim().replace(',', ''))).toBeGreaterThan(100);
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

  it('prints the pages of the review, of tickets and of check-ins, with a picture of each first page', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    for (const name of ['checkin', 'quarter', 'sla', 'kpi'] as const) {
      const page = await open(context, PAGES[name]);
      await page.emulateMedia({ media: 'print' });
      expect(await page.locator('table').first().isVisible(), name).toBe(true);
      const file = path.join(ARTIFACTS, `${name}-print-A4.pdf`);
      await page.pdf({ path: file, format: 'A4', printBackground: true });
      expect(statSync(file).size, name).toBeGreaterThan(10_000);
      if (existsSync('/usr/bin/pdftoppm')) execFileSync('/usr/bin/pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '2', file, path.join(ARTIFACTS, `${name}-print-A4`)]);
      await page.close();
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
