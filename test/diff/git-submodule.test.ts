// `goalpost diff` on a workspace whose strategy/ is a git submodule: both sides are read at the
// submodule commit each revision records, as `check` reads the checkout. It used to find no
// strategy file at all in the base ("the base has no strategy files", exit 0).
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRepo, DIFF_FIXTURE, type TempRepo } from './git-repo.ts';
import { itemOf, runDiff, runDiffJson } from './run-diff.ts';

const GIT_ENV = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: os.devNull, GIT_AUTHOR_DATE: '2026-06-01T00:00:00Z', GIT_COMMITTER_DATE: '2026-06-01T00:00:00Z' };
const IDENTITY = ['-c', 'user.email=test@example.com', '-c', 'user.name=Test', '-c', 'protocol.file.allow=always'];
const git = (cwd: string, ...args: string[]) => execFileSync('git', [...IDENTITY, ...args], { cwd, env: GIT_ENV, encoding: 'utf8' }).trim();

let upstream: string;
let repo: TempRepo;

beforeEach(() => {
  // The strategy's own repository, then the workspace repository with it as strategy/.
  upstream = mkdtempSync(path.join(os.tmpdir(), 'goalpost-strategy-'));
  cpSync(path.join(DIFF_FIXTURE, 'strategy'), upstream, { recursive: true });
  git(upstream, 'init', '-q', '-b', 'main');
  git(upstream, 'add', '-A');
  git(upstream, 'commit', '-q', '--no-gpg-sign', '-m', 'strategy');
  repo = createRepo({ subfolder: 'ws' });
  repo.git('rm', '-r', '-q', 'ws/strategy');
  git(repo.dir, 'submodule', 'add', '-q', upstream, 'ws/strategy');
  repo.commit('strategy as a submodule');
});

afterEach(() => {
  repo.cleanup();
  rmSync(upstream, { recursive: true, force: true });
});

/** Commits a change inside the submodule's checkout, then records its new commit in the workspace. */
function changeStrategy(from: string, to: string): void {
  repo.edit('strategy/goals.yaml', from, to);
  const checkout = path.join(repo.root, 'strategy');
  git(checkout, 'commit', '-q', '--no-gpg-sign', '-am', 'lower the bar');
  repo.commit('move the strategy submodule');
}

describe('goalpost diff with strategy/ in a submodule', () => {
  it('reads both revisions through the commits they record for the submodule', async () => {
    changeStrategy('target: { value: 4, date: 2026-09-30 }', 'target: { value: 4.5, date: 2026-09-30 }');
    const diff = await runDiffJson(repo, ['HEAD~1', 'HEAD']);
    expect(diff.base).toMatchObject({ errors: 0, strategyFiles: 6 });
    expect(diff.head).toMatchObject({ errors: 0, strategyFiles: 6 });
    expect(diff.items.map((item) => item.id)).toEqual(['frt-org']);
    expect(itemOf(diff, 'Goal', 'frt-org').changes.map((change) => change.code)).toContain('less-ambitious');
  });

  it('compares a commit with the working tree, submodule checkout included', async () => {
    changeStrategy('target: { value: 4, date: 2026-09-30 }', 'target: { value: 4.5, date: 2026-09-30 }');
    const diff = await runDiffJson(repo, ['HEAD~1']);
    expect(diff.base.strategyFiles).toBe(6);
    expect(diff.items.map((item) => item.id)).toEqual(['frt-org']);
  });

  it('says in one line when the submodule is not checked out', async () => {
    const clone = mkdtempSync(path.join(os.tmpdir(), 'goalpost-clone-'));
    try {
      git(clone, 'clone', '-q', repo.dir, 'repo');
      const cloned = { ...repo, root: path.join(clone, 'repo', 'ws') };
      const run = await runDiff(cloned, ['HEAD', 'HEAD']);
      expect(run.code).toBe(2);
      expect(run.err).toMatch(/^goalpost: ws\/strategy is a git submodule that is not checked out here, so its files at that revision cannot be read\nhint: Check it out first: `git submodule update --init`/);
    } finally {
      rmSync(clone, { recursive: true, force: true });
    }
  });
});
