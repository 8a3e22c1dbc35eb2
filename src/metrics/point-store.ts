// The memory every series' points live in, during ingestion and after. Points are written into
// chunks of 8, handed out in turn from slabs of 65,536 points (an Int32Array of end days and a
// Float64Array of values), and a series' chunks are linked through one shared Int32Array. So a
// growing series never copies its points nor allocates anything of its own: allocating typed
// arrays one series at a time cost more than reading the CSV. A series is gathered into arrays
// of its own only when something reads it (see series.ts), and most series of a large export
// are never read. Memory stays near 12 bytes a point plus half a chunk a series (and a part of a
// file read apart adds another half chunk to each series in it: with chunks of 16, the points
// of 10,000,000 rows in two parts took 18 MB more than read whole, so chunks hold 8).
//
// A chunk is full unless it is the last of its series, except where a store adopted the slabs
// of another (a part of a file read by another thread, see parallel-ingest.ts): there a series'
// partly filled last chunk is linked to the other store's first chunk of the same series, so
// each chunk's point count is kept beside its link.

export const CHUNK_POINTS = 8;
const CHUNK_SHIFT = 3;
const SLAB_CHUNKS = 8192;
const SLAB_SHIFT = 13;
const SLAB_POINTS = SLAB_CHUNKS * CHUNK_POINTS;
const NONE = -1;

/** A series' points: `length` items of `days` and `values` from `start` on. */
export interface StoredPoints {
  days: Int32Array;
  values: Float64Array;
  start: number;
  length: number;
}

/** A store's whole content, to hand to another thread (its buffers can be transferred). */
export interface StoreContent {
  daySlabs: Int32Array[];
  valueSlabs: Float64Array[];
  next: Int32Array;
  fill: Uint8Array;
}

export class PointStore {
  private readonly daySlabs: Int32Array[] = [];
  private readonly valueSlabs: Float64Array[] = [];
  /** The chunk after each chunk in its series, or NONE. */
  private next = new Int32Array(SLAB_CHUNKS);
  /** How many points each chunk holds; only read for chunks that have a next. */
  private fill = new Uint8Array(SLAB_CHUNKS);
  private chunkCount = 0;

  /** A new, empty chunk's number, linked after `previous` (holding `previousFill` points) unless that is NONE. */
  allocate(previous: number = NONE, previousFill = CHUNK_POINTS): number {
    const chunk = this.chunkCount++;
    if (chunk >> SLAB_SHIFT === this.daySlabs.length) {
      this.daySlabs.push(new Int32Array(SLAB_POINTS));
      this.valueSlabs.push(new Float64Array(SLAB_POINTS));
      this.reserve(chunk + SLAB_CHUNKS);
    }
    this.next[chunk] = NONE;
    if (previous !== NONE) this.link(previous, previousFill, chunk);
    return chunk;
  }

  /** Makes `chunk`, holding `fill` points, continue with `after`. */
  link(chunk: number, fill: number, after: number): void {
    this.next[chunk] = after;
    this.fill[chunk] = fill;
  }

  write(chunk: number, offset: number, day: number, value: number): void {
    const slab = chunk >> SLAB_SHIFT;
    const at = ((chunk & (SLAB_CHUNKS - 1)) << CHUNK_SHIFT) | offset;
    this.daySlabs[slab]![at] = day;
    this.valueSlabs[slab]![at] = value;
  }

  /**
   * The first `length` points of the series starting at chunk `first`: its slab's range when
   * its chunks are adjacent and full there (a series read in one run), else a copy.
   */
  read(first: number, length: number): StoredPoints {
    const slab = first >> SLAB_SHIFT;
    const start = (first & (SLAB_CHUNKS - 1)) << CHUNK_SHIFT;
    let adjacent = start + length <= SLAB_POINTS;
    // A chunk with a next holds `fill` points; the points left run on into the next chunk,
    // which must be the very next one, after a full chunk.
    for (let chunk = first, left = length; adjacent && this.next[chunk] !== NONE && left > this.fill[chunk]!; chunk++, left -= CHUNK_POINTS) {
      adjacent = this.fill[chunk] === CHUNK_POINTS && this.next[chunk] === chunk + 1;
    }
    if (length > 0 && adjacent) return { days: this.daySlabs[slab]!, values: this.valueSlabs[slab]!, start, length };
    const days = new Int32Array(length);
    const values = new Float64Array(length);
    this.walk(first, length, (i, slabOf, at) => {
      days[i] = this.daySlabs[slabOf]![at]!;
      values[i] = this.valueSlabs[slabOf]![at]!;
    });
    return { days, values, start: 0, length };
  }

  /** Overwrites the first `length` points of the series starting at chunk `first`. */
  overwrite(first: number, days: Int32Array, values: Float64Array, length: number): void {
    this.walk(first, length, (i, slab, at) => {
      this.daySlabs[slab]![at] = days[i]!;
      this.valueSlabs[slab]![at] = values[i]!;
    });
  }

  /** Everything stored, for handing to another thread; this store is not used afterwards. */
  content(): StoreContent {
    return { daySlabs: this.daySlabs, valueSlabs: this.valueSlabs, next: this.next.subarray(0, this.chunkCount), fill: this.fill.subarray(0, this.chunkCount) };
  }

  /**
   * Takes over another store's slabs without copying a point, and returns what to add to its
   * chunk numbers to make them this store's. Later chunks are cut from a fresh slab.
   */
  adopt(other: StoreContent): number {
    const offset = this.daySlabs.length << SLAB_SHIFT;
    this.daySlabs.push(...other.daySlabs);
    this.valueSlabs.push(...other.valueSlabs);
    this.chunkCount = this.daySlabs.length << SLAB_SHIFT;
    this.reserve(this.chunkCount);
    for (let chunk = 0; chunk < other.next.length; chunk++) {
      const after = other.next[chunk]!;
      this.next[offset + chunk] = after === NONE ? NONE : after + offset;
    }
    this.fill.set(other.fill, offset);
    return offset;
  }

  /** Calls `visit` with each of the first `length` points' index, slab and place in the slab. */
  private walk(first: number, length: number, visit: (index: number, slab: number, at: number) => void): void {
    let chunk = first;
    let offset = 0;
    for (let i = 0; i < length; i++, offset++) {
      if (offset === CHUNK_POINTS || (offset > 0 && offset === this.fill[chunk] && this.next[chunk] !== NONE)) {
        chunk = this.next[chunk]!;
        offset = 0;
      }
      visit(i, chunk >> SLAB_SHIFT, ((chunk & (SLAB_CHUNKS - 1)) << CHUNK_SHIFT) | offset);
    }
  }

  private reserve(chunks: number): void {
    if (chunks <= this.next.length) return;
    let size = this.next.length;
    while (size < chunks) size *= 2;
    const next = new Int32Array(size);
    next.set(this.next);
    this.next = next;
    const fill = new Uint8Array(size);
    fill.set(this.fill);
    this.fill = fill;
  }
}
