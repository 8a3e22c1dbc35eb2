// One series of a metric CSV, built point by point as the rows are read, then read as a Series.
// add() takes the points in arrival order (files in sorted path order, then line order), each
// with the file line it came from, so that a conflict names both of its lines without reading
// the file again. finish() sorts the points by day (stably: the first value read of a period is
// the one kept), drops identical repeats and returns differing repeats as conflicts; from then
// on the object is the Series.
//
// Memory: the points grow in one ArrayBuffer of the series' own, seen as doubles: the values
// from 0, and from `capacity` on each point's end day and line packed into one exact integer
// (day * 2^31 + line), 16 bytes a point. The first point waits in the object itself: the buffer
// is made at the second, sized by how far apart the two came (see nextCapacity), so that each
// of the 100,000 series of a large export sorted by period makes one buffer, not two, and
// leaves less for the garbage collector to move. Finishing a series whose points arrived in order turns
// the packed half into the days where it lies, so `days` and `values` are views of the same
// buffer and nothing is copied. The buffer grows with ArrayBuffer.transfer, which frees the old
// memory at once (or grows it in place) instead of leaving it to the garbage collector: a large
// export has 100,000 series growing in step, and garbage waiting for a collection raised the
// peak by half. For the same reason the object is its own Series: a second object for each of
// 100,000 series, made at the end, is work for the garbage collector and memory at the peak.
import { periodLabels } from './periods.ts';
import type { Granularity, Series } from './types.ts';

/** Where a point was read: an index into the ingestion's files, and a 1-based line. */
export interface PointPlace {
  file: number;
  line: number;
}

export interface PointConflict {
  day: number;
  first: PointPlace;
  firstValue: number;
  second: PointPlace;
  secondValue: number;
}

/** ArrayBuffer.prototype.transfer (ES2024, Node 21 on), which the ES2023 library types lack. */
function transfer(buffer: ArrayBufferLike, byteLength: number): ArrayBuffer {
  return (buffer as ArrayBuffer & { transfer(byteLength: number): ArrayBuffer }).transfer(byteLength);
}

const LINE_SPAN = 2 ** 31;
/** A line past this is kept as this; a file that long holds more rows than memory holds points. */
const MAX_LINE = LINE_SPAN - 1;
const FIRST_CAPACITY = 8;
/** Below every day number (days of the years 0000 to 9999 lie within 2^22 of 1970). */
const NO_DAY = -(2 ** 30);
// Sort keys pack (day, arrival index) into one exact double: (day + 2^22) * 2^30 + index.
const DAY_OFFSET = 2 ** 22;
const INDEX_SPAN = 2 ** 30;

const dayOf = (packed: number) => Math.floor(packed / LINE_SPAN);
const NO_CONFLICTS: PointConflict[] = [];
const NO_DAYS: Int32Array = new Int32Array(0);
const NO_POINTS: Float64Array = new Float64Array(0);

/** How far the file being read has been read, shared by the series of an ingestion. */
export interface ReadProgress {
  /** The index of the file being read. */
  file: number;
  /** Its size in bytes, 0 when unknown. */
  fileBytes: number;
  bytesRead: number;
}

export class GrowingSeries implements Series {
  readonly kpi: string;
  readonly scope: string;
  readonly granularity: Granularity;
  /** Where the first value was read, which set the granularity. */
  readonly firstFile: number;
  readonly firstLine: number;
  readonly firstCell: number;
  /** Set by finish(): the CSV path relative to the root, or several joined by ', '. */
  source = '';
  /** Set by finish(): day numbers of each point's period end, ascending. */
  days = NO_DAYS;
  length = 0;
  /** 0 until the second point (the first is held in firstValue and firstPacked). */
  private capacity = 0;
  private firstValue = 0;
  private firstPacked = 0;
  /** Values in [0, capacity), packed days and lines in [capacity, 2 * capacity). */
  private points: Float64Array;
  private currentFile: number;
  /** Pairs (index of its first point, file) of the files after the first; most series have none. */
  private laterFiles: number[] | undefined;
  private ascending = true;
  private lastDay = NO_DAY;
  private readonly progress: ReadProgress;
  /** progress.bytesRead when the first point came. */
  private readonly firstBytes: number;
  private fiscalYearStart = 1;
  private valueView: Float64Array | undefined;
  private labels: string[] | undefined;

  constructor(kpi: string, scope: string, granularity: Granularity, first: { file: number; line: number; cell: number }, progress: ReadProgress) {
    this.kpi = kpi;
    this.scope = scope;
    this.granularity = granularity;
    this.firstFile = first.file;
    this.firstLine = first.line;
    this.firstCell = first.cell;
    this.currentFile = first.file;
    this.points = NO_POINTS;
    this.progress = progress;
    this.firstBytes = progress.bytesRead;
  }


  /** Once finished: the values, parallel to `days` (a view made when first read). */
  get values(): Float64Array {
    return (this.valueView ??= this.points.subarray(0, this.length));
  }

  get periods(): string[] {
    return (this.labels ??= periodLabels(this.granularity, this.days, this.fiscalYearStart));
  }

  add(day: number, value: number, file: number, line: number): void {
    if (file !== this.currentFile) this.startFile(file);
    const n = this.length;
    if (day <= this.lastDay) this.ascending = false;
    this.lastDay = day;
    const packed = day * LINE_SPAN + (line < MAX_LINE ? line : MAX_LINE);
    if (n === 0) {
      // Held in the object until a second point comes: see grow().
      this.firstValue = value;
      this.firstPacked = packed;
      this.length = 1;
      return;
    }
    // Also at the second point, before which there is no buffer (capacity 0).
    if (n >= this.capacity) this.grow(line);
    this.points[n] = value;
    this.points[this.capacity + n] = packed;
    this.length = n + 1;
  }

