// Benchmark of `goalpost dev` (issue 18): the time from writing a goal file to the page in a
// browser showing the new value, after the server has rebuilt and the page has reloaded itself
// (median of 10 edits, one after the other), on a copy of the example workspace and on the
// 1,000-goal workspace of the site build benchmark. The server runs as a child process, as a
// user runs it; Chromium (playwright-core, /usr/bin/chromium) holds the goal page open and is
// asked what the page shows every few milliseconds. Also the server's start (to its "Local:"
// line) and its first page. Alone: `node bench/dev-loop.ts [edits]`.
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { goalTargetShown, launchChromium } from '../test/e2e/browser.ts';
import { median, ms } from './measure.ts';
import { writeSiteBenchWorkspace } from './site-build.ts';

const PACKAGE = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const BIN = path.join(PACKAGE, 'bin', 'goalpost.js');

export interface DevLoopFigures {
  workspace: string;
  edits: number;
  /** Spawn to the server's "Local:" line, ms. */
  startMs: number;
  /** The first page, loaded once the server is up, ms. */
  firstPageMs: number;
  /** Write to the page showing the new value, ms, one per edit. */
  editMs: number[];
  median: number;
}

interface Subject {
  name: string;
  root: string;
  /** The goal file, relative to the root, and the goal in it whose target changes. */
  file: string;
  goal: string;
  /** The target's date, as written, to find its line. */
  due: string;
}

/** Starts `goalpost dev` on a free port; resolves with the child and its URL once it listens. */
function startDev(root: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [BIN, 'dev', '--root', root, '--port', '0', '--as-of', '2026-06-30'], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
  return new Promise((resolve, reject) => {
    let out = '';
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const match = /Local: (http:\/\/\S+)/.exec(out);
      if (match) resolve({ child, url: match[1]! });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`goalpost dev exited ${code}:\n${out}`)));
  });
}

async function stopDev(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

/** Rewrites the target value of `goal` in `text` (the first target line after its id). */
export function withTarget(text: string, goal: string, due: string, value: string): string {
  const start = text.indexOf(`id: ${goal}`);
  const line = new RegExp(`target: \\{ value: [0-9.]+, date: ${due} \\}`);
  const at = text.slice(start).search(line);
  if (start < 0 || at < 0) throw new Error(`no target due ${due} for ${goal}`);
  const rest = text.slice(start + at).replace(line, `target: { value: ${value}, date: ${due} }`);
  return text.slice(0, start + at) + rest;
}

async function measure(subject: Subject, edits: number): Promise<DevLoopFigures> {
  const browser = await launchChromium();
  const started = performance.now();
  const { child, url } = await startDev(subject.root);
  const startMs = performance.now() - started;
  try {
    const page = await browser.newPage();
    const opened = performance.now();
    await page.goto(`${url}goals/${subject.goal}/`, { waitUntil: 'load', timeout: 120_000 });
    const firstPageMs = performance.now() - opened;
    const file = path.join(subject.root, subject.file);
    const original = readFileSync(file, 'utf8');
    const editMs: number[] = [];
    for (let edit = 1; edit <= edits; edit++) {
      // Hours: 2 h 1 min, 2 h 2 min, ... (each an exact number of minutes).
      const value = ((120 + edit) / 60).toFixed(4);
      const expected = `2 h ${edit} min`;
      const text = withTarget(original, subject.goal, subject.due, value);
      const written = performance.now();
      writeFileSync(file, text);
      while ((await goalTargetShown(page)) !== expected) {
        if (performance.now() - written > 60_000) throw new Error(`${subject.name}: the page did not show ${expected} within a minute`);
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      editMs.push(performance.now() - written);
      // Lets the reload's own requests (scripts, styles) finish before the next edit.
      await page.waitForLoadState('load');
    }
    return { workspace: subject.name, edits, startMs, firstPageMs, editMs, median: median(editMs) };
  } finally {
    await stopDev(child);
    await browser.close();
  }
}

export async function benchDevLoop(edits = 10): Promise<DevLoopFigures[]> {
  const work = mkdtempSync(path.join(os.tmpdir(), 'goalpost-bench-dev-'));
  try {
    const example = path.join(work, 'example');
    for (const dir of ['strategy', 'data']) cpSync(path.join(PACKAGE, dir), path.join(example, dir), { recursive: true });
    const large = path.join(work, 'large');
    writeSiteBenchWorkspace(large, 1000);
    const subjects: Subject[] = [
      { name: 'example', root: example, file: 'strategy/goals/always-bookable.yaml', goal: 'frt-org', due: '2026-09-30' },
      { name: '1,000 goals', root: large, file: 'strategy/goals/goals-000.yaml', goal: 'goal-0', due: '2026-12-31' },
    ];
    console.log(`dev loop, write a goal file -> the open page shows the new target (${edits} edits each, Node ${process.versions.node}, ${new Date().toISOString().slice(0, 10)}):`);
    const figures: DevLoopFigures[] = [];
    for (const subject of subjects) {
      const f = await measure(subject, edits);
      const sorted = [...f.editMs].sort((a, b) => a - b);
      console.log(`  ${f.workspace.padEnd(14)}median ${ms(f.median)} (${ms(sorted[0]!)} to ${ms(sorted.at(-1)!)}); server up in ${ms(f.startMs)}, first page ${ms(f.firstPageMs)}`);
      figures.push(f);
    }
    return figures;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  await benchDevLoop(Number(process.argv[2]) || undefined);
}
