// `goalpost diff` and git: which revisions it compares, how it refuses bad ones, a base that
// does not parse, a workspace in a subfolder, a shallow clone, and --fail-on exit codes.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createRepo, type TempRepo } from './git-repo.ts';
import { itemOf, runDiff, runDiffJson } from './run-diff.ts';

const repos: TempRepo[] = [];
const newRepo = (options?: Parameters<typeof createRepo>[0]) => {
  const repo = createRepo(options);
  repos.push(repo);
  return repo;
};
afterEach(() => {
  for (const repo of repos.splice(0)) repo.cleanup();
});

const GOALS = 'strategy/goals.yaml';
const LOWER_AMBITION = ['target: { value: 4, date: 2026-09-30 }', 'target: { value: 4.5, date: 2026-09-30 }'] as const;

describe('goalpost diff: revisions', () => {
  it('compares two commits, ignoring the working tree', async () => {
    const repo = newRepo();
    repo.edit(GOALS, ...LOWER_AMBITION);
    repo.commit('lower the bar');
    repo.edit(GOALS, 'title: Raise CSAT to 90 %', 'title: Uncommitted');
    const diff = await runDiffJson(repo, ['HEAD~1', 'HEAD']);
    expect(diff.items.map((i) => i.id)).toEqual(['frt-org']);
    expect(diff.base).toMatchObject({ label: 'HEAD~1', errors: 0 });
    expect(diff.head).toMatchObject({ label: 'HEAD', commit: repo.git('rev-parse', 'HEAD') });
  });

  it('defaults to the merge base with main and the working tree', async () => {
    const repo = newRepo();
    repo.git('checkout', '-q', '-b', 'feature');
    repo.edit(GOALS, ...LOWER_AMBITION);
    repo.commit('feature work');
    repo.git('checkout', '-q', 'main');
    repo.edit('strategy/hiring.yaml', 'hires: 2', 'hires: 5');
    repo.commit('main moves on');
    repo.git('checkout', '-q', 'feature');
    const diff = await runDiffJson(repo);
    expect(diff.base.label).toBe('merge base with main');
    expect(diff.head.label).toBe('working tree');
    // main's later hiring change is not part of this branch's change.
    expect(diff.items.map((i) => i.id)).toEqual(['frt-org']);
  });

  it('explains when there is no default branch', async () => {
    const repo = newRepo();
    repo.git('branch', '-m', 'trunk');
    const run = await runDiff(repo);
    expect(run.code).toBe(2);
    expect(run.err).toContain('found no default branch to compare with (origin/HEAD, main or master)');
    expect(run.err).toContain('hint: Pass the base revision');
  });

  it('explains when the workspace is not in a git repository', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'goalpost-nogit-'));
    try {
      const run = await runDiff({ root: dir } as TempRepo, ['HEAD']);
      expect(run.code).toBe(2);
      expect(run.err).toContain(`${dir} is not inside a git repository`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses an option-like revision and an unknown one, with exit 2', async () => {
    const repo = newRepo();
    for (const revision of ['--output=/tmp/x', '-n1']) {
      const run = await runDiff(repo, ['--', revision]);
      expect(run.code).toBe(2);
      expect(run.err).toContain(`refusing the revision "${revision}": it looks like an option`);
    }
    const unknown = await runDiff(repo, ['no-such-branch']);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('"no-such-branch" does not name a commit');
    const tree = await runDiff(repo, ['HEAD^{tree}']);
    expect(tree.code).toBe(2);
  });

  it('reports a base that does not parse instead of crashing, and still compares what parses', async () => {
    const repo = newRepo();
    repo.edit(GOALS, 'title: Raise CSAT to 90 %', 'title: [Raise CSAT');
    repo.edit('strategy/hiring.yaml', 'hires: 2', 'hires: 3');
    const broken = repo.commit('broken base');
    repo.edit(GOALS, 'title: [Raise CSAT', 'title: Raise CSAT to 90 %');
    repo.edit('strategy/hiring.yaml', 'hires: 3', 'hires: 4');
    const diff = await runDiffJson(repo, [broken]);
    expect(diff.code).toBe(0);
    expect(diff.base).toMatchObject({ errors: 1, comparable: true });
    expect(diff.base.firstErrors[0]).toMatchObject({ code: 'yaml-syntax', file: GOALS });
    // The broken goal is not "added": it cannot be compared. Its neighbours in the file still are.
    expect(diff.items.map((i) => i.id)).toEqual(['csat-up', 'tier1-agent']);
    expect(itemOf(diff, 'Goal', 'csat-up')).toMatchObject({ change: 'invalid', changes: [{ code: 'invalid', message: 'not compared: it has errors in the base strategy' }] });
    expect(itemOf(diff, 'HiringProfile', 'tier1-agent').changes[0]!.code).toBe('headcount-changed');
    const markdown = (await runDiff(repo, [broken])).out;
    expect(markdown).toContain(`The base strategy (${broken}) does not pass check: 1 error. Items with errors are left out; the rest is compared.`);
    expect(markdown).toContain('> - `strategy/goals.yaml:');
  });

  it('does not report references to an item with errors as removed: nobody touched them', async () => {
    const repo = newRepo();
    const base = repo.git('rev-parse', 'HEAD');
    // frt-org breaks, so the head's model drops frt-tier1's parent; frt-tier1 is supported by tier1-agent.
    repo.edit(GOALS, 'owner: ana\nkpi: frt', 'ownr: ana\nkpi: frt');
    repo.edit('strategy/hiring.yaml', 'hires: 2', 'hires: 3');
    const parentBroken = await runDiffJson(repo, [base]);
    expect(parentBroken.items.map((i) => [i.id, i.changes.map((c) => c.code)])).toEqual([
      ['frt-org', ['invalid']],
      ['tier1-agent', ['headcount-changed']],
    ]);
    repo.edit(GOALS, 'ownr: ana\nkpi: frt', 'owner: ana\nkpi: frt');
    repo.edit(GOALS, 'owner: ben', 'ownr: ben');
    const supportedBroken = await runDiffJson(repo, [base]);
    expect(supportedBroken.items.map((i) => [i.id, i.changes.map((c) => c.code)])).toEqual([
      ['frt-tier1', ['invalid']],
      ['tier1-agent', ['headcount-changed']],
    ]);
  });

  it('says so when a side has no usable workspace, without comparing items', async () => {
    const repo = newRepo();
    repo.edit('strategy/workspace.yaml', 'kind: Workspace', 'kind: Workspac');
    const broken = repo.commit('no workspace');
    repo.edit('strategy/workspace.yaml', 'kind: Workspac', 'kind: Workspace');
    const diff = await runDiffJson(repo, [broken]);
    expect(diff.summary).toBe('Strategies not compared: one side does not pass check');
    expect(diff.base.comparable).toBe(false);
    expect(diff.items).toEqual([]);
    expect((await runDiff(repo, [broken])).out).toContain('It has no usable Workspace, so nothing is compared item by item.');
  });

  it('shows everything as added when the base has no strategy yet', async () => {
    const repo = newRepo();
    repo.git('rm', '-r', '-q', 'strategy');
    const empty = repo.commit('before goalpost');
    repo.git('checkout', '-q', 'HEAD~1', '--', 'strategy');
    const diff = await runDiffJson(repo, [empty]);
    expect(diff.base).toMatchObject({ strategyFiles: 0, comparable: true });
    expect(diff.summary).toBe('1 workspace added; 3 KPIs added; 2 objectives added; 3 goals added; 2 channels added; 2 SLA policies added; 1 hiring profile added');
  });

  it('reads a workspace in a subfolder of the repository (--root)', async () => {
    const repo = newRepo({ subfolder: 'support/strategy-ws' });
    const base = repo.git('rev-parse', 'HEAD');
    repo.edit(GOALS, ...LOWER_AMBITION);
    const fromTop = await runDiff(repo, [base, '--root', 'support/strategy-ws', '--format', 'json'], repo.dir);
    expect(JSON.parse(fromTop.out).items.map((i: { id: string }) => i.id)).toEqual(['frt-org']);
    const fromInside = await runDiffJson(repo, [base]);
    expect(fromInside.items.map((i) => i.id)).toEqual(['frt-org']);
  });

  it('works in a shallow clone that has fetched only the base commit', async () => {
    const origin = newRepo();
    const base = origin.git('rev-parse', 'HEAD');
    origin.edit(GOALS, ...LOWER_AMBITION);
    origin.commit('change');
    const cloneDir = mkdtempSync(path.join(os.tmpdir(), 'goalpost-clone-'));
    try {
      const git = (...args: string[]) => execFileSync('git', args, { cwd: cloneDir, encoding: 'utf8' });
      git('clone', '-q', '--depth=1', `file://${origin.dir}`, '.');
      git('fetch', '-q', '--depth=1', 'origin', base);
      const clone = { ...origin, dir: cloneDir, root: cloneDir };
      const diff = await runDiffJson(clone, [base]);
      expect(diff.items.map((i) => [i.id, i.changes[0]!.code])).toEqual([['frt-org', 'less-ambitious']]);
    } finally {
      rmSync(cloneDir, { recursive: true, force: true });
    }
  });
});

