// Reads every metric CSV under <root>/data (any depth, sorted path order) into one series per
// (KPI, scope), streaming each file, and reports every row or cell it cannot use. Works from a
// MetricCatalog rather than the Model, so metric files are checked even when the strategy has
// errors. Positions: `file` relative to the root with `/`, 1-based line and column of the cell.
import path from 'node:path';
import type { Finding } from '../diagnostics/diagnostic.ts';
import type { FileSystem } from '../effects.ts';
import { resolveDrafts } from './finding-drafts.ts';
import { finishSeries } from './finish-series.ts';
import { IngestContext } from './ingest-context.ts';
import { FileIngester } from './ingest-file.ts';
import { readCsvRows } from './read-csv-rows.ts';
import { createPointArena } from './series-builder.ts';
import type { MetricCatalog, SeriesSet } from './types.ts';

/**
 * Above this much CSV, the files are read twice: a first pass counts each series' points, so
 * the second stores them in buffers of exactly the right size. Memory then stays near 16 bytes
 * a point instead of doubling buffers and fragmenting the heap; smaller inputs take one pass.
 */
export const TWO_PASS_BYTES = 100 * 1024 * 1024;

async function readFile(fs: FileSystem, file: string, ingester: FileIngester): Promise<void> {
  await readCsvRows(fs.createReadStream(file), ingester);
  ingester.end();
}

export async function ingestMetrics(
  fs: FileSystem,
  root: string,
  catalog: MetricCatalog,
  twoPassBytes = TWO_PASS_BYTES,
): Promise<{ series: SeriesSet; findings: Finding[] }> {
  const names = await fs.listFiles(path.join(root, 'data'), ['.csv']);
  const files = names.map((name) => path.join(root, 'data', name));
  const context = new IngestContext(catalog);
  for (const name of names) {
    context.files.push(`data/${name}`);
    context.layouts.push(null);
  }
  let bytes = 0;
  for (const file of files) bytes += await fs.fileSize(file);
  if (bytes > twoPassBytes) {
    for (const [index, file] of files.entries()) {
      // A file that cannot be read is reported by the second pass.
      await readFile(fs, file, new FileIngester(context, index, true)).catch(() => undefined);
    }
    const builders = [...context.builders.values()].flatMap((byKpi) => [...byKpi.values()]);
    const arena = createPointArena(builders.reduce((sum, builder) => sum + builder.counted, 0));
    for (const builder of builders) builder.reserve(arena);
  }
  for (const [index, file] of files.entries()) {
    try {
      await readFile(fs, file, new FileIngester(context, index));
    } catch (error) {
      context.drafts.push({
        code: 'metric-file',
        message: `the file could not be read: ${error instanceof Error ? error.message : String(error)}`,
        hint: 'Check that the file is readable and is a CSV text file.',
        at: { file: index, line: 1, cell: 0 },
      });
    }
  }
  const { series, drafts } = finishSeries(context);
  const findings = await resolveDrafts(fs, root, context.files, [...context.drafts, ...drafts]);
  return { series, findings };
}
