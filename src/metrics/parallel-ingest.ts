// Reads one large metric CSV in parts at once: the file is cut at line breaks into byte ranges,
// each read into a point store of its own (see ingest-part.ts), the first in this thread (or,
// for large parts, a worker thread) and the others in worker threads. The workers' parts are
// handed out before the strategy is read (see findMetricFiles), so they take every KPI id and
// scope as known; what they met is checked against the strategy before the join. The parts are
// then joined in file order: this ingestion's store adopts each part's slabs without copying a
// point, and each part's piece of a series is linked after the pieces before it. So the series,
// their order and the first place of each are the same as reading the file in one go. Whenever
// a part cannot be read apart exactly (a quote, a finding, an id or scope the strategy does not
// name, a series changing period length between parts), the caller reads the whole file in one
// go instead.
import { open } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { readHeader } from './csv-header.ts';
import type { IngestContext } from './ingest-context.ts';
import type { PartJob, PartOutcome } from './ingest-part.ts';
import { ingestPart, partSeriesNames, readPartSeries } from './ingest-part.ts';
import { PartWorkers } from './part-workers.ts';
import type { SeriesPart } from './series-builder.ts';
import type { Granularity, MetricCatalog } from './types.ts';

export interface PartsOptions {
  /** The smallest part worth a thread of its own, in bytes. */
  minPartBytes: number;
  /** The most parts a file is cut into. */
  maxParts: number;
  /** The largest part read in this thread; when parts are larger, all of them go to worker threads (see DEFAULT_PARTS). */
  maxOwnPartBytes: number;
}

/**
 * Starting a worker costs 50 to 100 ms (its own module loading): a part must take longer than
 * that to read, and 8 MB (some 200,000 rows) takes about 0.2 s. Each worker thread has a heap
 * of its own, so parts cost memory. Up to 64 MB a part, this thread reads the first part
 * itself, which is faster for small files, where a worker's start weighs most. Past that, all
 * parts go to workers, whose young generation is kept small (see part-workers.ts), while this
 * thread's grows to 128 MB on Node 24. A 385 MB file (10,000,000 rows) peaked at 477-486 MB
 * on Node 24 with this thread reading its first half, and at 378-398 MB with both halves in
 * workers (and chunks of 8 points, see point-store.ts); 328 MB on Node 20.
 */
export const DEFAULT_PARTS: PartsOptions = { minPartBytes: 8 * 1024 * 1024, maxParts: Math.min(availableParallelism(), 2), maxOwnPartBytes: 64 * 1024 * 1024 };

/** Bytes read to find the header row, and to find the line break after a cutting point. */
const PROBE_BYTES = 64 * 1024;

async function readBytes(path: string, start: number, length: number): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(length);
    const { bytesRead } = await handle.read(buffer, 0, length, start);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/**
 * The file's line ending and header row, found as readCsvRows would find them, or null when the
 * start of the file does not settle them (a quote, or no line break in the first bytes).
 */
async function readStart(path: string): Promise<{ newline: '\n' | '\r\n'; header: string[]; headerLine: number; headerEnd: number } | null> {
  const bytes = await readBytes(path, 0, PROBE_BYTES);
  const lastBreak = bytes.lastIndexOf(0x0a);
  if (lastBreak < 0 || bytes.indexOf(0x22) >= 0) return null;
  let text = bytes.subarray(0, lastBreak + 1).toString('utf8');
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  text = text.slice(bom);
  const firstBreak = text.indexOf('\n');
  const newline = firstBreak > 0 && text[firstBreak - 1] === '\r' ? '\r\n' : '\n';
  let lineStart = 0;
  for (let line = 1; lineStart < text.length; line++) {
    const lineEnd = text.indexOf('\n', lineStart);
    const fields = text.slice(lineStart, lineEnd).replace(/\r$/, '').split(',');
    lineStart = lineEnd + 1;
    if (fields.some((field) => field.trim() !== '')) {
      return { newline, header: fields, headerLine: line, headerEnd: Buffer.byteLength(text.slice(0, lineStart)) + bom * 3 };
    }
  }
  return null;
}

/** Byte offsets where the parts start: just after a line break near each even cut. */
async function cutPoints(path: string, size: number, parts: number, headerEnd: number): Promise<number[] | null> {
  const starts = [0];
  for (let k = 1; k < parts; k++) {
    const near = Math.floor((size * k) / parts);
    const probe = await readBytes(path, near, PROBE_BYTES);
    const lineBreak = probe.indexOf(0x0a);
    if (lineBreak < 0) return null;
    const start = near + lineBreak + 1;
    if (start <= starts.at(-1)! || start <= headerEnd || start >= size) return null;
    starts.push(start);
  }
  return starts;
}

/** How many parts a file of `size` bytes is read in: 1 for in one go. */
export function partCount(size: number, options: PartsOptions = DEFAULT_PARTS): number {
  return Math.max(1, Math.min(options.maxParts, Math.floor(size / options.minPartBytes)));
}

/** Whether this thread reads the first part of a file of `size` bytes itself. */
function readsOwnPart(size: number, options: PartsOptions): boolean {
  return size / partCount(size, options) <= options.maxOwnPartBytes;
}

/** How many worker threads reading a file of `size` bytes takes. */
export function workersNeeded(size: number, options: PartsOptions = DEFAULT_PARTS): number {
  const parts = partCount(size, options);
  return parts < 2 ? 0 : readsOwnPart(size, options) ? parts - 1 : parts;
}

/** A file being read in parts: its header, and the parts handed to worker threads so far. */
export interface StartedParts {
  file: number;
  header: string[];
  headerLine: number;
  /** Every part's job; the first is this thread's own when `own`. */
  jobs: PartJob[];
  own: boolean;
  running: RunningPart[];
}

