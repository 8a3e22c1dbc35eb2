// The whole `goalpost build`, run as a user runs it (a child process): two builds of the same
// inputs give the same bytes; the output is escaped and its CSVs neutralised; a build that
// fails leaves the last good site in place.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schemaJson } from '../../src/cli/commands/schema.ts';
import { SITE_FIXTURE } from './fixture.ts';

const run = promisify(execFile);
const BIN = path.join(SITE_FIXTURE, '..', '..', '..', 'bin', 'goalpost.js');

async function goalpost(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], { env: { ...process.env, NO_COLOR: '1', NODE_ENV: '' } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/** Relative path -> sha256 of every file below `dir`. */
function digest(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    out[path.relative(dir, full).split(path.sep).join('/')] = createHash('sha256').update(readFileSync(full)).digest('hex');
  }
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => (a < b ? -1 : 1)));
}

describe('goalpost build', () => {
  let tmp: string;
  let first: Record<string, string>;

  beforeAll(async () => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'goalpost-site-'));
    const built = await goalpost('build', '--root', SITE_FIXTURE, '--out', path.join(tmp, 'a'), '--as-of', '2026-06-30');
    expect(built.stderr).toBe('');
    expect(built.code).toBe(0);
    expect(built.stdout).toMatch(/Built \d+ pages as of 2026-06-30 into .*a\/ in [\d.]+ s\./);
    first = digest(path.join(tmp, 'a'));
  }, 180_000);

  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('writes every page, and two builds of the same inputs are byte-identical', async () => {
    expect(Object.keys(first)).toEqual(expect.arrayContaining(['index.html', 'goals/frt-org/index.html', 'quarters/2026-Q2/index.html', 'sla/index.html', 'csv/goals/frt-org/points.csv']));
    const again = await goalpost('build', '--root', SITE_FIXTURE, '--out', path.join(tmp, 'b'), '--as-of', '2026-06-30');
    expect(again.code).toBe(0);
    expect(digest(path.join(tmp, 'b'))).toEqual(first);
    expect(readdirSync(tmp).sort()).toEqual(['a', 'b']);
  }, 180_000);

  it('renders text from YAML as text', () => {
    for (const page of ['goals/frt-org/index.html', 'goals/frt-frontline/index.html', 'index.html', 'objectives/fast/index.html', 'cascade/index.html']) {
      const html = readFileSync(path.join(tmp, 'a', page), 'utf8');
      expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
      // Inside a quoted attribute `<` is harmless, but a `"` would end the value: it is escaped,
      // so once every attribute value is removed no script tag from the YAML is left.
      const withoutAttributeValues = html.replace(/="[^"]*"/g, '=""');
      expect(withoutAttributeValues).not.toContain('<script>alert(1)');
      expect(html).not.toMatch(/(href|src)="javascript:/i);
    }
  });

  it('writes the CSV downloads with formula cells neutralised', () => {
    const csv = readFileSync(path.join(tmp, 'a', 'csv', 'overview', 'fast.csv'), 'utf8');
    expect(csv).toContain(",'=cmd|' /C calc'!A0,");
    expect(readFileSync(path.join(tmp, 'a', 'index.html'), 'utf8')).toContain('href="/csv/overview/fast.csv"');
  });

  it('serves the editor schema at /schema/v1.json', () => {
    expect(readFileSync(path.join(tmp, 'a', 'schema', 'v1.json'), 'utf8')).toBe(schemaJson());
  });

  it('refuses to build on errors and leaves the last good site in place', async () => {
    const ws = path.join(tmp, 'ws');
    cpSync(SITE_FIXTURE, ws, { recursive: true });
    const goals = path.join(ws, 'strategy', 'goals.yaml');
    writeFileSync(goals, readFileSync(goals, 'utf8').replace('target: { value: 4.5, date: 2026-05-31 }', 'target: { value: 7, date: 2026-05-31 }'));
    const out = path.join(tmp, 'a');
    const failed = await goalpost('build', '--root', ws, '--out', out, '--as-of', '2026-06-30');
    expect(failed.code).toBe(1);
    expect(failed.stdout).toContain('strategy/goals.yaml:33:');
    expect(failed.stdout).toContain('goal-direction');
    expect(failed.stderr).toContain('not building: 1 error, 1 warning');
    expect(digest(out)).toEqual(first);
  }, 60_000);

  it('serves the site under --base', async () => {
    const out = path.join(tmp, 'based');
    const built = await goalpost('build', '--root', SITE_FIXTURE, '--out', out, '--as-of', '2026-06-30', '--base', '/strategy');
    expect(built.code).toBe(0);
    const html = readFileSync(path.join(out, 'index.html'), 'utf8');
    expect(html).toContain('href="/strategy/goals/frt-org/"');
    expect(html).toMatch(/src="\/strategy\/_astro\/|href="\/strategy\/_astro\//);
  }, 180_000);

  it('will not replace a folder that is not a Goalpost site', async () => {
    const out = path.join(tmp, 'precious');
    cpSync(path.join(SITE_FIXTURE, 'strategy'), out, { recursive: true });
    const refused = await goalpost('build', '--root', SITE_FIXTURE, '--out', out);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('holds files that are not a Goalpost site');
    expect(readdirSync(out)).toContain('goals.yaml');
  }, 60_000);
});
