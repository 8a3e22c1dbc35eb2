// The whole `goalpost build`, run as a user runs it (a child process): two builds of the same
// inputs give the same bytes; the output is escaped and its CSVs neutralised; a build that
// fails leaves the last good site in place; only a folder Goalpost built is ever replaced; a
// killed build's work folder is removed by the next build; a read-only install builds.
import { execFile, spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, chownSync, copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schemaJson } from '../../src/cli/commands/schema.ts';
import { baseOfMarker } from '../../src/site/site-marker.ts';
import { SITE_FIXTURE } from './fixture.ts';

const run = promisify(execFile);
const PACKAGE = path.join(SITE_FIXTURE, '..', '..', '..');
const BIN = path.join(PACKAGE, 'bin', 'goalpost.js');

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

  // Two people building the same commit, or CI and a laptop, have Goalpost installed in different
  // folders. Astro names a chart island after its component's path: an absolute one would put
  // the install folder into every chart page.
  it('gives the same bytes when Goalpost is installed in another folder', async () => {
    const elsewhere = path.join(tmp, 'installed-elsewhere');
    mkdirSync(elsewhere);
    for (const part of ['bin', 'src', 'public', 'package.json']) cpSync(path.join(PACKAGE, part), path.join(elsewhere, part), { recursive: true });
    symlinkSync(path.join(PACKAGE, 'node_modules'), path.join(elsewhere, 'node_modules'));
    const out = path.join(tmp, 'from-elsewhere');
    const built = spawnSync(process.execPath, [path.join(elsewhere, 'bin', 'goalpost.js'), 'build', '--root', SITE_FIXTURE, '--out', out, '--as-of', '2026-06-30'], {
      env: { ...process.env, NO_COLOR: '1', NODE_ENV: '' },
      encoding: 'utf8',
    });
    expect(built.stderr).toBe('');
    expect(built.status).toBe(0);
    expect(digest(out)).toEqual(first);
    rmSync(elsewhere, { recursive: true });
    rmSync(out, { recursive: true });
  }, 180_000);

  it('marks its site, and replaces a site it built', async () => {
    expect(readFileSync(path.join(tmp, 'a', '.goalpost-site'), 'utf8')).toContain('goalpost build');
    const again = await goalpost('build', '--root', SITE_FIXTURE, '--out', path.join(tmp, 'a'), '--as-of', '2026-06-30');
    expect(again.code).toBe(0);
    expect(digest(path.join(tmp, 'a'))).toEqual(first);
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
    const csv = readFileSync(path.join(tmp, 'a', 'csv', 'overview', 'fast', 'goals.csv'), 'utf8');
    expect(csv).toContain(",'=cmd|' /C calc'!A0,");
    expect(readFileSync(path.join(tmp, 'a', 'index.html'), 'utf8')).toContain('href="/csv/overview/fast/goals.csv"');
  });

  it('writes the CSV file of every Download link', () => {
    const linked = new Set<string>();
    for (const file of Object.keys(first).filter((name) => name.endsWith('.html'))) {
      for (const match of readFileSync(path.join(tmp, 'a', file), 'utf8').matchAll(/href="\/(csv\/[^"]+\.csv)"/g)) linked.add(match[1]!);
    }
    expect(linked.size).toBeGreaterThan(20);
    expect([...linked].filter((file) => !(file in first))).toEqual([]);
  });

  it('loads under 130 KB of JavaScript (gzipped) on a goal page, in files every chart page shares, and no JavaScript file on a page without a chart', () => {
    const site = path.join(tmp, 'a');
    const scriptsOf = (page: string) => {
      const html = readFileSync(path.join(site, page), 'utf8');
      const files = new Set<string>();
      const follow = (url: string) => {
        if (files.has(url)) return;
        files.add(url);
        const code = readFileSync(path.join(site, url), 'utf8');
        for (const match of code.matchAll(/(?:from|import)\s*\(?"\.\/([^"]+\.js)"/g)) follow(`_astro/${match[1]}`);
      };
      for (const match of html.matchAll(/(?:component-url|renderer-url|src)="\/(_astro\/[^"]+\.js)"/g)) follow(match[1]!);
      const inline = [...html.matchAll(/<script[^>]*>([\s\S]*?)<\/script>/g)].map((match) => match[1]!);
      return { files: [...files].sort(), inline };
    };
    const gzipped = (text: string | Buffer) => gzipSync(text, { level: 9 }).length;
    const goal = scriptsOf('goals/frt-org/index.html');
    expect(goal.files.length).toBeGreaterThan(0);
    const bytes = goal.files.reduce((sum, file) => sum + gzipped(readFileSync(path.join(site, file))), 0) + goal.inline.reduce((sum, code) => sum + gzipped(code), 0);
    expect(bytes).toBeLessThan(130 * 1024);
    for (const page of ['goals/frt-cy/index.html', 'kpis/frt/index.html', 'sla/index.html']) expect(scriptsOf(page).files).toEqual(goal.files);
    for (const page of ['kpis/index.html', 'checks/index.html', 'cascade/index.html', 'objectives/fast/index.html']) expect(scriptsOf(page).files).toEqual([]);
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
    // So that `goalpost preview` serves it under the same path.
    expect(baseOfMarker(readFileSync(path.join(out, '.goalpost-site'), 'utf8'))).toBe('/strategy/');
    expect(baseOfMarker(readFileSync(path.join(tmp, 'a', '.goalpost-site'), 'utf8'))).toBe('/');
  }, 180_000);

  it('will not replace a folder that is not a Goalpost site', async () => {
    const out = path.join(tmp, 'precious');
    cpSync(path.join(SITE_FIXTURE, 'strategy'), out, { recursive: true });
    const refused = await goalpost('build', '--root', SITE_FIXTURE, '--out', out);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe(`goalpost: ${out} is not a site Goalpost built (it has no .goalpost-site file), so it was not replaced; choose a new or empty folder\n`);
    expect(readdirSync(out)).toContain('goals.yaml');
  }, 60_000);

  it('will not replace a repository that happens to hold an index.html', async () => {
    const out = path.join(tmp, 'repository');
    mkdirSync(path.join(out, '.git'), { recursive: true });
    mkdirSync(path.join(out, 'src'));
    writeFileSync(path.join(out, 'index.html'), '<h1>my own page</h1>');
    writeFileSync(path.join(out, '.git', 'HEAD'), 'ref: refs/heads/main\n');
    writeFileSync(path.join(out, 'src', 'app.js'), 'console.log(1);\n');
    const before = digest(out);
    const refused = await goalpost('build', '--root', SITE_FIXTURE, '--out', out, '--as-of', '2026-06-30');
    expect(refused.code).toBe(2);
    expect(refused.stderr.trimEnd().split('\n')).toEqual([expect.stringContaining(`${out} is not a site Goalpost built`)]);
    expect(digest(out)).toEqual(before);
    expect(readdirSync(tmp).filter((name) => name.startsWith('.goalpost-tmp-'))).toEqual([]);
  }, 60_000);

  it('removes the work folder of a build killed with kill -9', async () => {
    const out = path.join(tmp, 'killed');
    const inPackage = path.join(PACKAGE, 'node_modules', '.goalpost-build');
    const child = spawn(process.execPath, [BIN, 'build', '--root', SITE_FIXTURE, '--out', out, '--as-of', '2026-06-30'], { stdio: 'ignore', env: { ...process.env, NODE_ENV: '' } });
    const workOf = () => [
      ...readdirSync(tmp).filter((name) => name.startsWith(`.goalpost-tmp-killed-${child.pid}-`)),
      ...(existsSync(inPackage) ? readdirSync(inPackage).filter((name) => name.startsWith(`${child.pid}-`)) : []),
    ];
    // Waits (boundedly) for the build to create its work folder, then kills it there.
    for (let tries = 0; workOf().length === 0 && tries < 6000; tries++) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(workOf()).not.toEqual([]);
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
    expect(workOf()).not.toEqual([]);

    const next = await goalpost('build', '--root', SITE_FIXTURE, '--out', out, '--as-of', '2026-06-30');
    expect(next.code).toBe(0);
    expect(workOf()).toEqual([]);
    expect(digest(out)).toEqual(first);
  }, 180_000);

  // A global install belongs to root and cannot be written by the user who runs it: the build
  // must write nothing inside the package. Run as `nobody`, to whom this checkout is read-only
  // (its folders are root's, 755); needs root to switch user, so it is skipped otherwise.
  const canSwitchUser = process.getuid?.() === 0 && spawnSync('setpriv', ['--version']).status === 0;
  it.skipIf(!canSwitchUser)('builds from a package the user cannot write to', async () => {
    const home = path.join(tmp, 'as-nobody');
    mkdirSync(home);
    // The test's own Node may sit in root's home, which nobody cannot enter.
    const node = path.join(home, 'node');
    copyFileSync(process.execPath, node);
    chmodSync(node, 0o755);
    chmodSync(tmp, 0o755);
    chownSync(home, 65534, 65534);
    const out = path.join(home, 'site');
    const probe = spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', 'test', '-w', PACKAGE]);
    expect(probe.status).not.toBe(0);
    const built = spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', '--', node, BIN, 'build', '--root', SITE_FIXTURE, '--out', out, '--as-of', '2026-06-30'], {
      cwd: home,
      env: { PATH: process.env.PATH, HOME: home, NO_COLOR: '1', TMPDIR: home },
      encoding: 'utf8',
    });
    expect(built.stderr).toBe('');
    expect(built.status).toBe(0);
    rmSync(node);
    expect(digest(out)).toEqual(first);
    expect(readdirSync(home).filter((name) => name.startsWith('.goalpost'))).toEqual([]);
  }, 180_000);
});