type RunningPart = ReturnType<PartWorkers['run']>;

/**
 * Cuts file number `file` (at `path`, `size` bytes) into parts, if it is large enough and can be
 * cut, and hands the parts for worker threads to them at once. They need nothing of the
 * strategy (every KPI id and scope is checked when the parts are joined), so they can start
 * before it is read. null when the file must be read in one go.
 */
export async function startParts(file: number, path: string, size: number, options: PartsOptions, workers: PartWorkers): Promise<StartedParts | null> {
  const parts = partCount(size, options);
  if (parts < 2) return null;
  const start = await readStart(path);
  if (!start) return null;
  const starts = await cutPoints(path, size, parts, start.headerEnd);
  if (!starts) return null;
  // The last part reads to the end of the file, even if it grew since it was measured.
  const ends = [...starts.slice(1), Infinity];
  const jobs: PartJob[] = starts.map((from, k) => ({ path, file, start: from, end: ends[k]!, newline: start.newline, header: k === 0 ? null : start.header, catalog: null }));
  const own = readsOwnPart(size, options);
  const running = (own ? jobs.slice(1) : jobs).map((job) => workers.run(job));
  return { file, header: start.header, headerLine: start.headerLine, jobs, own, running };
}

/** Stops the worker threads of `started`, waiting until their heaps are given back. */
export async function stopParts(started: StartedParts): Promise<void> {
  await Promise.all(started.running.map((worker) => worker.stop()));
}

/**
 * Reads this thread's part of `started` (with the strategy's catalog), waits for the others and
 * joins them into `context`. Returns false, having changed nothing in `context`, when the file
 * must be read in one go instead.
 */
export async function finishParts(context: IngestContext, catalog: MetricCatalog, started: StartedParts): Promise<boolean> {
  const { file, jobs, own, running } = started;
  try {
    const { layout, drafts } = readHeader(started.header, { file, line: started.headerLine }, context.kpis);
    if (!layout || drafts.length > 0) return false;
    const first = own ? await ingestPart({ ...jobs[0]!, catalog }) : await running[0]!.outcome;
    // When the first part gives up, so do the others: the file is read whole anyway.
    if (!first.usable) return false;
    const outcomes = [first, ...(await Promise.all(running.slice(own ? 0 : 1).map((worker) => worker.outcome)))];
    // The threads' heaps are given back before the join needs memory of its own.
    await stopParts(started);
    const usable = outcomes.filter((outcome) => outcome.usable);
    if (usable.length < outcomes.length || !knownToStrategy(context, usable) || !samePeriodLengths(context, usable)) return false;
    join(context, file, usable);
    context.layouts[file] = layout;
    return true;
  } finally {
    await stopParts(started);
  }
}

/** Reads file number `file` into `context` in parts (startParts, then finishParts); false when it must be read in one go. */
export async function ingestInParts(
  context: IngestContext,
  catalog: MetricCatalog,
  file: number,
  path: string,
  size: number,
  options: PartsOptions = DEFAULT_PARTS,
  workers = new PartWorkers(),
): Promise<boolean> {
  const started = await startParts(file, path, size, options, workers);
  return started !== null && (await finishParts(context, catalog, started));
}

type UsablePart = Extract<PartOutcome, { usable: true }>;

/**
 * Whether every KPI id and scope the parts met is one the strategy names, as reading the file in
 * one go would have found (a part read before the strategy took them all as known).
 */
function knownToStrategy(context: IngestContext, parts: readonly UsablePart[]): boolean {
  return parts.every(({ series }) => series.kpiIds.every((id) => context.kpis.has(id)) && series.scopes.every((scope) => context.scopeProblem(scope) === null));
}

/** Whether every series keeps one period length across the parts and what was read before. */
function samePeriodLengths(context: IngestContext, parts: readonly UsablePart[]): boolean {
  // By scope, the period length each KPI's series has so far (0 for none yet).
  const lengths = new Map<string, Uint8Array>();
  for (const { series } of parts) {
    for (let i = 0; i < series.scopes.length; i++) {
      const { scope: scopeText, kpi, granularity } = partSeriesNames(series, i);
      const kpiIndex = context.kpis.get(kpi)!.index;
      let known = lengths.get(scopeText);
      if (!known) {
        lengths.set(scopeText, (known = new Uint8Array(context.kpis.size)));
        context.knownScope(scopeText)?.byKpi.forEach((builder, index) => {
          if (builder) known![index] = GRANULARITY_CODES[builder.granularity];
        });
      }
      const code = GRANULARITY_CODES[granularity];
      if (known[kpiIndex] !== 0 && known[kpiIndex] !== code) return false;
      known[kpiIndex] = code;
    }
  }
  return true;
}

const GRANULARITY_CODES: Record<Granularity, number> = { day: 1, week: 2, month: 3, quarter: 4 };

function join(context: IngestContext, file: number, parts: readonly UsablePart[]): void {
  const part: SeriesPart = { firstChunk: 0, lastChunk: 0, lastFill: 0, length: 0, ascending: true, firstDay: 0, lastDay: 0 };
  let linesBefore = 0;
  for (const { store, series, lineBreaks } of parts) {
    const chunkOffset = context.store.adopt(store);
    for (let i = 0; i < series.scopes.length; i++) {
      const { scope: scopeText, kpi: kpiId, granularity } = partSeriesNames(series, i);
      const first = readPartSeries(series, i, part);
      const scope = context.scope(scopeText);
      const kpi = context.kpis.get(kpiId)!;
      const builder = scope.byKpi[kpi.index] ?? context.newSeries(scope, kpi, granularity, { file, line: first.line + linesBefore, cell: first.cell });
      builder.append(part, chunkOffset, file);
    }
    linesBefore += lineBreaks;
  }
}
