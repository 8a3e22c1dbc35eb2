// `goalpost check` run in-process with fake effects: output, exit codes, and the paths a
// new user takes (a broken target in CI, a typo'd flag, a wrong --root).
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { memoryEffects, memoryFileSystem } from '../helpers/memory-fs.ts';
import { editFixture, readFixture } from '../helpers/workspace-fixture.ts';

const valid = readFixture('valid');

async function run(args: string[], files: Record<string, string> = valid, env: Record<string, string> = {}) {
  const fs = memoryFileSystem(files);
  const effects = memoryEffects(fs, { env });
  const code = await main(args, effects);
  return { code, out: effects.out(), err: effects.err(), fs };
}

describe('goalpost check', () => {
  it('exits 0 on a clean workspace', async () => {
    const { code, out } = await run(['check']);
    expect(code).toBe(0);
    expect(out).toBe('No problems found.\n');
  });

  it('exits 1 and names the line when a goal loses its measurable target', async () => {
    const broken = editFixture(valid, 'strategy/goals.yaml', (t) => t.replace('target: { value: 3.5, date: 2026-09-30 }', 'target: { date: 2026-09-30 }'));
    const { code, out } = await run(['check', '--format', 'github'], broken);
    expect(code).toBe(1);
    expect(out).toMatch(/^::error file=strategy\/goals.yaml,line=20,col=1,title=goalpost goal-target-missing::/);
  });

  it('fails on warnings only with --strict', async () => {
    const orphan = editFixture(valid, 'strategy/goals.yaml', (t) => t.replace('objective: loyal\nowner: ana\nkpi: csat', 'owner: ana\nkpi: csat'));
    expect((await run(['check'], orphan)).code).toBe(0);
    expect((await run(['check', '--strict'], orphan)).code).toBe(1);
  });

  it('names files from the repository\'s top for GitHub when run in a folder inside it', async () => {
    const broken = editFixture(valid, 'strategy/goals.yaml', (t) => t.replace('owner: ben', 'owner: benn'));
    const fs = memoryFileSystem(broken, '/repo/support');
    await fs.writeFile('/repo/.git/HEAD', 'ref: refs/heads/main\n');
    const effects = memoryEffects(fs, { cwd: '/repo/support/strategy' });
    expect(await main(['check', '--format', 'sarif'], effects)).toBe(1);
    expect(JSON.parse(effects.out()).runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe('support/strategy/goals.yaml');
  });

  it('prints json and sarif', async () => {
    expect(JSON.parse((await run(['check', '--format', 'json'])).out)).toEqual({ diagnostics: [], errors: 0, warnings: 0 });
    expect(JSON.parse((await run(['check', '--format', 'sarif'])).out).version).toBe('2.1.0');
  });

  it('names files from the folder it runs in for GitHub, so --root annotations land on the file', async () => {
    const broken = editFixture(valid, 'strategy/goals.yaml', (t) => t.replace('owner: ben', 'owner: benn'));
    const fs = memoryFileSystem(broken, '/repo/support');
    const inRepo = async (format: string) => {
      const effects = memoryEffects(fs, { cwd: '/repo' });
      expect(await main(['check', '--root', 'support', '--format', format], effects)).toBe(1);
      return effects.out();
    };
    expect(await inRepo('github')).toMatch(/^::error file=support\/strategy\/goals.yaml,line=16,col=8,/);
    const sarif = JSON.parse(await inRepo('sarif'));
    expect(sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe('support/strategy/goals.yaml');
    // json keeps the paths relative to the workspace root, as FORMAT.md gives them.
    expect(JSON.parse(await inRepo('json')).diagnostics[0].file).toBe('strategy/goals.yaml');
  });

  it('appends the full table to $GITHUB_STEP_SUMMARY', async () => {
    const broken = editFixture(valid, 'strategy/goals.yaml', (t) => t.replace('owner: ben', 'owner: benn'));
    const { fs } = await run(['check', '--format', 'github'], broken, { GITHUB_STEP_SUMMARY: '/tmp/summary.md' });
    expect(String(fs.files.get('/tmp/summary.md'))).toMatch(/\| error \| `ref-unknown` \| strategy\/goals.yaml:16:8 \|/);
  });

  it('says so on stderr when $GITHUB_STEP_SUMMARY cannot be written, and keeps the workspace\'s exit code', async () => {
    const fs = memoryFileSystem(valid);
    fs.appendFile = () => Promise.reject(Object.assign(new Error('permission denied'), { code: 'EACCES' }));
    const effects = memoryEffects(fs, { env: { GITHUB_STEP_SUMMARY: '/readonly/summary.md' } });
    const code = await main(['check', '--format', 'github'], effects);
    expect(code).toBe(0);
    expect(effects.err()).toBe('goalpost: the job summary was not written: GITHUB_STEP_SUMMARY names /readonly/summary.md, which cannot be written (EACCES)\n');
  });

  it('refuses an option given twice with two values, which would silently keep the last', async () => {
    const twice = await run(['check', '--format', 'json', '--format', 'sarif']);
    expect(twice.code).toBe(2);
    expect(twice.err).toContain('goalpost: --format is given twice, as json and sarif');
    expect((await run(['check', '--strict', '--strict'])).code).toBe(0);
    expect((await run(['check', '--format', 'json', '--format', 'json'])).code).toBe(0);
  });

  it('exits 2 with a message, not a stack trace, when the command cannot run', async () => {
    const badFlag = await run(['check', '--formt', 'json']);
    expect(badFlag.code).toBe(2);
    expect(badFlag.err).toBe('goalpost: unknown option --formt for `goalpost check`\nhint: Did you mean --format? Usage: goalpost check [--root DIR] [--format pretty|json|github|sarif] [--strict] [--as-of YYYY-MM-DD]\n');
    expect(badFlag.err).not.toMatch(/at .*\.ts:\d+/);
    expect((await run(['check', '--json'])).err).toContain('hint: Did you mean --format json?');
    const badFormat = await run(['check', '--format', 'xml']);
    expect(badFormat).toMatchObject({ code: 2 });
    expect(badFormat.err).toMatch(/unknown format "xml"/);
    const noRoot = await run(['check', '--root', '/nowhere']);
    expect(noRoot.code).toBe(2);
    expect(noRoot.err).toMatch(/does not exist/);
    const badDate = await run(['check', '--as-of', '30/06/2026']);
    expect(badDate.code).toBe(2);
    const noSuchDay = await run(['check', '--as-of', '2026-02-30']);
    expect(noSuchDay).toMatchObject({ code: 2, err: 'goalpost: --as-of 2026-02-30 is not a calendar date\n' });
  });

  it('answers --help, --version and unknown commands', async () => {
    expect((await run(['--help'])).out).toMatch(/Commands:\n.*check/s);
    expect((await run(['check', '--help'])).out).toMatch(/Usage: goalpost check/);
    expect((await run(['--version'])).out).toMatch(/^\d+\.\d+\.\d+\n$/);
    const unknown = await run(['chek']);
    expect(unknown.code).toBe(2);
  });
});

describe('goalpost init', () => {
  it('writes a workspace that passes check, and refuses to overwrite it', async () => {
    const fs = memoryFileSystem({});
    const effects = memoryEffects(fs, { today: '2026-11-23' });
    expect(await main(['init', 'new'], effects)).toBe(0);
    const goals = String(fs.files.get('/ws/new/strategy/goals.yaml'));
    expect(goals.split('\n')[0]).toBe('# yaml-language-server: $schema=../schema/goalpost.v1.json');
    expect(goals).toContain('date: 2026-11-23');
    expect(JSON.parse(String(fs.files.get('/ws/new/schema/goalpost.v1.json'))).$schema).toMatch(/draft-07/);
    const check = memoryEffects(fs);
    expect(await main(['check', '--root', 'new', '--strict'], check)).toBe(0);
    expect(check.out()).toBe('No problems found.\n');
    const again = memoryEffects(fs);
    expect(await main(['init', 'new'], again)).toBe(2);
    expect(again.err()).toMatch(/already has strategy\/workspace.yaml/);
  });
});

describe('the pipeline run of check', () => {
  it('finds the same diagnostics without working out progress, which it does not show', async () => {
    const { runPipeline } = await import('../../src/pipeline.ts');
    const broken = editFixture(valid, 'strategy/goals.yaml', (t) => t.replace('target: { value: 3.5, date: 2026-09-30 }', 'target: { date: 2026-09-30 }').replace('owner: ana', 'owner: anna'));
    for (const files of [valid, broken]) {
      const options = { root: '/ws', today: () => '2026-06-30' };
      const full = await runPipeline(memoryFileSystem(files), options);
      const lean = await runPipeline(memoryFileSystem(files), { ...options, progress: false });
      expect(full.progress).not.toBeNull();
      expect(lean.progress).toBeNull();
      expect(lean.diagnostics).toEqual(full.diagnostics);
      if (files === broken) expect(full.diagnostics.length).toBeGreaterThan(1);
    }
  });
});
