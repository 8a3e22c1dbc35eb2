// The site's fixture workspace (test/fixtures/site) in memory, run through the real pipeline
// and turned into page data, so a test can also change one file and look at the result.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { computeProgress } from '../../src/compute/index.ts';
import { runPipeline, type PipelineResult } from '../../src/pipeline.ts';
import { siteDataOf } from '../../src/site/data/from-pipeline.ts';
import type { SiteData, TableData } from '../../src/site/data/types.ts';
import { memoryFileSystem } from '../helpers/memory-fs.ts';

export const SITE_FIXTURE = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'site');

export function fixtureFiles(): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir).sort()) {
      const full = path.join(dir, entry);
      if (statSync(full).isDirectory()) walk(full);
      else files[path.relative(SITE_FIXTURE, full).split(path.sep).join('/')] = readFileSync(full, 'utf8');
    }
  };
  walk(SITE_FIXTURE);
  return files;
}

export async function fixturePipeline(files = fixtureFiles(), asOf?: string): Promise<PipelineResult> {
  return runPipeline(memoryFileSystem(files), { root: '/ws', today: () => '2026-06-30', ...(asOf ? { asOf } : {}) });
}

export async function fixtureSite(files = fixtureFiles(), asOf?: string): Promise<{ site: SiteData; result: PipelineResult }> {
  const result = await fixturePipeline(files, asOf);
  return { site: siteDataOf(result), result };
}

/** Status at `date` of every goal, straight from the engine. */
export function statusesAt(result: PipelineResult, date: string): Record<string, string> {
  const report = computeProgress(result.model!, result.series, date);
  return Object.fromEntries(report.goals.map((g) => [g.id, g.status]));
}

/** A table's visible cells as text, row by row (csvOnly columns left out). */
export function texts(table: TableData): string[][] {
  return table.rows.map((row) => row.cells.filter((_, i) => !table.columns[i]?.csvOnly).map((c) => c.text));
}

/** The value of one column by its label, per row. */
export function column(table: TableData, label: string): string[] {
  const index = table.columns.findIndex((c) => c.label === label);
  if (index < 0) throw new Error(`no column ${label} in ${table.csv}: ${table.columns.map((c) => c.label).join(', ')}`);
  return table.rows.map((row) => row.cells[index]!.text);
}
