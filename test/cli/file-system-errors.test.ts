// What a workspace on disk can hold that is not a plain readable file, run through `check`:
// every case is a finding at the path, or a one-line exit 2 naming it, never an internal error,
// never a file skipped without a word, never a read that waits forever.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { nodeFileSystem } from '../../src/effects.ts';
import { memoryEffects } from '../helpers/memory-fs.ts';
import { readFixture } from '../helpers/workspace-fixture.ts';

const BIN = fileURLToPath(new URL('../../bin/goalpost.js', import.meta.url));
let root: string;

beforeEach(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'goalpost-fs-errors-'));
  for (const [file, text] of Object.entries(readFixture('valid'))) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }
  mkdirSync(path.join(root, 'data'));
});

afterEach(() => {
  chmodSync(root, 0o755);
  rmSync(root, { recursive: true, force: true });
});

async function check(): Promise<{ code: number; findings: { code: string; file: string; line: number; message: string }[]; err: string }> {
  const effects = memoryEffects(nodeFileSystem, { cwd: root });
  const code = await main(['check', '--root', root, '--format', 'json'], effects);
  return { code, findings: code === 2 ? [] : JSON.parse(effects.out()).diagnostics, err: effects.err() };
}

/** Makes `levels` nested folders of 200-character names under `dir`, one level at a time, so that the deepest path is longer than PATH_MAX. */
function deepFolder(dir: string, levels: number): string {
  let relative = '';
  const start = process.cwd();
  try {
    process.chdir(dir);
    for (let level = 0; level < levels; level++) {
      mkdirSync('d'.repeat(200));
      process.chdir('d'.repeat(200));
      relative = relative ? `${relative}/${'d'.repeat(200)}` : 'd'.repeat(200);
    }
  } finally {
    process.chdir(start);
  }
  return relative;
}

describe('files and folders that cannot be read', () => {
  it('reports a folder under data/ whose path is longer than the system allows', async () => {
    const deep = deepFolder(path.join(root, 'data'), 22);
    const { code, findings, err } = await check();
    expect(err).toBe('');
    expect(code).toBe(1);
    const finding = findings.find((d) => d.file.startsWith('data/'));
    expect(finding?.file.length).toBeGreaterThan(4096);
    expect(`data/${deep}`.startsWith(finding!.file)).toBe(true);
    expect(finding?.message).toContain('its path is longer than the system allows');
  });

  it('reports a file and a folder whose names are not UTF-8, with the reason', async () => {
    const latin1 = Buffer.from('caf\xe9', 'latin1');
    writeFileSync(Buffer.concat([Buffer.from(`${root}/data/`), latin1, Buffer.from('.csv')]), 'period,kpi,scope,value\n2026-06-30,frt,org,4\n');
    mkdirSync(Buffer.concat([Buffer.from(`${root}/strategy/`), latin1]));
    writeFileSync(Buffer.concat([Buffer.from(`${root}/strategy/`), latin1, Buffer.from('/more.yaml')]), 'kind: KPI\n');
    const { code, findings, err } = await check();
    expect(err).toBe('');
    expect(code).toBe(1);
    expect(findings.map((d) => [d.file, d.message])).toEqual(
      expect.arrayContaining([
        ['data/caf\uFFFD.csv', expect.stringContaining('not valid UTF-8')],
        ['strategy/caf\uFFFD', expect.stringContaining('not valid UTF-8')],
      ]),
    );
  });

  it.runIf(process.platform === 'linux')('refuses a named pipe in data/ in one line, without waiting on it', async () => {
    expect(spawnSync('mkfifo', [path.join(root, 'data', 'pipe.csv')]).status).toBe(0);
    const { code, err } = await check();
    expect(code).toBe(2);
    expect(err).toBe(`goalpost: ${path.join(root, 'data', 'pipe.csv')}: it is a named pipe, not a file, and reading it would wait or never end\n`);
  });

  it('refuses a link out of the workspace in one line, never quoting what it points at', async () => {
    const outside = path.join(root, '..', `${path.basename(root)}-outside.yaml`);
    writeFileSync(outside, 'SECRET_TOKEN=abc123\n');
    try {
      for (const [link, target] of [['strategy/env.yaml', outside], ['data/zero.csv', '/dev/zero'], ['data/up', '../..']] as const) {
        symlinkSync(target, path.join(root, link));
        const { code, err } = await check();
        rmSync(path.join(root, link));
        expect(code, link).toBe(2);
        expect(err, link).toMatch(new RegExp(`^goalpost: ${path.join(root, link).replace(/[/.]/g, '\\$&')}: it is a symbolic link to .*, outside the workspace .*, and Goalpost reads nothing outside it\n$`));
        expect(err).not.toContain('SECRET');
      }
    } finally {
      rmSync(outside);
    }
  });

  it('refuses a data/ folder that is a link out of the workspace', async () => {
    rmSync(path.join(root, 'data'), { recursive: true });
    symlinkSync(os.tmpdir(), path.join(root, 'data'));
    const { code, err } = await check();
    expect(code).toBe(2);
    expect(err).toMatch(/^goalpost: .*\/data: it leads to .*, outside the workspace .*, and Goalpost reads nothing outside it\n$/);
  });

  it('makes an unreadable data/ folder a one-line exit 2 naming it', async () => {
    rmSync(path.join(root, 'data'), { recursive: true });
    writeFileSync(path.join(root, 'data'), 'not a folder');
    const { code, err } = await check();
    expect(code).toBe(2);
    expect(err).toBe(`goalpost: ${path.join(root, 'data')}: a part of its path is a file, not a folder\n`);
  });
});

// Permission bits do not stop root, so as root the check runs as `nobody`.
const asRoot = process.getuid?.() === 0;
const canSwitchUser = asRoot && spawnSync('setpriv', ['--version']).status === 0;

describe.runIf(!asRoot || canSwitchUser)('a folder without read permission', () => {
  it('is a finding in data/ and in strategy/, the rest still checked', () => {
    mkdirSync(path.join(root, 'data', 'private'));
    mkdirSync(path.join(root, 'strategy', 'private'));
    chmodSync(path.join(root, 'data', 'private'), 0);
    chmodSync(path.join(root, 'strategy', 'private'), 0);
    chmodSync(root, 0o755);
    const command = [process.execPath, BIN, 'check', '--root', root, '--format', 'json'];
    const run = asRoot ? spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', '--', ...command], { encoding: 'utf8' }) : spawnSync(command[0]!, command.slice(1), { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
    const findings = JSON.parse(run.stdout).diagnostics as { file: string; message: string }[];
    expect(findings.map((d) => [d.file, d.message])).toEqual([
      ['data/private', 'the file could not be read: permission denied'],
      ['strategy/private', 'the file could not be read: permission denied'],
    ]);
  });
});
