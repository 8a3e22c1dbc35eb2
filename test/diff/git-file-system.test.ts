// The git-backed FileSystem must look exactly like the disk at that commit, so that the one
// pipeline parses both sides alike: same listing rules, same bytes, streams, sizes.
import { symlinkSync } from 'node:fs';
import path from 'node:path';
import { text } from 'node:stream/consumers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { nodeFileSystem } from '../../src/effects.ts';
import { gitFileSystem } from '../../src/diff/git-file-system.ts';
import { locateRepo } from '../../src/diff/git-revisions.ts';
import { createRepo, type TempRepo } from './git-repo.ts';

let repo: TempRepo;
beforeEach(() => {
  repo = createRepo({ subfolder: 'ws' });
  repo.write('strategy/.hidden/skip.yaml', 'kind: KPI\n');
  repo.write('strategy/node_modules/skip.yaml', 'kind: KPI\n');
  repo.write('strategy/deep/Ünïcode name.YAML', 'kind: KPI\n');
  repo.write('strategy/with\ttab.yml', 'a: 1\n');
  repo.write('strategy/notes.txt', 'not yaml\n');
  symlinkSync('goals.yaml', path.join(repo.root, 'strategy', 'link.yaml'));
  repo.write('data/big.csv', `period,frt\n${'2026-04,5\n'.repeat(50_000)}`);
  repo.commit('layout');
});
afterEach(() => repo.cleanup());

describe('gitFileSystem', () => {
  it('lists, reads and sizes files as the disk does', async () => {
    const location = await locateRepo(repo.root);
    expect(location.prefix).toBe('ws');
    const fs = gitFileSystem(location, repo.root, repo.git('rev-parse', 'HEAD'));
    const dir = path.join(repo.root, 'strategy');
    const listed = await fs.listFiles(dir, ['.yaml', '.yml']);
    // The disk lists the symlink only through its target; git must not list it at all.
    expect(listed).toEqual((await nodeFileSystem.listFiles(dir, ['.yaml', '.yml'])).filter((f) => f !== 'link.yaml'));
    expect(listed).toContain('deep/Ünïcode name.YAML');
    expect(listed).toContain('with\ttab.yml');
    for (const file of listed) {
      const full = path.join(dir, file);
      expect(Buffer.from(await fs.readFile(full))).toEqual(Buffer.from(await nodeFileSystem.readFile(full)));
      expect(await fs.fileSize(full)).toBe(await nodeFileSystem.fileSize(full));
    }
  });

  it('streams large files and answers exists for files, folders and paths outside the workspace', async () => {
    const fs = gitFileSystem(await locateRepo(repo.root), repo.root, repo.git('rev-parse', 'HEAD'));
    const csv = path.join(repo.root, 'data', 'big.csv');
    expect(await text(fs.createReadStream(csv))).toBe(repo.read('data/big.csv'));
    expect(await fs.exists(csv)).toBe(true);
    expect(await fs.exists(path.join(repo.root, 'strategy'))).toBe(true);
    expect(await fs.exists(path.join(repo.root, 'missing.yaml'))).toBe(false);
    expect(await fs.exists(path.join(repo.dir, 'outside.yaml'))).toBe(false);
    await expect(fs.readFile(path.join(repo.root, 'missing.yaml'))).rejects.toMatchObject({ code: 'ENOENT' });
    await expect(fs.writeFile(path.join(repo.root, 'x.yaml'), '')).rejects.toThrow('read-only');
  });

  it('reads the commit, not the working tree', async () => {
    const commit = repo.git('rev-parse', 'HEAD');
    repo.edit('strategy/goals.yaml', 'id: frt-org', 'id: frt-changed');
    const fs = gitFileSystem(await locateRepo(repo.root), repo.root, commit);
    const goals = new TextDecoder().decode(await fs.readFile(path.join(repo.root, 'strategy', 'goals.yaml')));
    expect(goals).toContain('id: frt-org');
  });
});
