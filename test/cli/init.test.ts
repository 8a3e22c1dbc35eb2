// `goalpost init` makes a folder a strategy repository (workspace, package.json, .gitignore, CI
// workflow) and never overwrites a file; pointed at something it cannot make a workspace in, it
// says so in one line (exit 2), never an internal error.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { toolVersion } from '../../src/cli/version.ts';
import { nodeFileSystem } from '../../src/effects.ts';
import { memoryEffects } from '../helpers/memory-fs.ts';

let tmp: string;
beforeEach(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'goalpost-init-'));
});
afterEach(() => rmSync(tmp, { recursive: true, force: true }));

async function run(args: string[], cwd = tmp) {
  const effects = memoryEffects(nodeFileSystem, { cwd, today: '2026-11-23' });
  const code = await main(args, effects);
  return { code, out: effects.out(), err: effects.err() };
}
const init = (dir: string, ...options: string[]) => run(['init', dir, ...options]);
const read = (file: string) => readFileSync(path.join(tmp, file), 'utf8');
const write = (file: string, text: string) => {
  mkdirSync(path.dirname(path.join(tmp, file)), { recursive: true });
  writeFileSync(path.join(tmp, file), text);
};
const manifest = (file: string) => JSON.parse(read(file)) as { private: boolean; scripts: Record<string, string>; devDependencies: Record<string, string> };

