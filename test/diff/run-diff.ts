// Runs `goalpost diff` in-process against a temporary repository, on the real file system.
import { main } from '../../src/cli/main.ts';
import type { ItemDiff } from '../../src/diff/types.ts';
import { nodeFileSystem } from '../../src/effects.ts';
import { memoryEffects } from '../helpers/memory-fs.ts';
import type { TempRepo } from './git-repo.ts';

export interface DiffRun {
  code: number;
  out: string;
  err: string;
}

export async function runDiff(repo: TempRepo, args: string[] = [], cwd = repo.root): Promise<DiffRun> {
  const effects = memoryEffects(nodeFileSystem, { cwd });
  const code = await main(['diff', ...args], effects);
  return { code, out: effects.out(), err: effects.err() };
}

export interface JsonDiff {
  summary: string;
  asOf: string | null;
  base: { label: string; commit?: string; errors: number; comparable: boolean; strategyFiles: number; firstErrors: { code: string; file: string; message: string }[] };
  head: { label: string; commit?: string; errors: number; comparable: boolean; strategyFiles: number };
  counts: Record<string, { changed: number; added: number; removed: number; invalid: number; codes: Record<string, number> }>;
  items: ItemDiff[];
}

export async function runDiffJson(repo: TempRepo, args: string[] = []): Promise<JsonDiff & { code: number; err: string }> {
  const run = await runDiff(repo, [...args, '--format', 'json']);
  if (run.code === 2) throw new Error(`goalpost diff failed: ${run.err}`);
  return { ...(JSON.parse(run.out) as JsonDiff), code: run.code, err: run.err };
}

/** The item of one kind and id, failing loudly when the diff does not have it. */
export function itemOf(diff: JsonDiff, kind: string, id: string): ItemDiff {
  const item = diff.items.find((i) => i.kind === kind && i.id === id);
  if (!item) throw new Error(`no ${kind} ${id} in the diff: ${diff.items.map((i) => `${i.kind}/${i.id}`).join(', ') || 'nothing'}`);
  return item;
}

export const messages = (item: ItemDiff) => item.changes.map((c) => c.message);
