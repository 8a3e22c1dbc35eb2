// Browser helpers for the e2e tests: Debian's Chromium through playwright-core (never skipped:
// a missing browser fails with the install hint), axe-core, and a check that a canvas drew.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM = process.env.GOALPOST_CHROMIUM ?? '/usr/bin/chromium';

/** Throws (so the test file fails, never skips) when the browser is not installed. */
export function requireChromium(): void {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found: apt-get install -y chromium (looked for ${CHROMIUM})`);
}

export async function launchChromium(): Promise<Browser> {
  requireChromium();
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
}

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

export interface AxeFinding {
  id: string;
  impact: string;
  help: string;
  targets: string[];
}

/** axe-core's WCAG 2.x A/AA violations of impact serious or critical. */
export async function seriousViolations(page: Page): Promise<AxeFinding[]> {
  await page.addScriptTag({ path: AXE });
  const found = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }));
  });
  return found.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** Brings every chart into view (they hydrate `client:visible`) and returns how many pixels each drew. */
export async function chartInk(page: Page): Promise<number[]> {
  const canvases = page.locator('canvas[data-chart]');
  const count = await canvases.count();
  for (let i = 0; i < count; i++) await canvases.nth(i).scrollIntoViewIfNeeded();
  await page.waitForFunction(
    (n) => [...document.querySelectorAll<HTMLCanvasElement>('canvas[data-chart]')].filter((c) => c.width > 0 && (c.getContext('2d')?.getImageData(0, 0, c.width, c.height).data.some((v, i) => i % 4 === 3 && v > 0) ?? false)).length === n,
    count,
    { timeout: 15_000 },
  );
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLCanvasElement>('canvas[data-chart]')].map((c) => {
      const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
      let ink = 0;
      for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) ink++;
      return ink;
    }),
  );
}

/** The text of the goal page's Target figure ("2 h 1 min"), or null while the page reloads itself. */
export async function goalTargetShown(page: Page): Promise<string | null> {
  try {
    return await page.evaluate(() => {
      const figure = [...document.querySelectorAll('dl.figures > div')].find((div) => div.querySelector('dt')?.textContent === 'Target');
      return figure?.querySelector('dd')?.firstChild?.textContent?.replace(/\u00a0/g, ' ').trim() ?? null;
    });
  } catch {
    return null;
  }
}
