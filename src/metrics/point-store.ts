// The memory every series' points live in during ingestion and after. Points are written into
// chunks of 16, handed out in turn from slabs of 65,536 points (an Int32Array of end days and a
// Float64Array of values), and a series' chunks are linked through one shared Int32Array. So a
// growing series never copies its points nor allocates anything of its own: allocating typed
// arrays one series at a time cost more than reading the CSV. When ingestion ends, arrange()
// moves the chunks in place so that each series' chunks are adjacent and in order; a series is
// then a range of its slab. Memory stays near 12 bytes a point plus half a chunk a series, and
// no point is ever held twice.

export const CHUNK_POINTS = 16;
const CHUNK_SHIFT = 4;
const SLAB_CHUNKS = 4096;
const SLAB_SHIFT = 12;
const SLAB_POINTS = SLAB_CHUNKS * CHUNK_POINTS;
const NONE = -1;
/** Stands for the spare chunk in copy(). */
const SPARE = -2;

/** What arrange() needs of a series: its first and last chunk, renumbered by arrange(). */
export interface ChunkedSeries {
  firstChunk: number;
  lastChunk: number;
}

/** A series' points: `length` items of `days` and `values` from `start` on. */
export interface StoredPoints {
  days: Int32Array;
  values: Float64Array;
  start: number;
  length: number;
}

export class PointStore {
  private readonly daySlabs: Int32Array[] = [];
  private readonly valueSlabs: Float64Array[] = [];
  /** The chunk after each chunk in its series, or NONE. */
  private next = new Int32Array(SLAB_CHUNKS);
  private chunkCount = 0;

  /** A new, empty chunk's number, linked after `previous` unless that is NONE. */
  allocate(previous: number = NONE): number {
    const chunk = this.chunkCount++;
    if (chunk >> SLAB_SHIFT === this.daySlabs.length) {
      this.daySlabs.push(new Int32Array(SLAB_POINTS));
      this.valueSlabs.push(new Float64Array(SLAB_POINTS));
      if (chunk === this.next.length) {
        const next = new Int32Array(this.next.length * 2);
        next.set(this.next);
        this.next = next;
      }
    }
    this.next[chunk] = NONE;
    if (previous !== NONE) this.next[previous] = chunk;
    return chunk;
  }

  write(chunk: number, offset: number, day: number, value: number): void {
    const slab = chunk >> SLAB_SHIFT;
    const at = ((chunk & (SLAB_CHUNKS - 1)) << CHUNK_SHIFT) | offset;
    this.daySlabs[slab]![at] = day;
    this.valueSlabs[slab]![at] = value;
  }

  /**
   * The first `length` points of the series starting at chunk `first`: its slab's range when
   * its chunks are adjacent there (always so after arrange(), unless the series crosses a
   * slab's end), else a copy.
   */
  read(first: number, length: number): StoredPoints {
    const slab = first >> SLAB_SHIFT;
    const start = (first & (SLAB_CHUNKS - 1)) << CHUNK_SHIFT;
    let adjacent = start + length <= SLAB_POINTS;
    for (let chunk = first, i = 0; adjacent && chunk !== NONE; chunk = this.next[chunk]!, i++) adjacent = chunk === first + i;
    if (length > 0 && adjacent) return { days: this.daySlabs[slab]!, values: this.valueSlabs[slab]!, start, length };
    const days = new Int32Array(length);
    const values = new Float64Array(length);
    let chunk = first;
    for (let i = 0; i < length; i++) {
      const offset = i & (CHUNK_POINTS - 1);
      if (i > 0 && offset === 0) chunk = this.next[chunk]!;
      const at = ((chunk & (SLAB_CHUNKS - 1)) << CHUNK_SHIFT) | offset;
      days[i] = this.daySlabs[chunk >> SLAB_SHIFT]![at]!;
      values[i] = this.valueSlabs[chunk >> SLAB_SHIFT]![at]!;
    }
    return { days, values, start: 0, length };
  }

  /**
   * Moves every chunk so that the series' chunks follow each other in the given order, and
   * renumbers each series' chunks. Each chunk moves once, along the cycles of the permutation,
   * through one spare chunk: no second copy of the points is ever made.
   */
  arrange(series: readonly ChunkedSeries[]): void {
    const total = this.chunkCount;
    // source[position] = the chunk that is to end up at position.
    const source = new Int32Array(total);
    const counts = new Int32Array(series.length);
    let position = 0;
    series.forEach((one, index) => {
      for (let chunk = one.firstChunk; chunk !== NONE && position < total; chunk = this.next[chunk]!) {
        source[position++] = chunk;
        counts[index]!++;
      }
    });
    if (position !== total) throw new Error(`arrange() was given ${position} of ${total} chunks`);
    const spareDays = new Int32Array(CHUNK_POINTS);
    const spareValues = new Float64Array(CHUNK_POINTS);
    const placed = new Uint8Array(total);
    for (let start = 0; start < total; start++) {
      if (placed[start] || source[start] === start) continue;
      this.copy(start, SPARE, spareDays, spareValues);
      for (let at = start; ; ) {
        placed[at] = 1;
        const from = source[at]!;
        if (from === start) {
          this.copy(SPARE, at, spareDays, spareValues);
          break;
        }
        this.copy(from, at, spareDays, spareValues);
        at = from;
      }
    }
    position = 0;
    series.forEach((one, index) => {
      const count = counts[index]!;
      if (count === 0) return;
      one.firstChunk = position;
      one.lastChunk = position + count - 1;
      for (let i = 0; i < count; i++, position++) this.next[position] = i === count - 1 ? NONE : position + 1;
    });
  }

  /** Copies a chunk's points; SPARE stands for the spare chunk. */
  private copy(from: number, to: number, spareDays: Int32Array, spareValues: Float64Array): void {
    const fromDays = from < 0 ? spareDays : this.daySlabs[from >> SLAB_SHIFT]!;
    const fromValues = from < 0 ? spareValues : this.valueSlabs[from >> SLAB_SHIFT]!;
    const toDays = to < 0 ? spareDays : this.daySlabs[to >> SLAB_SHIFT]!;
    const toValues = to < 0 ? spareValues : this.valueSlabs[to >> SLAB_SHIFT]!;
    const fromStart = from < 0 ? 0 : (from & (SLAB_CHUNKS - 1)) << CHUNK_SHIFT;
    const toStart = to < 0 ? 0 : (to & (SLAB_CHUNKS - 1)) << CHUNK_SHIFT;
    for (let i = 0; i < CHUNK_POINTS; i++) {
      toDays[toStart + i] = fromDays[fromStart + i]!;
      toValues[toStart + i] = fromValues[fromStart + i]!;
    }
  }
}
