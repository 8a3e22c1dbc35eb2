// Reads one large metric CSV in parts at once: the file is cut at line breaks into byte ranges,
// the first read in this thread and the others in worker threads, each into a point store of
// its own (see ingest-part.ts). The parts are then joined in file order: this ingestion's store
// adopts each part's slabs without copying a point, and each part's piece of a series is linked
// after the pieces before it. So the series, their order and the first place of each are the
// same as reading the file in one go. Whenever a part cannot be read apart exactly (a quote, a
// finding, a series changing period length between parts), this returns false and the caller
// reads the whole file in one go instead.
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

/**
 * Reads file number `file` (at `path`, `size` bytes) into `context` in parts, if it is large
 * enough and can be cut. Returns false, having changed nothing in `context`, when the file
 * must be read in one go instead.
 */
export async function ingestInParts(
  context: IngestContext,
  catalog: MetricCatalog,
  file: number,
  path: string,
  size: number,
  options: PartsOptions = DEFAULT_PARTS,
  workers = new PartWorkers(),
): Promise<boolean> {
  const parts = partCount(size, options);
  if (parts < 2) return false;
  const start = await readStart(path);
  if (!start) return false;
  const { layout, drafts } = readHeader(start.header, { file, line: start.headerLine }, context.kpis);
  if (!layout || drafts.length > 0) return false;
  const starts = await cutPoints(path, size, parts, start.headerEnd);
  if (!starts) return false;
  // The last part reads to the end of the file, even if it grew since it was measured.
  const ends = [...starts.slice(1), Infinity];
  const jobs: PartJob[] = starts.map((from, k) => ({ path, file, start: from, end: ends[k]!, newline: start.newline, header: k === 0 ? null : start.header, catalog }));
  const own = readsOwnPart(size, options);
  const running = (own ? jobs.slice(1) : jobs).map((job) => workers.run(job));
  const first = own ? await ingestPart(jobs[0]!) : await running[0]!.outcome;
  // When the first part gives up, so do the others: the file is read whole anyway.
  if (!first.usable) running.forEach((worker) => void worker.stop());
  const outcomes = [first, ...(await Promise.all(running.slice(own ? 0 : 1).map((worker) => worker.outcome)))];
  // The threads' heaps are given back before the join needs memory of its own.
  await Promise.all(running.map((worker) => worker.stop()));
  const usable = outcomes.filter((outcome) => outcome.usable);
  if (usable.length < outcomes.length || !samePeriodLengths(context, usable)) return false;
  join(context, file, usable);
  context.layouts[file] = layout;
  return true;
}

type UsablePart = Extract<PartOutcome, { usable: true }>;

/** Whether every series keeps one period length across the parts and what was read before. */
function samePeriodLengths(context: IngestContext, parts: readonly UsablePart[]): boolean {
  // By scope, the period length each KPI's series has so far (0 for none yet).
  const lengths = new Map<string, Uint8Array>();
  for (const { series } of parts) {
    for (let i = 0; i < series.scopes.length; i++) {
      const { scope: scopeText, kpiIndex, granularity } = partSeriesNames(series, i);
      let known = lengths.get(scopeText);
      if (!known) {
        lengths.set(scopeText, (known = new Uint8Array(context.kpis.size)));
        context.knownScope(scopeText)?.byKpi.forEach((builder, kpi) => {
          if (builder) known![kpi] = GRANULARITY_CODES[builder.granularity];
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
  const kpis = [...context.kpis.values()];
  const part: SeriesPart = { firstChunk: 0, lastChunk: 0, lastFill: 0, length: 0, ascending: true, firstDay: 0, lastDay: 0 };
  let linesBefore = 0;
  for (const { store, series, lineBreaks } of parts) {
    const chunkOffset = context.store.adopt(store);
    for (let i = 0; i < series.scopes.length; i++) {
      const { scope: scopeText, kpiIndex, granularity } = partSeriesNames(series, i);
      const first = readPartSeries(series, i, part);
      const scope = context.scope(scopeText);
      const kpi = kpis[kpiIndex]!;
      const builder = scope.byKpi[kpi.index] ?? context.newSeries(scope, kpi, granularity, { file, line: first.line + linesBefore, cell: first.cell });
      builder.append(part, chunkOffset, file);
    }
    linesBefore += lineBreaks;
  }
}
