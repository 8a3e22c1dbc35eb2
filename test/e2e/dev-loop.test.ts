// `goalpost dev` in a real browser, run as a user runs it, on a copy of the example workspace:
// a goal's target edited three times in a row while its page is open in Chromium and polled
// over HTTP. The last value appears, on the open page (which reloads itself) and in every poll
// after it first appeared, and stays; no poll sees an older value once a newer one was served.
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { goalTargetShown, launchChromium, requireChromium } from './browser.ts';

requireChromium();

const REPO = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const BIN = path.join(REPO, 'bin', 'goalpost.js');
const GOAL_FILE = path.join('strategy', 'goals', 'always-bookable.yaml');
const TARGET = 'target: { value: 3, date: 2026-09-30 }';

let tmp: string;
let dev: ChildProcess;
let output = '';
let url: string;
let browser: Browser;

/** The Target figure in `html` ("2 h 3 min"), or null when there is none. */
function targetIn(html: string): string | null {
  const match = /<dt>Target<\/dt><dd>([^<]*)</.exec(html);
  return match ? match[1]!.replace(/\u00a0/g, ' ').trim() : null;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

beforeAll(async () => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'goalpost-e2e-dev-'));
  for (const dir of ['strategy', 'data']) cpSync(path.join(REPO, dir), path.join(tmp, dir), { recursive: true });
  expect(readFileSync(path.join(tmp, GOAL_FILE), 'utf8')).toContain(TARGET);
  // Astro's dev server leaves out its page handler when it sees VITEST (for Vitest's browser mode).
  const { VITEST: _vitest, ...env } = process.env;
  dev = spawn(process.execPath, [BIN, 'dev', '--root', tmp, '--port', '0', '--as-of', '2026-06-30'], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...env, NO_COLOR: '1' } });
  dev.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  dev.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  for (let tries = 0; !/Local: (\S+)/.test(output); tries++) {
    if (dev.exitCode !== null || tries > 1200) throw new Error(`goalpost dev did not start:\n${output}`);
    await pause(100);
  }
  url = /Local: (\S+)/.exec(output)![1]!;
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  if (dev && dev.exitCode === null) {
    const exited = new Promise((resolve) => dev.once('exit', resolve));
    dev.kill('SIGTERM');
    await exited;
  }
  rmSync(tmp, { recursive: true, force: true });
});

describe('goalpost dev', () => {
  it('shows the last of three quick edits of a target on the open page and in every poll, and keeps it', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${url}goals/frt-org/`, { waitUntil: 'load', timeout: 120_000 });
    expect(await goalTargetShown(page)).toBe('3 h');

    // Polls the page over HTTP the whole time, in order, one request after the other.
    const seen: string[] = [];
    let polling = true;
    const poller = (async () => {
      while (polling) {
        seen.push(targetIn(await (await fetch(`${url}goals/frt-org/`)).text()) ?? 'none');
        await pause(20);
      }
    })();

    const original = readFileSync(path.join(tmp, GOAL_FILE), 'utf8');
    for (const [value, wait] of [['2.0167', 30], ['2.0333', 5], ['2.05', 0]] as const) {
      writeFileSync(path.join(tmp, GOAL_FILE), original.replace(TARGET, `target: { value: ${value}, date: 2026-09-30 }`));
      await pause(wait);
    }
    const last = '2 h 3 min';
    for (let tries = 0; (await goalTargetShown(page)) !== last; tries++) {
      if (tries > 3000) throw new Error(`the page never showed ${last}; polls saw ${[...new Set(seen)].join(', ')}\n${output}`);
      await pause(10);
    }
    while (!seen.includes(last)) await pause(10);
    // It stays: on the open page, and in the polls of the next second and a half.
    const shownAt = seen.indexOf(last);
    await pause(1500);
    polling = false;
    await poller;
    expect(await goalTargetShown(page)).toBe(last);
    expect(seen.slice(shownAt).filter((value) => value !== last)).toEqual([]);
    expect(seen.length - shownAt).toBeGreaterThan(5);
    // Polls only ever moved forward: 3 h, then (perhaps) the first or second edit, then the last.
    const order = ['3 h', '2 h 1 min', '2 h 2 min', last];
    const indexes = seen.map((value) => order.indexOf(value));
    expect(indexes.every((index, i) => index >= 0 && (i === 0 || index >= indexes[i - 1]!))).toBe(true);
    expect(errors).toEqual([]);
    expect(output).toMatch(/Rebuilt after a change to strategy\/goals\/always-bookable\.yaml: /);
  });
});