describe('goalpost diff --fail-on', () => {
  it('exits 1 when a listed change occurs and names it', async () => {
    const repo = newRepo();
    const base = repo.git('rev-parse', 'HEAD');
    repo.edit(GOALS, ...LOWER_AMBITION);
    const run = await runDiff(repo, [base, '--fail-on', 'less-ambitious,slipped']);
    expect(run.code).toBe(1);
    expect(run.out).toContain('less ambitious');
    expect(run.err).toBe('goalpost: the change is less-ambitious (frt-org); it needs an explicit approval\n');
    expect((await runDiff(repo, [base, '--fail-on', 'slipped'])).code).toBe(0);
  });

  it('exits 0 for changes that are not listed', async () => {
    const repo = newRepo();
    const base = repo.git('rev-parse', 'HEAD');
    repo.edit(GOALS, 'target: { value: 4, date: 2026-09-30 }', 'target: { value: 3.5, date: 2026-09-30 }');
    expect((await runDiff(repo, [base, '--fail-on', 'less-ambitious,slipped'])).code).toBe(0);
  });

  it('fails closed: a goal that cannot be compared for its errors fails the gate, naming it', async () => {
    const repo = newRepo();
    const base = repo.git('rev-parse', 'HEAD');
    repo.edit(GOALS, 'owner: ana\nkpi: frt', 'ownr: ana\nkpi: frt');
    const run = await runDiff(repo, [base, '--fail-on', 'less-ambitious']);
    expect(run.code).toBe(1);
    expect(run.err).toBe('goalpost: 1 item could not be compared, having errors on one side (frt-org), so --fail-on cannot tell whether the change is less-ambitious; fix the errors (goalpost check), or approve the change as it is\n');
    // Without --fail-on, reading the diff still succeeds.
    expect((await runDiff(repo, [base])).code).toBe(0);
  });

  it('refuses an unknown change code with a suggestion', async () => {
    const repo = newRepo();
    const run = await runDiff(repo, ['HEAD', '--fail-on', 'less-ambitous']);
    expect(run.code).toBe(2);
    expect(run.err).toContain('--fail-on: unknown change "less-ambitous"; did you mean "less-ambitious"?');
  });
});