describe('goalpost init', () => {
  it('writes a workspace into a new folder', async () => {
    const { code, out } = await init('ours');
    expect(code).toBe(0);
    expect(out).toMatch(/^Created a workspace in /);
    expect(read('ours/strategy/workspace.yaml')).toMatch(/kind: Workspace/);
  });

  it('writes package.json with Goalpost as a devDependency and the check, build and dev scripts', async () => {
    await init('ours');
    expect(manifest('ours/package.json')).toEqual({
      private: true,
      description: expect.any(String),
      scripts: { check: 'goalpost check', build: 'goalpost build', dev: 'goalpost dev' },
      devDependencies: { goalpost: `^${toolVersion()}` },
    });
  });

  it('writes a .gitignore for the built site, its work folder and node_modules', async () => {
    await init('ours');
    const entries = read('ours/.gitignore').split('\n').filter((line) => line && !line.startsWith('#'));
    expect(entries).toEqual(['dist/', '.goalpost-tmp-*/', 'node_modules/']);
  });

  it("writes the repository's own CI workflow", async () => {
    await init('ours');
    expect(read('ours/.github/workflows/strategy.yml')).toBe(readFileSync(path.join(import.meta.dirname, '..', '..', '.github', 'workflows', 'strategy.yml'), 'utf8'));
  });

  it('lists what it wrote and what to run next', async () => {
    const { out } = await init('ours');
    expect(out).toBe(
      [
        `Created a workspace in ${path.join(tmp, 'ours')}:`,
        '  strategy/workspace.yaml',
        '  strategy/kpis.yaml',
        '  strategy/objectives.yaml',
        '  strategy/goals.yaml',
        '  strategy/service.yaml',
        '  schema/goalpost.v1.json',
        `  package.json (Goalpost from ^${toolVersion()}, as a devDependency)`,
        '  .gitignore',
        '  .github/workflows/strategy.yml',
        '  data/ (put metric CSV exports here)',
        '',
        'Next:',
        '  cd ours',
        '  npm install        (commit the package-lock.json it writes: the workflow caches packages by it)',
        '  npx goalpost check',
        '',
        `If npm cannot find goalpost in its registry, point devDependencies.goalpost in package.json at a git URL or a tarball: see "Add Goalpost to a repository" in Goalpost's README.`,
        '',
      ].join('\n'),
    );
  });

  it('warns when the workflow lands below the repository\'s top, or the package lies outside the repository', async () => {
    mkdirSync(path.join(tmp, 'repo', '.git'), { recursive: true });
    mkdirSync(path.join(tmp, 'vendor'), { recursive: true });
    writeFileSync(path.join(tmp, 'vendor', 'goalpost-0.1.0.tgz'), '');
    const inside = await run(['init', 'support', '--package', '../vendor/goalpost-0.1.0.tgz'], path.join(tmp, 'repo'));
    expect(inside.code).toBe(0);
    expect(inside.err).toContain(`GitHub reads workflows only from ${path.join(tmp, 'repo', '.github', 'workflows')}: move .github/workflows/strategy.yml there, and add \`--root support\``);
    expect(inside.err).toContain(`--package ${path.join(tmp, 'vendor', 'goalpost-0.1.0.tgz')} is outside the repository at ${path.join(tmp, 'repo')}`);
    const top = await run(['init', '.'], path.join(tmp, 'repo'));
    expect(top).toMatchObject({ code: 0, err: '' });
  });

  it('warns when a --package path has nothing at it yet, and not when it has', async () => {
    const missing = await init('ours', '--package', 'vendor/goalpost-9.9.9.tgz');
    expect(missing.code).toBe(0);
    expect(missing.err).toContain('--package vendor/goalpost-9.9.9.tgz: there is nothing at');
    mkdirSync(path.join(tmp, 'vendor'), { recursive: true });
    writeFileSync(path.join(tmp, 'vendor', 'goalpost-0.1.0.tgz'), '');
    const there = await init('theirs', '--package', 'vendor/goalpost-0.1.0.tgz');
    expect(there.err).toBe('');
  });

  it.each([
    ['a git URL, as written', 'git+https://github.com/acme/goalpost.git#v0.1.0', 'git+https://github.com/acme/goalpost.git#v0.1.0'],
    ['npm install syntax, without the name', 'goalpost@github:acme/goalpost#v0.1.0', 'github:acme/goalpost#v0.1.0'],
    ['a tarball path from here, relative to package.json', 'vendor/goalpost-0.1.0.tgz', 'file:../vendor/goalpost-0.1.0.tgz'],
    ['a clone beside it', '../goalpost', 'file:../../goalpost'],
    ['an absolute path', '/opt/goalpost-0.1.0.tgz', null],
  ])('takes --package as %s', async (_what, given, written) => {
    const { code, out } = await init('ours', '--package', given);
    expect(code).toBe(0);
    // An absolute path is written relative to the new folder, which is known only now.
    const expected = written ?? `file:${path.relative(path.join(tmp, 'ours'), given)}`;
    expect(manifest('ours/package.json').devDependencies).toEqual({ goalpost: expected });
    expect(out).toContain(`package.json (Goalpost from ${expected}, as a devDependency)`);
    expect(out).not.toContain('If npm cannot find goalpost');
  });

  it('refuses an empty --package in one line', async () => {
    const { code, err } = await init('ours', '--package', ' ');
    expect(code).toBe(2);
    expect(err).toMatch(/^goalpost: --package takes what npm installs Goalpost from, not " "\nhint: For example/);
    expect(existsSync(path.join(tmp, 'ours'))).toBe(false);
  });

  it('adds itself to an existing repository, leaving its package.json and .gitignore as they are and saying what to add', async () => {
    const packageJson = '{\n  "name": "support-ops",\n  "scripts": { "build": "make" },\n  "devDependencies": { "prettier": "^3.0.0" }\n}\n';
    write('package.json', packageJson);
    write('.gitignore', '/dist\n*.log\n');
    write('README.md', '# Support\n');
    const { code, out } = await run(['init']);
    expect(code).toBe(0);
    expect(read('package.json')).toBe(packageJson);
    expect(read('.gitignore')).toBe('/dist\n*.log\n');
    expect(read('README.md')).toBe('# Support\n');
    expect(out).toContain(
      [
        '  .github/workflows/strategy.yml',
        '  data/ (put metric CSV exports here)',
        'Left alone, as they exist already:',
        `  package.json: run npm install --save-dev goalpost@^${toolVersion()}, and add the scripts "check": "goalpost check" and "dev": "goalpost dev"`,
        '  .gitignore: add .goalpost-tmp-*/ and node_modules/',
        '',
        'Next:',
        '  npm install',
      ].join('\n'),
    );
    expect((await run(['check', '--strict'])).code).toBe(0);
  });

  it('names an existing file that lacks nothing without advice', async () => {
    write('package.json', JSON.stringify({ dependencies: { goalpost: 'file:../goalpost.tgz' }, scripts: { check: 'x', build: 'y', dev: 'z' } }));
    write('.gitignore', 'dist\nnode_modules/\n.goalpost-tmp-*\n');
    const { out } = await run(['init']);
    expect(out).toContain('Left alone, as they exist already:\n  package.json\n  .gitignore\n\nNext:');
  });

  it('says when an existing package.json is not JSON, and leaves it', async () => {
    write('package.json', '{ "name": ');
    const { code, out } = await run(['init']);
    expect(code).toBe(0);
    expect(out).toContain(`  package.json: it is not valid JSON, so add Goalpost once it is: npm install --save-dev goalpost@^${toolVersion()}`);
    expect(read('package.json')).toBe('{ "name": ');
  });

  it('writes no starter strategy beside a strategy that is there, and the rest of the repository files', async () => {
    write('strategy/ours.yaml', 'kind: Workspace\nid: ours\n');
    const { code, out } = await run(['init']);
    expect(code).toBe(0);
    expect(out).toMatch(/^Added to /);
    expect(out).toContain('  strategy/ (1 YAML file): strategy/ holds a strategy, so the starter strategy was not written');
    expect(existsSync(path.join(tmp, 'strategy', 'goals.yaml'))).toBe(false);
    expect(read('strategy/ours.yaml')).toBe('kind: Workspace\nid: ours\n');
    for (const file of ['package.json', '.gitignore', '.github/workflows/strategy.yml', 'schema/goalpost.v1.json']) expect(existsSync(path.join(tmp, file)), file).toBe(true);
  });

  it('writes nothing, exit 2, when every file is there already', async () => {
    await init('ours');
    write('ours/strategy/goals.yaml', 'kind: Goal\n');
    const again = await init('ours');
    expect(again.code).toBe(2);
    expect(again.out).toBe('');
    expect(again.err).toBe(
      `goalpost: ${path.join(tmp, 'ours')} already has strategy/workspace.yaml, strategy/kpis.yaml, strategy/objectives.yaml, strategy/goals.yaml, strategy/service.yaml, schema/goalpost.v1.json, package.json, .gitignore, .github/workflows/strategy.yml; nothing was written\nhint: Run init in an empty folder, or pass a new DIR.\n`,
    );
    expect(read('ours/strategy/goals.yaml')).toBe('kind: Goal\n');
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
