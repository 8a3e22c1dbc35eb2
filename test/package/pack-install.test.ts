// The package as an adopting team gets it: `npm pack` (whose prepack compiles lib/cli/), the
// package.json `goalpost init --package <tarball>` writes, `npm install` from it in a fresh
// folder (from the npm registry, so this file needs the network or npm's cache), and then the
// installed node_modules/.bin/goalpost: init, check, status and build on the new workspace, and
// the npm scripts init wrote. One pack and one install serve every test; everything happens in
// one temporary folder, removed at the end.
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { toolVersion } from '../../src/cli/version.ts';
import { nodeFileSystem } from '../../src/effects.ts';
import { memoryEffects } from '../helpers/memory-fs.ts';

const REPO = path.resolve(import.meta.dirname, '..', '..');
const MINUTE = 60_000;

// The child processes get this Node first on PATH (the installed bin's `#!/usr/bin/env node`
// finds it), and none of the npm_* settings an outer `npm test` exports, which name this
// repository as the project; where to fetch packages from is kept.
const KEPT = /^npm_config_(registry|https?_proxy|proxy|noproxy|cafile|ca|strict_ssl|cache)$/i;
const env: NodeJS.ProcessEnv = Object.fromEntries(Object.entries(process.env).filter(([name]) => (!/^npm_/i.test(name) || KEPT.test(name)) && name !== 'NODE_ENV'));
env.PATH = `${path.dirname(process.execPath)}${path.delimiter}${process.env.PATH ?? ''}`;
env.npm_config_update_notifier = 'false';

function run(command: string, args: string[], cwd: string): SpawnSyncReturns<string> {
  return spawnSync(command, args, { cwd, env, encoding: 'utf8', timeout: 4 * MINUTE });
}

function npm(args: string[], cwd: string): SpawnSyncReturns<string> {
  // --prefix: the project is `cwd`, whatever npm would find above it.
  return run('npm', [...args, '--prefix', cwd, '--no-audit', '--no-fund', '--loglevel=error'], cwd);
}

function succeeded(result: SpawnSyncReturns<string>, what: string): string {
  if (result.error) throw result.error;
  if (result.status !== 0) throw new Error(`${what} exited ${result.status}:\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

const npmVersion = run('npm', ['--version'], os.tmpdir());
const npmMissing = npmVersion.error || npmVersion.status !== 0 ? 'npm is not on PATH, so the package cannot be packed and installed' : null;

let tmp = '';
/** Why the tests cannot run here, or null. */
let unavailable: string | null = npmMissing;

beforeAll(async () => {
  if (unavailable) return;
  tmp = mkdtempSync(path.join(os.tmpdir(), 'goalpost-package-'));
  // Packed from a copy: prepack rebuilds lib/cli/, which other test files' goalpost processes
  // may be running from in this working tree. The copy holds the files npm would pack, less the
  // build, with the working tree's node_modules (esbuild) linked in.
  const listed = JSON.parse(succeeded(npm(['pack', '--dry-run', '--json', '--ignore-scripts'], REPO), 'npm pack --dry-run')) as [{ files: { path: string }[] }];
  const source = path.join(tmp, 'source');
  for (const { path: file } of listed[0].files) {
    if (file.startsWith('lib/')) continue;
    mkdirSync(path.dirname(path.join(source, file)), { recursive: true });
    copyFileSync(path.join(REPO, file), path.join(source, file));
  }
  symlinkSync(path.join(REPO, 'node_modules'), path.join(source, 'node_modules'), 'dir');
  const packed = JSON.parse(succeeded(npm(['pack', '--json', '--pack-destination', tmp], source), 'npm pack')) as [{ filename: string }];
  const tarball = path.join(tmp, packed[0].filename);

  const effects = memoryEffects(nodeFileSystem, { cwd: tmp, today: '2026-11-23' });
  const code = await main(['init', 'app', '--package', tarball], effects);
  if (code !== 0) throw new Error(`init exited ${code}: ${effects.err()}`);
  const install = npm(['install', '--prefer-offline', '--include=dev'], path.join(tmp, 'app'));
  if (install.status !== 0 && /E(NOTFOUND|AI_AGAIN|CONNREFUSED|CONNRESET|TIMEDOUT|NETUNREACH)/.test(install.stderr)) {
    unavailable = `the npm registry is unreachable, so the package's dependencies cannot be installed: ${install.stderr.trim().split('\n')[0]}`;
    return;
  }
  succeeded(install, 'npm install');
}, 6 * MINUTE);

afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

const app = (...parts: string[]) => path.join(tmp, 'app', ...parts);
/** The installed bin, run as a shell runs it (through its #! line). */
const goalpost = (args: string[], cwd: string) => run(app('node_modules', '.bin', 'goalpost'), args, cwd);

describe('the packed package, installed from the package.json init writes', () => {
  it('installs Goalpost from the tarball, its CLI compiled', ({ skip }) => {
    skip(unavailable !== null, unavailable ?? undefined);
    const manifest = JSON.parse(readFileSync(app('package.json'), 'utf8')) as { devDependencies: Record<string, string> };
    expect(manifest.devDependencies.goalpost).toMatch(/^file:\.\.\/goalpost-[\d.]+\.tgz$/);
    expect(existsSync(app('node_modules', 'goalpost', 'lib', 'cli', 'main.js'))).toBe(true);
    expect(succeeded(goalpost(['--version'], app()), 'goalpost --version')).toBe(`${toolVersion()}\n`);
  });

  it('runs init, then check, status and build on the new workspace, from inside its strategy/', ({ skip }) => {
    skip(unavailable !== null, unavailable ?? undefined);
    expect(succeeded(goalpost(['init', 'ws'], app()), 'goalpost init')).toMatch(/^Created a workspace in /);
    const inside = app('ws', 'strategy');
    expect(succeeded(goalpost(['check', '--strict'], inside), 'goalpost check')).toBe('No problems found.\n');
    expect(succeeded(goalpost(['status', '--json'], inside), 'goalpost status')).toContain('"frt-frontline"');
    expect(succeeded(goalpost(['build'], inside), 'goalpost build')).toMatch(/^Built \d+ pages as of \d{4}-\d{2}-\d{2} into \.\.\/dist\/ in /);
    expect(existsSync(app('ws', 'dist', 'index.html'))).toBe(true);
  });

  it('runs the npm scripts init wrote', ({ skip }) => {
    skip(unavailable !== null, unavailable ?? undefined);
    expect(succeeded(npm(['run', 'check'], app()), 'npm run check')).toMatch(/> goalpost check\n\nNo problems found\.\n$/);
  });
});
