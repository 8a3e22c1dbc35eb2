// What most commands share: resolve --root, validate --as-of, run the pipeline once.
import path from 'node:path';
import type { Effects } from '../effects.ts';
import { runPipeline, type PipelineResult } from '../pipeline.ts';
import { isValidIsoDate } from '../util/dates.ts';
import { CliError } from './cli-error.ts';
import type { CommandInput } from './command.ts';

/**
 * The folder a command works on: --root as given, else the nearest folder holding strategy/,
 * from the current one upwards to the file system's root, as git finds its repository (so
 * `goalpost check` works from inside strategy/ or data/). Null when there is none.
 */
export async function findRoot(effects: Effects, value: unknown): Promise<string | null> {
  if (typeof value === 'string') return path.resolve(effects.cwd, value);
  for (let dir = path.resolve(effects.cwd); ; dir = path.dirname(dir)) {
    if (await effects.fs.exists(path.join(dir, 'strategy'))) return dir;
    if (path.dirname(dir) === dir) return null;
  }
}

/** findRoot, else the current folder: for commands that can run on a folder without strategy/ (diff, preview). */
export async function rootOrHere(effects: Effects, value: unknown): Promise<string> {
  return (await findRoot(effects, value)) ?? path.resolve(effects.cwd);
}

export async function resolveRoot(effects: Effects, value: unknown): Promise<string> {
  const root = await findRoot(effects, value);
  if (root === null) {
    throw new CliError(`there is no strategy/ folder in ${path.resolve(effects.cwd)} or any folder above it`, 2, 'Run goalpost in the folder that holds strategy/ (or in a folder below it), pass --root DIR, or create one with `goalpost init`.');
  }
  if (!(await effects.fs.exists(root))) throw new CliError(`the workspace folder ${root} does not exist`, 2, 'Pass --root DIR with the folder that holds strategy/ and data/.');
  if (!(await effects.fs.exists(path.join(root, 'strategy')))) {
    throw new CliError(`${root} has no strategy/ folder`, 2, 'Pass --root DIR with the folder that holds strategy/, run goalpost in it (or below it), or create one with `goalpost init`.');
  }
  return root;
}

export function parseAsOf(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !isValidIsoDate(value)) {
    const written = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value);
    throw new CliError(written ? `--as-of ${value} is not a calendar date` : `--as-of takes a date written YYYY-MM-DD, not "${String(value)}"`, 2);
  }
  return value;
}

/** `progress: false` for a command that shows only the diagnostics (see PipelineOptions). */
export async function runWorkspace(input: CommandInput, { progress = true }: { progress?: boolean } = {}): Promise<PipelineResult & { root: string }> {
  const root = await resolveRoot(input.effects, input.values.root);
  const asOf = parseAsOf(input.values['as-of']);
  const result = await runPipeline(input.effects.fs, { root, asOf, today: input.effects.today, progress });
  return { ...result, root };
}

/** Source excerpts come from files up to this size: a large export is not read whole for one line. */
const MAX_EXCERPT_FILE_BYTES = 5 * 1024 * 1024;

/** Reads the lines of the files that diagnostics point at, for source excerpts. */
export async function readSourceLines(effects: Effects, root: string, files: Iterable<string>): Promise<Map<string, string[]>> {
  const lines = new Map<string, string[]>();
  for (const file of new Set(files)) {
    const full = path.join(root, file);
    try {
      if ((await effects.fs.fileSize(full)) > MAX_EXCERPT_FILE_BYTES) continue;
      lines.set(file, new TextDecoder().decode(await effects.fs.readFile(full)).replace(/^\uFEFF/, '').split(/\r?\n/));
    } catch {
      // No excerpt for a file that cannot be read; the diagnostic itself still shows.
    }
  }
  return lines;
}
