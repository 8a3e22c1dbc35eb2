// Accumulates one series' points during ingestion. Memory grows with points, not rows: three
// growable typed arrays (end day, value, file line: 16 bytes a point) and the file a point came
// from as runs (a new run only when the file changes). Points arrive in file order; finish()
// sorts them by day (stably: the first-read point of a period wins), drops identical repeats
// and returns the differing repeats as conflicts.
import type { Granularity } from './types.ts';

export interface PointSource {
  file: number;
  line: number;
}

export interface PointConflict {
  day: number;
  first: PointSource;
  firstValue: number;
  second: PointSource;
  secondValue: number;
}

const INITIAL_CAPACITY = 64;
// Sort keys pack (day, arrival index) into one exact double: (day + 2^22) * 2^30 + index.
const DAY_OFFSET = 2 ** 22;
const INDEX_SPAN = 2 ** 30;

/**
 * The first `length` items. A mostly full buffer is handed over as a view rather than copied:
 * a copy would briefly double the memory of every series at the end of ingestion, while the
 * view wastes at most a quarter of it.
 */
function fitted<T extends Int32Array | Float64Array>(array: T, length: number): T {
  return (length >= (array.length * 3) / 4 ? array.subarray(0, length) : array.slice(0, length)) as T;
}

const NO_DAYS = new Int32Array(0);
const NO_VALUES = new Float64Array(0);

/** Buffers shared by every series when their sizes are known in advance (see reserve()). */
export interface PointArena {
  days: Int32Array;
  values: Float64Array;
  lines: Int32Array;
  used: number;
}

export function createPointArena(points: number): PointArena {
  return { days: new Int32Array(points), values: new Float64Array(points), lines: new Int32Array(points), used: 0 };
}

export class SeriesBuilder {
  length = 0;
  /** Points seen by a counting pass (see ingest.ts), for reserve(). */
  counted = 0;
  // Buffers are allocated on the first point (or by reserve()); until then every builder shares
  // the same empty ones, so a counting pass over 100,000 series allocates no buffers at all.
  private days: Int32Array = NO_DAYS;
  private values: Float64Array = NO_VALUES;
  private lines: Int32Array = NO_DAYS;
  /** Pairs: first point index of a run, file index of the run. */
  private fileRuns: number[] = [];
  private ascending = true;

  readonly kpi: string;
  readonly scope: string;
  readonly granularity: Granularity;
  /** Where the series' first point (and so its granularity) came from. */
  readonly firstSource: PointSource & { cell: number };

  constructor(kpi: string, scope: string, granularity: Granularity, firstSource: PointSource & { cell: number }) {
    this.kpi = kpi;
    this.scope = scope;
    this.granularity = granularity;
    this.firstSource = firstSource;
  }

  /** Sizes the buffers to exactly the points a counting pass saw, so they never grow. */
  reserve(arena?: PointArena): void {
    if (this.counted <= this.days.length) return;
    if (!arena) return this.resize(this.counted);
    // Views into shared buffers: one allocation for all series instead of three per series.
    const start = arena.used;
    arena.used += this.counted;
    this.days = arena.days.subarray(start, arena.used);
    this.values = arena.values.subarray(start, arena.used);
    this.lines = arena.lines.subarray(start, arena.used);
  }

  add(day: number, value: number, line: number, file: number): void {
    const n = this.length;
    if (n === this.days.length) this.grow();
    if (n > 0 && day <= this.days[n - 1]!) this.ascending = false;
    if (this.fileRuns.length === 0 || this.fileRuns[this.fileRuns.length - 1] !== file) this.fileRuns.push(n, file);
    this.days[n] = day;
    this.values[n] = value;
    this.lines[n] = line;
    this.length = n + 1;
  }

  finish(): { days: Int32Array; values: Float64Array; conflicts: PointConflict[] } {
    const n = this.length;
    if (this.ascending) return { days: fitted(this.days, n), values: fitted(this.values, n), conflicts: [] };
    const keys = new Float64Array(n);
    for (let i = 0; i < n; i++) keys[i] = (this.days[i]! + DAY_OFFSET) * INDEX_SPAN + i;
    keys.sort();
    const days = new Int32Array(n);
    const values = new Float64Array(n);
    let count = 0;
    const conflicts: PointConflict[] = [];
    let kept = -1;
    for (let k = 0; k < n; k++) {
      const index = keys[k]! % INDEX_SPAN;
      const day = this.days[index]!;
      if (kept >= 0 && this.days[kept] === day) {
        if (this.values[index] !== this.values[kept]) conflicts.push(this.conflict(kept, index));
        continue;
      }
      kept = index;
      days[count] = day;
      values[count++] = this.values[index]!;
    }
    return { days: fitted(days, count), values: fitted(values, count), conflicts };
  }

  private conflict(first: number, second: number): PointConflict {
    return {
      day: this.days[first]!,
      first: this.sourceOf(first),
      firstValue: this.values[first]!,
      second: this.sourceOf(second),
      secondValue: this.values[second]!,
    };
  }

  private sourceOf(index: number): PointSource {
    const runs = this.fileRuns;
    let low = 0;
    let high = runs.length / 2 - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (runs[middle * 2]! <= index) low = middle;
      else high = middle - 1;
    }
    return { file: runs[low * 2 + 1]!, line: this.lines[index]! };
  }

  private grow(): void {
    this.resize(Math.max(INITIAL_CAPACITY, this.days.length * 2));
  }

  private resize(capacity: number): void {
    const days = new Int32Array(capacity);
    days.set(this.days);
    const values = new Float64Array(capacity);
    values.set(this.values);
    const lines = new Int32Array(capacity);
    lines.set(this.lines);
    this.days = days;
    this.values = values;
    this.lines = lines;
  }
}
