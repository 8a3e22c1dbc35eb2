// Accumulates one series' points during ingestion. Memory grows with points, not rows: the
// points live in chunks of a PointStore shared by all series (12 bytes a point), and the file
// each point came from is kept as runs (a new run only when the file changes). Points arrive in
// file order; finish() sorts them by day (stably: the first-read point of a period wins), drops
// identical repeats and returns the differing repeats as conflicts. A point's line is not kept:
// a conflict names its points by file and arrival order, and conflict-lines.ts finds their
// lines by reading again.
import { CHUNK_POINTS, PointStore } from './point-store.ts';
import type { Granularity } from './types.ts';

/** A point of a series: the `arrival`-th (0-based) point the series received from `file`. */
export interface PointRef {
  file: number;
  arrival: number;
}

/** A series' points from part of a file, as they lie in that part's store. */
export interface SeriesPart {
  firstChunk: number;
  lastChunk: number;
  lastFill: number;
  length: number;
  /** Whether every point's day is after the one before it. */
  ascending: boolean;
  firstDay: number;
  lastDay: number;
}

export interface PointConflict {
  day: number;
  first: PointRef;
  firstValue: number;
  second: PointRef;
  secondValue: number;
}

// Sort keys pack (day, arrival index) into one exact double: (day + 2^22) * 2^30 + index.
const DAY_OFFSET = 2 ** 22;
const INDEX_SPAN = 2 ** 30;

export class SeriesBuilder {
  /** Position in the ingestion's list of builders. */
  readonly id: number;
  readonly kpi: string;
  readonly scope: string;
  readonly granularity: Granularity;
  /** Where the series' first point (and so its granularity) came from. */
  readonly firstSource: { file: number; line: number; cell: number };
  length = 0;
  /** The store's chunks holding this series' points: the first and the one being filled. */
  firstChunk = -1;
  lastChunk = -1;
  /** Points in the last chunk. */
  lastFill = CHUNK_POINTS;
  private readonly store: PointStore;
  /** The file of the first points, and of the points being added. */
  private firstFile = -1;
  private currentFile = -1;
  /** Pairs (first point index, file) of the runs after the first file's; most series have none. */
  private laterRuns: number[] | undefined;
  private ascending = true;
  private firstDay = 0;
  private lastDay = -Infinity;

  constructor(
    id: number,
    kpi: string,
    scope: string,
    granularity: Granularity,
    firstSource: { file: number; line: number; cell: number },
    store = new PointStore(),
  ) {
    this.id = id;
    this.store = store;
    this.kpi = kpi;
    this.scope = scope;
    this.granularity = granularity;
    this.firstSource = firstSource;
  }

  add(day: number, value: number, file: number): void {
    if (file !== this.currentFile) this.startRun(file);
    if (this.lastFill === CHUNK_POINTS) {
      this.lastChunk = this.store.allocate(this.lastChunk, CHUNK_POINTS);
      this.lastFill = 0;
      if (this.length === 0) {
        this.firstChunk = this.lastChunk;
        this.firstDay = day;
      }
    }
    if (day <= this.lastDay) this.ascending = false;
    this.lastDay = day;
    this.store.write(this.lastChunk, this.lastFill++, day, value);
    this.length++;
  }

  /**
   * Appends the points of `part`, the same series read from a later part of `file` into a
   * store this builder's store has adopted with `chunkOffset` (see PointStore.adopt).
   */
  append(part: SeriesPart, chunkOffset: number, file: number): void {
    if (part.length === 0) return;
    if (file !== this.currentFile) this.startRun(file);
    const first = part.firstChunk + chunkOffset;
    if (this.length === 0) {
      this.firstChunk = first;
      this.firstDay = part.firstDay;
    } else {
      this.store.link(this.lastChunk, this.lastFill, first);
    }
    if (part.firstDay <= this.lastDay || !part.ascending) this.ascending = false;
    this.lastChunk = part.lastChunk + chunkOffset;
    this.lastFill = part.lastFill;
    this.lastDay = part.lastDay;
    this.length += part.length;
  }

  /** What append() needs of this builder, for the builder of a later part of the file. */
  part(): SeriesPart {
    return {
      firstChunk: this.firstChunk,
      lastChunk: this.lastChunk,
      lastFill: this.lastFill,
      length: this.length,
      ascending: this.ascending,
      firstDay: this.firstDay,
      lastDay: this.lastDay,
    };
  }

  /**
   * Sorts the points by day where they arrived out of order, dropping repeats, and returns the
   * repeats whose values differ. Afterwards `length` counts the points kept. Call once.
   */
  finish(): PointConflict[] {
    if (this.ascending) return [];
    const n = this.length;
    const { days: arrived, values: arrivedValues, start } = this.store.read(this.firstChunk, n);
    const keys = new Float64Array(n);
    for (let i = 0; i < n; i++) keys[i] = (arrived[start + i]! + DAY_OFFSET) * INDEX_SPAN + i;
    keys.sort();
    const days = new Int32Array(n);
    const values = new Float64Array(n);
    let count = 0;
    const conflicts: PointConflict[] = [];
    let kept = -1;
    for (let k = 0; k < n; k++) {
      const index = keys[k]! % INDEX_SPAN;
      const day = arrived[start + index]!;
      if (kept >= 0 && arrived[start + kept] === day) {
        const [first, second] = [arrivedValues[start + kept]!, arrivedValues[start + index]!];
        if (first !== second) conflicts.push({ day, first: this.refOf(kept), firstValue: first, second: this.refOf(index), secondValue: second });
        continue;
      }
      kept = index;
      days[count] = day;
      values[count++] = arrivedValues[start + index]!;
    }
    this.store.overwrite(this.firstChunk, days, values, count);
    this.length = count;
    this.ascending = true;
    return conflicts;
  }

  /** The points, by day; a view where the store holds them in one piece. */
  read(): { days: Int32Array; values: Float64Array } {
    const { days, values, start, length } = this.store.read(this.firstChunk, this.length);
    return { days: days.subarray(start, start + length), values: values.subarray(start, start + length) };
  }

  private startRun(file: number): void {
    if (this.firstFile < 0) this.firstFile = file;
    else (this.laterRuns ??= []).push(this.length, file);
    this.currentFile = file;
  }

  private refOf(index: number): PointRef {
    // A file's points form one run: a file is read whole before the next one starts.
    const runs = this.laterRuns ?? [];
    let run = -1;
    while (run + 1 < runs.length / 2 && runs[(run + 1) * 2]! <= index) run++;
    return run < 0 ? { file: this.firstFile, arrival: index } : { file: runs[run * 2 + 1]!, arrival: index - runs[run * 2]! };
  }
}
