// `goalpost init [DIR]`: make DIR a strategy repository: a small valid workspace to start from,
// package.json (Goalpost as a devDependency, and check, build and dev scripts), .gitignore and
// the CI workflow. It never overwrites a file: one that exists is left alone and named, with
// what to add to it by hand. The starter strategy is written only into a strategy/ that holds no
// YAML yet, since its documents belong together (a second Workspace would break a strategy).
// Nothing left to write is exit 2, and so is a DIR that is a file or a folder it may not write to.
import path from 'node:path';
import type { Effects, FileSystem } from '../../effects.ts';
import { addDays } from '../../util/dates.ts';
import { describeReadError } from '../../util/read-error.ts';
import { CliError } from '../cli-error.ts';
import type { Command } from '../command.ts';
import { gitignoreAdvice, packageJsonAdvice } from '../init-advice.ts';
import { repositoryTop } from '../repository-top.ts';
import { GITIGNORE, initTemplate, packageJson, SCHEMA_FILE } from '../init-template.ts';
import { STRATEGY_WORKFLOW, WORKFLOW_FILE } from '../init-workflow.ts';
import { toolVersion } from '../version.ts';
import { schemaJson } from './schema.ts';

/** Why a folder or file of the new workspace could not be made (DIR is a file, say). */
function whyNotWritten(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === 'EEXIST' || code === 'ENOTDIR') return 'a file is in the way of a folder it needs (is DIR a file?)';
  return describeReadError(error);
}

/** A spec with a scheme (`git+https:`, `github:`, `file:`; not a Windows drive letter). */
const hasScheme = (spec: string) => /^[a-z][a-z0-9+.-]+:/i.test(spec);
/** What npm reads as a folder or tarball on disk: `./x`, `../x`, `/x`, `x.tgz`. */
const isLocalPath = (spec: string) => !hasScheme(spec) && (/^\.{0,2}[\\/]|^\.{1,2}$|^[a-z]:[\\/]/i.test(spec) || /\.(tgz|tar\.gz|tar)$/i.test(spec));

/**
 * What package.json installs Goalpost from. Default: this version's range on the npm registry.
 * A path (to a tarball made by `npm pack`, or to a clone) is given from the current folder, as
 * the shell completes it, and written as npm reads it: `file:` and relative to package.json.
 */
export function goalpostSpec(value: unknown, cwd: string, root: string): string {
  if (value === undefined) return `^${toolVersion()}`;
  const given = String(value).trim().replace(/^goalpost@/, '');
  if (given === '' || /\s/.test(given)) {
    throw new CliError(`--package takes what npm installs Goalpost from, not "${String(value)}"`, 2, 'For example --package git+https://github.com/OWNER/goalpost.git#v0.1.0, or --package ../goalpost-0.1.0.tgz.');
  }
  if (!isLocalPath(given)) return given;
  return `file:${path.relative(root, path.resolve(cwd, given)).split(path.sep).join('/') || '.'}`;
}

/** The YAML under strategy/ that keeps the starter strategy out: the starter's own files if present, else a count. */
async function strategyThere(fs: FileSystem, root: string, starterFiles: readonly string[]): Promise<string[]> {
  if (!(await fs.exists(path.join(root, 'strategy')))) return [];
  const yaml = new Set((await fs.listFiles(path.join(root, 'strategy'), ['.yaml', '.yml'])).map((file) => `strategy/${file}`));
  if (yaml.size === 0) return [];
  const starter = starterFiles.filter((file) => yaml.has(file));
  return starter.length > 0 ? starter : [`strategy/ (${yaml.size} YAML file${yaml.size === 1 ? '' : 's'})`];
}

interface Skipped {
  file: string;
  /** What to add to it by hand; null when it lacks nothing Goalpost needs. */
  advice: string | null;
}

async function adviceFor(fs: FileSystem, root: string, file: string, spec: string): Promise<string | null> {
  const text = async () => new TextDecoder().decode(await fs.readFile(path.join(root, file)));
  if (file === 'package.json') return packageJsonAdvice(await text(), `goalpost@${spec}`);
  if (file === '.gitignore') return gitignoreAdvice(await text());
  if (file === SCHEMA_FILE) return `\`goalpost schema > ${SCHEMA_FILE}\` brings it up to date`;
  return null;
}

