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
import type { MetricCatalog, SeriesSet } from './types.ts';

export async function ingestMetrics(
  fs: FileSystem,
  root: string,
  catalog: MetricCatalog,
): Promise<{ series: SeriesSet; findings: Finding[] }> {
  const names = await fs.listFiles(path.join(root, 'data'), ['.csv']);
  const context = new IngestContext(catalog);
  for (const [index, name] of names.entries()) {
    context.files.push(`data/${name}`);
    context.layouts.push(null);
    const ingester = new FileIngester(context, index);
    try {
      await readCsvRows(fs.createReadStream(path.join(root, 'data', name)), ingester);
      ingester.end();
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
