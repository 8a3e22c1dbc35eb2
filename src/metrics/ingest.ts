// Reads every metric CSV under <root>/data (any depth, sorted path order) into one series per
// (KPI, scope), streaming each file, and reports every row or cell it cannot use. Works from a
// MetricCatalog rather than the Model, so metric files are checked even when the strategy has
// errors. Positions: `file` relative to the root with `/`, 1-based line and column of the cell.
import path from 'node:path';
import type { Finding } from '../diagnostics/diagnostic.ts';
import type { FileSystem } from '../effects.ts';
import { describeReadError } from '../util/read-error.ts';
import { findPointLines } from './conflict-lines.ts';
import type { FindingDraft } from './finding-drafts.ts';
import { resolveDrafts } from './finding-drafts.ts';
import { conflictDrafts, conflictPoints, finishSeries, limitConflicts, unlistedConflictsDraft } from './finish-series.ts';
import { IngestContext } from './ingest-context.ts';
import type { PointSink } from './ingest-file.ts';
import { FileIngester } from './ingest-file.ts';
import type { PartsOptions, PartsRead, StartedParts } from './parallel-ingest.ts';
import { DEFAULT_PARTS, readStartedParts, startParts, workersNeeded } from './parallel-ingest.ts';
import { PartWorkers } from './part-workers.ts';
import { MAX_ROW_CHARS, readCsvRows, RowTooLongError } from './read-csv-rows.ts';
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

/** The metric files of a workspace, and the worker threads started for the large ones. */
export interface MetricFiles {
  /** Paths under data/, with `/`, sorted. */
  names: string[];
  /** Sizes in bytes where the files are on disk (see FileSystem.onDisk), else null. */
  sizes: (number | null)[];
  workers: PartWorkers;
  /** The first file read in parts, its parts already being read by worker threads; or null. */
  started: StartedParts | null;
}

/**
 * Lists the metric files, starts the worker threads that reading the largest in parts will need,
 * and hands them the parts of the first such file. Called before the strategy is read, so that
 * the threads read meanwhile (they need nothing of the strategy, see parallel-ingest.ts).
 */
export async function findMetricFiles(fs: FileSystem, root: string, parts: PartsOptions = DEFAULT_PARTS): Promise<MetricFiles> {
  const names = await fs.listFiles(path.join(root, 'data'), ['.csv']);
  // A file that cannot be measured is read in one go, which reports why it cannot be read.
  const size = (name: string) => fs.fileSize(path.join(root, 'data', name)).catch(() => null);
  const sizes = fs.onDisk ? await Promise.all(names.map(size)) : names.map(() => null);
  const needed = Math.max(0, ...sizes.map((size) => (size === null ? 0 : workersNeeded(size, parts))));
  const workers = new PartWorkers(needed);
  const first = sizes.findIndex((size) => size !== null && workersNeeded(size, parts) > 0);
  const started = first < 0 ? null : await startParts(first, path.join(root, 'data', names[first]!), sizes[first]!, parts, workers).catch(() => null);
  return { names, sizes, workers, started };
}

export interface IngestOptions {
  /** When a file is read in parts (DEFAULT_PARTS unless given). */
  parts?: PartsOptions;
  /** The files as findMetricFiles found them earlier; else they are listed now. */
  files?: Promise<MetricFiles>;
  /** Told how each file was read (for tests and benchmarks): its parts joined, or in one go. */
  onRead?: (name: string, read: PartsRead) => void;
}

export async function ingestMetrics(
  fs: FileSystem,
  root: string,
  catalog: MetricCatalog,
  { parts = DEFAULT_PARTS, files, onRead }: IngestOptions = {},
): Promise<{ series: SeriesSet; findings: Finding[] }> {
  const found = await (files ?? findMetricFiles(fs, root, parts));
  try {
    return await ingestFiles(fs, root, catalog, parts, found, onRead);
  } finally {
    found.workers.close();
  }
}

/** The parts of file number `file` being read by worker threads (started now if not yet), or null when it is read in one go. */
async function partsOf(found: MetricFiles, file: number, path: string, parts: PartsOptions): Promise<StartedParts | null> {
  if (found.started?.file === file) return found.started;
  const size = found.sizes[file];
  // A probe read that fails just means: read the file in one go, which reports why.
  return size == null ? null : startParts(file, path, size, parts, found.workers).catch(() => null);
}

async function ingestFiles(
  fs: FileSystem,
  root: string,
  catalog: MetricCatalog,
  parts: PartsOptions,
  found: MetricFiles,
  onRead: IngestOptions['onRead'],
): Promise<{ series: SeriesSet; findings: Finding[] }> {
  const { names } = found;
  const files = names.map((name) => path.join(root, 'data', name));
  const context = new IngestContext(catalog);
  for (const name of names) {
    context.files.push(`data/${name}`);
    context.layouts.push(null);
  }
  for (const [index, file] of files.entries()) {
    // Lines are not kept per point (see conflict-lines.ts).
    const store: PointSink = { add: (series, day, value) => series.add(day, value, index) };
    const ingester = new FileIngester(context, index, store);
    const readWhole = async () => {
      await readCsvRows(fs.createReadStream(file), ingester);
    };
    try {
      // A large file on disk is read in parts at once where that gives the same result.
      const started = await partsOf(found, index, file, parts);
      let read: PartsRead = 'whole';
      if (started) read = await readStartedParts(context, started, ingester, readWhole);
      else {
        await readWhole();
        ingester.end();
      }
      onRead?.(names[index]!, read);
    } catch (error) {
      context.drafts.push(unreadable(error, index));
    }
  }
  const { series, conflicts } = finishSeries(context);
  const { listed, unlisted } = limitConflicts(conflicts);
  const wanted = [...listed, ...unlisted.map((group) => group.first)].flatMap(conflictPoints);
  const lines = wanted.length === 0 ? new Map<string, number>() : await findPointLines(fs, files, catalog, wanted);
  const drafts = [
    ...listed.flatMap((conflict) => conflictDrafts(context, conflict, lines)),
    ...unlisted.map((group) => unlistedConflictsDraft(context, group, lines)),
  ];
  const findings = await resolveDrafts(fs, root, context.files, [...context.drafts, ...drafts]);
  return { series, findings };
}