/** A path as a shell reads it: quoted when it holds anything but plain characters. */
const forShell = (text: string) => (/^[\w@%+=:,./-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`);

export const initCommand: Command = {
  name: 'init',
  summary: 'Start a strategy repository: a small valid workspace, package.json, .gitignore, CI workflow.',
  usage: 'goalpost init [DIR] [--package SPEC]',
  examples: [
    'goalpost init our-strategy && cd our-strategy && npm install && npx goalpost check',
    'goalpost init our-strategy --package git+https://github.com/OWNER/goalpost.git#v0.1.0',
    'goalpost init . --package ../goalpost/goalpost-0.1.0.tgz',
  ],
  maxPositionals: 1,
  options: [
    {
      name: 'package',
      type: 'string',
      value: 'SPEC',
      description: 'where package.json installs Goalpost from: a version range, a git URL, or a tarball or folder path (default: this version from the npm registry)',
    },
  ],
  async run({ effects, positionals, values }) {
    const root = path.resolve(effects.cwd, positionals[0] ?? '.');
    const spec = goalpostSpec(values.package, effects.cwd, root);
    // npm install would fail on a path with nothing at it: say so now (it may be made later).
    const local = values.package === undefined ? null : String(values.package).trim().replace(/^goalpost@/, '');
    if (local !== null && isLocalPath(local) && !(await effects.fs.exists(path.resolve(effects.cwd, local)))) {
      effects.stderr(`goalpost: --package ${local}: there is nothing at ${path.resolve(effects.cwd, local)} yet, so \`npm install\` will fail until there is (make it with \`npm pack\` in a clone of Goalpost)\n`);
    }
    const today = effects.today();
    const starter = initTemplate(today, addDays(today, 182));
    const repositoryFiles = { [SCHEMA_FILE]: schemaJson(), 'package.json': packageJson(spec), '.gitignore': GITIGNORE, [WORKFLOW_FILE]: STRATEGY_WORKFLOW };
    const toWrite: [string, string][] = [];
    const skipped: Skipped[] = [];
    let strategyHeld: string[];
    let dataThere: boolean;
    try {
      strategyHeld = await strategyThere(effects.fs, root, Object.keys(starter));
      for (const [file, content] of Object.entries(strategyHeld.length === 0 ? { ...starter, ...repositoryFiles } : repositoryFiles)) {
        if (await effects.fs.exists(path.join(root, file))) skipped.push({ file, advice: await adviceFor(effects.fs, root, file, spec) });
        else toWrite.push([file, content]);
      }
      dataThere = await effects.fs.exists(path.join(root, 'data'));
    } catch (error) {
      throw new CliError(`cannot create the workspace in ${root}: ${whyNotWritten(error)}`, 2, 'Pass a folder that does not exist yet, or an empty one you can write to.');
    }
    if (toWrite.length === 0) {
      throw new CliError(`${root} already has ${[...strategyHeld, ...skipped.map((s) => s.file)].join(', ')}; nothing was written`, 2, 'Run init in an empty folder, or pass a new DIR.');
    }
    try {
      for (const [file, content] of toWrite) {
        await effects.fs.mkdir(path.dirname(path.join(root, file)));
        await effects.fs.writeFile(path.join(root, file), content);
      }
      await effects.fs.mkdir(path.join(root, 'data'));
    } catch (error) {
      throw new CliError(`cannot create the workspace in ${root}: ${whyNotWritten(error)}`, 2, 'Pass a folder that does not exist yet, or an empty one you can write to.');
    }
    effects.stdout(report({ root, cwd: effects.cwd, spec, written: toWrite.map(([file]) => file), dataCreated: !dataThere, strategyHeld, skipped, defaultSpec: values.package === undefined }));
    await warnAboutRepository(effects, root, toWrite.some(([file]) => file === WORKFLOW_FILE), local !== null && isLocalPath(local) ? path.resolve(effects.cwd, local) : null);
    return 0;
  },
};

/**
 * What the CI workflow cannot work with: GitHub reads workflows only at the repository's top, and
 * CI checks out the repository alone, so a tarball outside it is not there.
 */
async function warnAboutRepository(effects: Effects, root: string, wroteWorkflow: boolean, packagePath: string | null): Promise<void> {
  const top = await repositoryTop(effects, root);
  if (top === null) return;
  if (wroteWorkflow && top !== root) {
    const relative = path.relative(top, root).split(path.sep).join('/');
    effects.stderr(
      `goalpost: ${root} is inside the git repository at ${top}, and GitHub reads workflows only from ${path.join(top, '.github', 'workflows')}: move ${WORKFLOW_FILE} there, and add \`--root ${relative}\` to each goalpost command in it (and \`working-directory: ${relative}\` to its npm install)\n`,
    );
  }
  if (packagePath !== null && path.relative(top, packagePath).startsWith('..')) {
    effects.stderr(`goalpost: --package ${packagePath} is outside the repository at ${top}, so CI, which checks out only the repository, will not find it: keep the tarball inside it (e.g. vendor/) and run init again, or use a git URL\n`);
  }
}

function report(done: { root: string; cwd: string; spec: string; written: string[]; dataCreated: boolean; strategyHeld: string[]; skipped: Skipped[]; defaultSpec: boolean }): string {
  const lines = [`${done.strategyHeld.length === 0 ? 'Created a workspace in' : 'Added to'} ${done.root}:`];
  for (const file of done.written) lines.push(`  ${file}${file === 'package.json' ? ` (Goalpost from ${done.spec}, as a devDependency)` : ''}`);
  if (done.dataCreated) lines.push('  data/ (put metric CSV exports here)');
  if (done.strategyHeld.length > 0 || done.skipped.length > 0) {
    lines.push('Left alone, as they exist already:');
    if (done.strategyHeld.length > 0) lines.push(`  ${done.strategyHeld.join(', ')}: strategy/ holds a strategy, so the starter strategy was not written`);
    for (const { file, advice } of done.skipped) lines.push(`  ${file}${advice ? `: ${advice}` : ''}`);
  }
  const folder = path.relative(done.cwd, done.root);
  lines.push('', 'Next:');
  if (folder !== '') lines.push(`  cd ${forShell(folder)}`);
  lines.push('  npm install        (commit the package-lock.json it writes: the workflow caches packages by it)', '  npx goalpost check');
  if (done.defaultSpec && done.written.includes('package.json')) {
    lines.push('', `If npm cannot find goalpost in its registry, point devDependencies.goalpost in package.json at a git URL or a tarball: see "Add Goalpost to a repository" in Goalpost's README.`);
  }
  return `${lines.join('\n')}\n`;
}
