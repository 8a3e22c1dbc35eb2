// Reads one large metric CSV in parts at once: the file is cut at line breaks into byte ranges.
// Worker threads read the later parts (or, for large parts, all of them) each into a point
// store of its own (see ingest-part.ts). They are handed their parts before the strategy is
// read (see findMetricFiles), so they take every KPI id and scope as known; what they met is
// checked against the strategy before the join. This thread reads the first part itself,
// straight into the ingestion, as the start of reading the file in one go. At the cut it
// either stops, and joins the workers' parts, or reads on to the end of the file. It reads on
// whenever the parts cannot be joined exactly: a quote (a quoted cell may hold a line break),
// a finding in a worker's part (findings are counted and capped per file), an id or scope the
// strategy does not name, a series changing period length between parts. Joining, this
// ingestion's store adopts each part's slabs without copying a point, and each part's piece
// of a series is linked after the pieces before it. So the series, their order and the first
// place of each are the same as reading the file in one go.
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { Readable } from 'node:stream';
import { readHeader } from './csv-header.ts';
import type { IngestContext } from './ingest-context.ts';
import type { FileIngester } from './ingest-file.ts';
import type { PartJob, PartOutcome } from './ingest-part.ts';
import { partSeriesCount, partSeriesNames, readPartSeries } from './ingest-part.ts';
import type { PartWorkers } from './part-workers.ts';
import { readCsvRows } from './read-csv-rows.ts';
import type { SeriesPart } from './series-builder.ts';
import type { Granularity } from './types.ts';

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

/**
 * Byte offsets where the parts start: just after a line break near each even cut. In a CRLF
 * file that break must end a line as the file's line ending (a lone LF sits inside a row).
 */
