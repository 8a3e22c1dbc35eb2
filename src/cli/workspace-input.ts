// What most commands share: resolve --root, validate --as-of, run the pipeline once.
import path from 'node:path';
import type { Effects } from '../effects.ts';
import { runPipeline, type PipelineResult } from '../pipeline.ts';
import { isValidIsoDate } from '../util/dates.ts';
import { CliError } from './cli-error.ts';
import type { CommandInput } from './command.ts';

export async function resolveRoot(effects: Effects, value: unknown): Promise<string> {
  const root = path.resolve(effects.cwd, typeof value === 'string' ? value : '.');
  if (!(await effects.fs.exists(root))) throw new CliError(`the workspace folder ${root} does not exist`, 2, 'Pass --root DIR with the folder that holds strategy/ and data/.');
  if (!(await effects.fs.exists(path.join(root, 'strategy')))) {
    throw new CliError(`${root} has no strategy/ folder`, 2, 'Run goalpost in the folder that holds strategy/, pass --root DIR, or create one with `goalpost init`.');
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

export async function runWorkspace(input: CommandInput): Promise<PipelineResult & { root: string }> {
  const root = await resolveRoot(input.effects, input.values.root);
  const asOf = parseAsOf(input.values['as-of']);
  const result = await runPipeline(input.effects.fs, { root, asOf, today: input.effects.today });
  return { ...result, root };
}

/** Reads the lines of the files that diagnostics point at, for source excerpts. */
export async function readSourceLines(effects: Effects, root: string, files: Iterable<string>): Promise<Map<string, string[]>> {
  const lines = new Map<string, string[]>();
  for (const file of new Set(files)) {
    const full = path.join(root, file);
    try {
      if ((await effects.fs.fileSize(full)) > 5 * 1024 * 1024) continue;
      lines.set(file, new TextDecoder().decode(await effects.fs.readFile(full)).replace(/^\uFEFF/, '').split(/\r?\n/));
    } catch {
      // No excerpt for a file that cannot be read; the diagnostic itself still shows.
    }
  }
  return lines;
}
