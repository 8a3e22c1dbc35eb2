// `goalpost init` pointed at something it cannot make a workspace in: a one-line exit 2 that
// names the folder and why, never an internal error.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { nodeFileSystem } from '../../src/effects.ts';
import { memoryEffects } from '../helpers/memory-fs.ts';

let tmp: string;
beforeEach(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'goalpost-init-'));
});
afterEach(() => rmSync(tmp, { recursive: true, force: true }));

async function init(dir: string) {
  const effects = memoryEffects(nodeFileSystem, { cwd: tmp });
  const code = await main(['init', dir], effects);
  return { code, out: effects.out(), err: effects.err() };
}

describe('goalpost init', () => {
  it('writes a workspace into a new folder', async () => {
    const { code, out } = await init('ours');
    expect(code).toBe(0);
    expect(out).toMatch(/^Created a workspace in /);
    expect(readFileSync(path.join(tmp, 'ours', 'strategy', 'workspace.yaml'), 'utf8')).toMatch(/kind: Workspace/);
  });

  it.each([['a file', 'notes.txt'], ['a folder inside a file', 'notes.txt/ours']])('refuses %s in one line', async (_what, dir) => {
    writeFileSync(path.join(tmp, 'notes.txt'), 'mine');
    const { code, err } = await init(dir);
    expect(code).toBe(2);
    expect(err).toBe(
      `goalpost: cannot create the workspace in ${path.join(tmp, dir)}: a file is in the way of a folder it needs (is DIR a file?)\nhint: Pass a folder that does not exist yet, or an empty one you can write to.\n`,
    );
    expect(readFileSync(path.join(tmp, 'notes.txt'), 'utf8')).toBe('mine');
  });
});