async function cutPoints(path: string, size: number, parts: number, headerEnd: number, newline: '\n' | '\r\n'): Promise<number[] | null> {
  const starts = [0];
  for (let k = 1; k < parts; k++) {
    // From the byte before the even cut, so that the one before a line break is always read.
    const near = Math.floor((size * k) / parts) - 1;
    const probe = await readBytes(path, near, PROBE_BYTES);
    const lineBreak = probe.indexOf(0x0a, 1);
    if (lineBreak < 0 || (newline === '\r\n' && probe[lineBreak - 1] !== 0x0d)) return null;
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

/** A file being read in parts: its header, and the parts handed to worker threads. */
export interface StartedParts {
  file: number;
  path: string;
  newline: '\n' | '\r\n';
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
  const { newline, header, headerLine } = start;
  const starts = await cutPoints(path, size, parts, start.headerEnd, newline);
  if (!starts) return null;
  // The last part reads to the end of the file, even if it grew since it was measured.
  const ends = [...starts.slice(1), Infinity];
  const jobs: PartJob[] = starts.map((from, k) => ({ path, file, start: from, end: ends[k]!, newline, header: k === 0 ? null : header }));
  const own = readsOwnPart(size, options);
  const running = (own ? jobs.slice(1) : jobs).map((job) => workers.run(job));
  return { file, path, newline, header, headerLine, jobs, own, running };
}

/** Stops the worker threads of `started`, waiting until their heaps are given back. */
export async function stopParts(started: StartedParts): Promise<void> {
  await Promise.all(started.running.map((worker) => worker.stop()));
}

/** How a file started in parts was read: its parts joined, or in one go in this thread. */
export type PartsRead = 'joined' | 'whole';

/**
 * Reads the file of `started` into `context`, joining the worker threads' parts where that gives
 * what one read gives. `ingester` is the file's; it reads this thread's part, and the rest of
 * the file whenever the parts cannot be joined, and is ended if it read any row. `readWhole`
 * reads the file in one go through it.
 */
export async function readStartedParts(context: IngestContext, started: StartedParts, ingester: FileIngester, readWhole: () => Promise<void>): Promise<PartsRead> {
  try {
    const { layout, drafts } = readHeader(started.header, { file: started.file, line: started.headerLine }, context.kpis);
    const headerJoinable = layout !== null && drafts.length === 0;
    if (started.own) return await readOwnPartFirst(context, started, ingester, headerJoinable);
    const parts = await joinableParts(context, started, headerJoinable);
    if (parts && samePeriodLengths(context, parts)) {
      join(context, started.file, parts, 0);
      context.layouts[started.file] = layout;
      return 'joined';
    }
    await readWhole();
    ingester.end();
    return 'whole';
  } finally {
    await stopParts(started);
  }
}

/**
 * Reads the first part through `ingester` as the start of a read in one go. At the cut, it
 * stops if the part held no quote and the workers' parts can be joined, and joins them;
 * otherwise it reads on to the end of the file.
 */
async function readOwnPartFirst(context: IngestContext, started: StartedParts, ingester: FileIngester, headerJoinable: boolean): Promise<PartsRead> {
  const { path, file, newline } = started;
  const cut = started.jobs[1]!.start;
  const decided: { parts: UsablePart[] | null } = { parts: null };
  const stopAtCut = async (noQuote: boolean) => (decided.parts = await joinableParts(context, started, noQuote && headerJoinable)) !== null;
  const lineAfter = await readCsvRows(Readable.from(firstPartThenRest(path, cut, stopAtCut), { objectMode: false }), ingester);
  const { parts } = decided;
  // Only once the first part is in the ingestion can its series' period lengths be compared.
  if (parts && samePeriodLengths(context, parts)) {
    join(context, file, parts, lineAfter - 1);
    ingester.end();
    return 'joined';
  }
  if (parts) await readCsvRows(createReadStream(path, { start: cut }), ingester, { newline, firstLine: lineAfter });
  ingester.end();
  return 'whole';
}

/**
 * The bytes of the file up to `cut`, then the bytes after it unless `stopAtCut` (told whether
 * the part held no quote, so that every row in it ends by the cut) says they are read apart.
 */
async function* firstPartThenRest(path: string, cut: number, stopAtCut: (noQuote: boolean) => Promise<boolean>): AsyncGenerator<Buffer> {
  let noQuote = true;
  for await (const chunk of createReadStream(path, { end: cut - 1 }) as AsyncIterable<Buffer>) {
    if (noQuote && chunk.indexOf(0x22) >= 0) noQuote = false;
    yield chunk;
  }
  if (await stopAtCut(noQuote)) return;
  yield* createReadStream(path, { start: cut }) as AsyncIterable<Buffer>;
}

type UsablePart = Extract<PartOutcome, { usable: true }>;

/**
 * The worker threads' parts, in file order, once all are read, if they are `wanted` and can be
 * joined: every part usable, and every KPI id and scope met known to the strategy. null at once
 * when not wanted, and as soon as one part gives up. The threads are stopped either way, so
 * that their heaps are given back before the join needs memory of its own.
 */
async function joinableParts(context: IngestContext, started: StartedParts, wanted: boolean): Promise<UsablePart[] | null> {
  const parts = wanted ? await allUsable(started.running.map((worker) => worker.outcome)) : null;
  await stopParts(started);
  return parts && knownToStrategy(context, parts) ? parts : null;
}

/** The parts in their order once all are read and usable, or null as soon as one gives up. */
function allUsable(outcomes: readonly Promise<PartOutcome>[]): Promise<UsablePart[] | null> {
  return new Promise((resolve) => {
    const usable: UsablePart[] = [];
    let left = outcomes.length;
    if (left === 0) resolve(usable);
    outcomes.forEach((outcome, k) =>
      outcome.then((part) => {
        if (!part.usable) return resolve(null);
        usable[k] = part;
        if (--left === 0) resolve(usable);
      }),
    );
  });
}

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
    for (let i = 0; i < partSeriesCount(series); i++) {
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

/** Joins `parts`, the file's parts after its first `linesBefore` lines, into `context`. */
function join(context: IngestContext, file: number, parts: readonly UsablePart[], linesBefore: number): void {
  const part: SeriesPart = { firstChunk: 0, lastChunk: 0, lastFill: 0, length: 0, ascending: true, firstDay: 0, lastDay: 0 };
  for (const { store, series, lines } of parts) {
    const chunkOffset = context.store.adopt(store);
    for (let i = 0; i < partSeriesCount(series); i++) {
      const { scope: scopeText, kpi: kpiId, granularity } = partSeriesNames(series, i);
      const first = readPartSeries(series, i, part);
      const scope = context.scope(scopeText);
      const kpi = context.kpis.get(kpiId)!;
      const builder = scope.byKpi[kpi.index] ?? context.newSeries(scope, kpi, granularity, { file, line: first.line + linesBefore, cell: first.cell });
      builder.append(part, chunkOffset, file);
    }
    linesBefore += lines;
  }
}