  /**
   * Sorts the points by day, keeping one a period (the first read), names the source from the
   * ingestion's file paths, and returns every later point of a period whose value differs.
   * Call once, when every file has been read; the object is then the Series.
   */
  finish(paths: readonly string[], fiscalYearStart: number): PointConflict[] {
    this.fiscalYearStart = fiscalYearStart;
    this.source = this.sourceOf(paths);
    if (!this.ascending) return this.sort();
    if (this.capacity === 0) {
      // One point: arrays this small live in the object heap, with no buffer of their own.
      this.days = Int32Array.of(dayOf(this.firstPacked));
      this.valueView = Float64Array.of(this.firstValue);
      return NO_CONFLICTS;
    }
    const { points, capacity, length } = this;
    const days = (this.days = new Int32Array(points.buffer, capacity * 8, length));
    // Day i overwrites half of packed point i / 2, which has been read by then.
    for (let i = 0; i < length; i++) days[i] = dayOf(points[capacity + i]!);
    return NO_CONFLICTS;
  }

  private sort(): PointConflict[] {
    const { points, capacity, length } = this;
    const keys = new Float64Array(length);
    for (let i = 0; i < length; i++) keys[i] = (dayOf(points[capacity + i]!) + DAY_OFFSET) * INDEX_SPAN + i;
    keys.sort();
    const days = new Int32Array(length);
    const values = new Float64Array(length);
    const conflicts: PointConflict[] = [];
    let count = 0;
    let kept = -1;
    for (let k = 0; k < length; k++) {
      const index = keys[k]! % INDEX_SPAN;
      const day = dayOf(points[capacity + index]!);
      const value = points[index]!;
      if (count > 0 && days[count - 1] === day) {
        if (value !== values[count - 1]) conflicts.push({ day, first: this.placeOf(kept), firstValue: values[count - 1]!, second: this.placeOf(index), secondValue: value });
        continue;
      }
      kept = index;
      days[count] = day;
      values[count++] = value;
    }
    // Detached, so that its memory is free for the next series' arrays now, not after a collection.
    this.points = new Float64Array(transfer(points.buffer, 0));
    this.days = days.subarray(0, count);
    this.valueView = values.subarray(0, count);
    this.length = count;
    return conflicts;
  }

  /** The path of the points' file, or of each of their files in reading order, joined by ', '. */
  private sourceOf(paths: readonly string[]): string {
    const later = this.laterFiles;
    if (later === undefined) return paths[this.firstFile]!;
    return [this.firstFile, ...later.filter((_, i) => i % 2 === 1)].map((file) => paths[file]).join(', ');
  }

  private grow(line: number): void {
    const { capacity, length } = this;
    if (capacity === 0) {
      // The buffer is made at the second point, once its distance from the first tells how the
      // series' rows are spread: a series of an export sorted by period gets its final size at
      // once, a series of one point no buffer at all.
      const first = this.nextCapacity(line);
      this.points = new Float64Array(2 * first);
      this.points[0] = this.firstValue;
      this.points[first] = this.firstPacked;
      this.capacity = first;
      return;
    }
    const grown = this.nextCapacity(line);
    this.points = new Float64Array(transfer(this.points.buffer, grown * 16));
    this.points.copyWithin(grown, capacity, capacity + length);
    this.capacity = grown;
  }

  /**
   * The first buffer holds FIRST_CAPACITY points, and each later one doubles; except for a series
   * whose rows are spread through the file among other series' rows (an export sorted by period),
   * which gets room for as many points as it will have at the end of the file if they keep coming
   * as they came since its first (plus a sixteenth): at least a quarter more than it has room for,
   * at most 16 times as many (16 times FIRST_CAPACITY for the first buffer). All the series of
   * such an export grow in step: doubling each of them four times over to a hundred points took
   * a quarter of the ingestion time, and left their outgrown buffers as holes too small for the
   * next ones, half again the memory of the points. Projected from the second point, such a
   * series is made its buffer once.
   */
  private nextCapacity(line: number): number {
    const { capacity, length, firstBytes } = this;
    const { file, fileBytes, bytesRead } = this.progress;
    const spread = length * 4 <= line - this.firstLine;
    if (!spread || file !== this.firstFile || this.currentFile !== this.firstFile || bytesRead <= firstBytes || bytesRead >= fileBytes) return capacity === 0 ? FIRST_CAPACITY : 2 * capacity;
    const projected = Math.ceil(((length * (fileBytes - firstBytes)) / (bytesRead - firstBytes)) * 1.0625);
    const least = capacity === 0 ? FIRST_CAPACITY : capacity + Math.ceil(capacity / 4);
    return Math.min(Math.max(projected, least), 16 * Math.max(capacity, FIRST_CAPACITY));
  }

  private startFile(file: number): void {
    (this.laterFiles ??= []).push(this.length, file);
    this.currentFile = file;
  }

  private placeOf(index: number): PointPlace {
    // A file is read whole before the next, so each file's points are one run.
    let file = this.firstFile;
    const later = this.laterFiles ?? [];
    for (let run = 0; run < later.length && later[run]! <= index; run += 2) file = later[run + 1]!;
    const packed = this.points[this.capacity + index]!;
    return { file, line: packed - dayOf(packed) * LINE_SPAN };
  }
}
