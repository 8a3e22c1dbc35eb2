// Loads a fixture workspace from test/fixtures/workspaces/<name> into memory, so a test can
// change one file and run the pipeline on the result.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.ts';
import { runPipeline, type PipelineResult } from '../../src/pipeline.ts';
import { memoryFileSystem, type FileMap } from './memory-fs.ts';

export const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');

export function readFixture(name: string): Record<string, string> {
  const root = path.join(FIXTURES, 'workspaces', name);
  const files: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir)) {
      const full = path.join(dir, entry);
      if (statSync(full).isDirectory()) walk(full);
      else files[path.relative(root, full).split(path.sep).join('/')] = readFileSync(full, 'utf8');
    }
  };
  walk(root);
  return files;
}

/** The fixture with one file's text replaced through `edit` (which must change it). */
export function editFixture(files: Record<string, string>, file: string, edit: (text: string) => string): Record<string, string> {
  const before = files[file] ?? '';
  const after = edit(before);
  if (after === before) throw new Error(`the edit did not change ${file}`);
  return { ...files, [file]: after };
}

export async function pipelineOn(files: FileMap, asOf?: string): Promise<PipelineResult> {
  return runPipeline(memoryFileSystem(files), { root: '/ws', today: () => '2026-06-30', ...(asOf ? { asOf } : {}) });
}

export function where(d: Diagnostic): string {
  return `${d.code} ${d.severity} ${d.file}:${d.line}:${d.column}`;
}

/** 1-based line and column of the `occurrence`-th `needle` in `text`, where a diagnostic must point. */
export function positionOf(text: string, needle: string, occurrence = 1): { line: number; column: number } {
  let index = -1;
  for (let i = 0; i < occurrence; i++) {
    index = text.indexOf(needle, index + 1);
    if (index === -1) throw new Error(`"${needle}" not found`);
  }
  const before = text.slice(0, index).split('\n');
  return { line: before.length, column: before[before.length - 1]!.length + 1 };
}
