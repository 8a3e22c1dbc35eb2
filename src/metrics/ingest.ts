// Reads every metric CSV under <root>/data (any depth, sorted path order) into one series per
// (KPI, scope), streaming each file once, and reports every row or cell it cannot use. Works from
// a MetricCatalog rather than the Model, so metric files are checked even when the strategy has
// errors. Positions: `file` relative to the root with `/`, 1-based line and column of the cell.
import path from 'node:path';
import type { Finding } from '../diagnostics/diagnostic.ts';
import type { FileSystem } from '../effects.ts';
import { describeReadError } from '../util/read-error.ts';
import type { FindingDraft } from './finding-drafts.ts';
import { resolveDrafts } from './finding-drafts.ts';
import { finishSeries } from './finish-series.ts';
import { IngestContext } from './ingest-context.ts';
import { FileIngester } from './ingest-file.ts';
import { MAX_ROW_CHARS, readBytes, readCsvRows, RowTooLongError } from './read-csv-rows.ts';
import type { MetricCatalog, SeriesSet } from './types.ts';

function unreadable(error: unknown, file: number): FindingDraft {
  if (error instanceof RowTooLongError) {
    return {
      code: 'metric-file',
      message: `this row runs on for more than ${MAX_ROW_CHARS.toLocaleString('en-US')} characters (no line break, lines that end with a carriage return only, or a quote never closed), so the file is not read past it`,
      hint: 'A metric CSV has one row a line, ended by LF or CRLF: check that this is a CSV export, and that every quoted cell ends with a quote.',
      at: { file, line: error.line, cell: 0 },
    };
  }
  return {
    code: 'metric-file',
    message: `the file could not be read: ${describeReadError(error)}`,
    hint: 'Check that the file exists, is readable and is a CSV text file.',
    at: { file, line: 1, cell: 0 },
  };
}

/**
 * `files`: the metric CSVs, relative to data/ (default: every *.csv under it); the pipeline
 * leaves out the files a TicketSource reads.
 */
export async function ingestMetrics(fs: FileSystem, root: string, catalog: MetricCatalog, files?: readonly string[]): Promise<{ series: SeriesSet; findings: Finding[] }> {
  const context = new IngestContext(catalog);
  for (const name of files ?? (await fs.listFiles(path.join(root, 'data'), ['.csv']))) {
    const file = context.addFile(`data/${name}`);
    const fullPath = path.join(root, 'data', name);
    // Only to size the series' buffers; reading the file reports why it cannot be read.
    const bytes = await fs.fileSize(fullPath).catch(() => 0);
    const ingester = new FileIngester(context, file, bytes);
    try {
      await readCsvRows(readBytes(fs, fullPath), ingester);
      ingester.end();
    } catch (error) {
      context.drafts.push(unreadable(error, file));
    }
  }
  const { series, drafts } = finishSeries(context);
  const findings = await resolveDrafts(fs, root, context.files, [...context.drafts, ...drafts]);
  return { series, findings };
}
