// The memory every series' points live in, during ingestion and after. Points are written into
// chunks of 16, handed out in turn from slabs of 65,536 points (an Int32Array of end days and a
// Float64Array of values), and a series' chunks are linked through one shared Int32Array. So a
// growing series never copies its points nor allocates anything of its own: allocating typed
// arrays one series at a time cost more than reading the CSV. A series is gathered into arrays
// of its own only when something reads it (see series.ts), and most series of a large export
// are never read. Memory stays near 12 bytes a point plus half a chunk a series.

export const CHUNK_POINTS = 16;
const CHUNK_SHIFT = 4;
const SLAB_CHUNKS = 4096;
const SLAB_SHIFT = 12;
const SLAB_POINTS = SLAB_CHUNKS * CHUNK_POINTS;
const NONE = -1;

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
   * its chunks are adjacent there (a series read in one run), else a copy.
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

  /** Overwrites the first `length` points of the series starting at chunk `first`. */
  overwrite(first: number, days: Int32Array, values: Float64Array, length: number): void {
    let chunk = first;
    for (let i = 0; i < length; i++) {
      const offset = i & (CHUNK_POINTS - 1);
      if (i > 0 && offset === 0) chunk = this.next[chunk]!;
      this.write(chunk, offset, days[i]!, values[i]!);
    }
  }
}
