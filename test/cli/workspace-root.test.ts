// Which workspace a command works on without --root: the nearest folder holding strategy/, from
// the current folder upwards, as git finds its repository; --root always wins.
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { main } from '../../src/cli/main.ts';
import { nodeFileSystem } from '../../src/effects.ts';
import { createRepo } from '../diff/git-repo.ts';
import { memoryEffects, memoryFileSystem } from '../helpers/memory-fs.ts';
import { readFixture } from '../helpers/workspace-fixture.ts';

const valid = readFixture('valid');

/** The valid fixture at /repo/ws, and another workspace (one broken goal) inside it at /repo/ws/sub. */
const files = {
  ...Object.fromEntries(Object.entries(valid).map(([file, text]) => [`ws/${file}`, text])),
  'ws/strategy/notes/readme.txt': 'a folder inside strategy/',
  'ws/sub/strategy/goals.yaml': 'kind: Goal\nid: lonely\n',
};

async function run(args: string[], cwd: string) {
  const effects = memoryEffects(memoryFileSystem(files, '/repo'), { cwd });
  const code = await main(args, effects);
  return { code, out: effects.out(), err: effects.err() };
}

describe('the workspace root', () => {
  it.each([
    ['the root itself', '/repo/ws'],
    ['strategy/', '/repo/ws/strategy'],
    ['a folder inside strategy/', '/repo/ws/strategy/notes'],
    ['data/', '/repo/ws/data'],
  ])('is found from %s', async (_where, cwd) => {
    const { code, out, err } = await run(['check', '--strict'], cwd);
    expect(err).toBe('');
    expect(out).toBe('No problems found.\n');
    expect(code).toBe(0);
  });

  it('is the nearest folder holding strategy/', async () => {
    const { code, out } = await run(['check', '--format', 'json'], '/repo/ws/sub/strategy');
    expect(code).toBe(1);
    expect(out).toContain('"file": "strategy/goals.yaml"');
    expect(out).not.toContain('"file": "strategy/workspace.yaml"');
  });

  it('is --root when given, from wherever the command runs', async () => {
    expect((await run(['check', '--root', '../sub'], '/repo/ws/strategy')).code).toBe(1);
    expect((await run(['check', '--root', '../..'], '/repo/ws/strategy')).err).toMatch(/^goalpost: \/repo has no strategy\/ folder\n/);
  });

  it('names the folder searched from when no folder above holds strategy/', async () => {
    const { code, err } = await run(['status'], '/repo');
    expect(code).toBe(2);
    expect(err).toBe(
      'goalpost: there is no strategy/ folder in /repo or any folder above it\nhint: Run goalpost in the folder that holds strategy/ (or in a folder below it), pass --root DIR, or create one with `goalpost init`.\n',
    );
  });

  it('gives preview the site under the root found', async () => {
    const { code, err } = await run(['preview'], '/repo/ws/strategy');
    expect(code).toBe(2);
    expect(err).toMatch(/^goalpost: there is no built site in \/repo\/ws\/dist\n/);
  });

  it('gives diff the strategy of the root found, read from git', async () => {
    const repo = createRepo();
    try {
      const base = repo.git('rev-parse', 'HEAD');
      repo.edit('strategy/service.yaml', 'firstResponse: 30m', 'firstResponse: 1h');
      const effects = memoryEffects(nodeFileSystem, { cwd: path.join(repo.root, 'strategy') });
      expect(await main(['diff', base, '--format', 'json', '--fail-on', 'relaxed'], effects)).toBe(1);
      expect(effects.out()).toContain('"first response relaxed from 30m to 1h"');
    } finally {
      repo.cleanup();
    }
  });
});
