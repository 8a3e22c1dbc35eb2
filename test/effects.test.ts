import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeFileSystem } from '../src/effects.ts';
import { loadStrategy } from '../src/parse/load-strategy.ts';

describe('nodeFileSystem.listFiles', () => {
  let root: string;
  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'goalpost-list-'));
    await mkdir(path.join(root, 'elsewhere', 'sla'), { recursive: true });
    await mkdir(path.join(root, 'data', 'surveys'), { recursive: true });
    await writeFile(path.join(root, 'elsewhere', 'sla', 'adherence.csv'), 'period,x\n');
    await writeFile(path.join(root, 'elsewhere', 'monthly.csv'), 'period,x\n');
    await writeFile(path.join(root, 'data', 'weekly.CSV'), 'period,x\n');
    await writeFile(path.join(root, 'data', '.hidden.csv'), 'period,x\n');
    await writeFile(path.join(root, 'data', 'notes.txt'), '');
    await symlink(path.join(root, 'elsewhere', 'sla'), path.join(root, 'data', 'sla'));
    await symlink(path.join(root, 'elsewhere', 'monthly.csv'), path.join(root, 'data', 'surveys', 'monthly.csv'));
    await symlink(path.join(root, 'missing.csv'), path.join(root, 'data', 'broken.csv'));
    await symlink('..', path.join(root, 'data', 'surveys', 'up'));
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  it('follows links to files and folders, lists a broken link, and ends a link cycle', async () => {
    expect(await nodeFileSystem.listFiles(path.join(root, 'data'), ['.csv'])).toEqual(['broken.csv', 'sla/adherence.csv', 'surveys/monthly.csv', 'weekly.CSV']);
  });

  it('lists nothing for a missing folder', async () => {
    expect(await nodeFileSystem.listFiles(path.join(root, 'nowhere'), ['.csv'])).toEqual([]);
  });

  it('makes a broken link in strategy/ a file-unreadable finding, not a crash', async () => {
    await mkdir(path.join(root, 'strategy'));
    await symlink(path.join(root, 'missing.yaml'), path.join(root, 'strategy', 'goals.yaml'));
    const loaded = await loadStrategy(nodeFileSystem, root);
    expect(loaded.findings).toEqual([
      expect.objectContaining({ code: 'file-unreadable', file: 'strategy/goals.yaml', line: 1, message: expect.stringContaining('nothing exists at its path') }),
    ]);
  });
});
