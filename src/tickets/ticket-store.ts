// The tickets of every source, one slot per row read, column by column in typed arrays: a
// million tickets cost about 100 bytes each, and no object is made per ticket. A missing
// instant or duration is NaN; a missing count, reference or rating -1.
// A plain integer id (what help desks use) is kept as a number in `numericId`; any other id as
// text in `textIds`. Rows are written in reading order, so the slots of one source are
// contiguous, and a repeated id is found after reading (see duplicate-ids.ts): the earlier
// row's slot is then marked SUPERSEDED, so the row read last wins.

const INITIAL_CAPACITY = 4096;

/** `valid` values: usable, left out for an unusable cell, or replaced by a later row of the same id. */
export const USABLE = 1;
export const UNUSABLE = 0;
export const SUPERSEDED = 2;

/** A mapped field holding a value that matched nothing: -2 - k for unmapped value k. */
export function unmappedCode(index: number): number {
  return -2 - index;
}

export function unmappedIndex(code: number): number {
  return -2 - code;
}

type FloatColumn = 'numericId' | 'created' | 'firstReply' | 'firstReplyMinutes' | 'firstReplyBusinessMinutes' | 'solved' | 'resolutionMinutes' | 'resolutionBusinessMinutes';
type IntColumn = 'source' | 'file' | 'line' | 'priority' | 'type' | 'team' | 'person' | 'channel' | 'segment' | 'reopens' | 'replies';
type ByteColumn = 'csat' | 'valid';

const FLOAT_COLUMNS: readonly FloatColumn[] = ['numericId', 'created', 'firstReply', 'firstReplyMinutes', 'firstReplyBusinessMinutes', 'solved', 'resolutionMinutes', 'resolutionBusinessMinutes'];
const INT_COLUMNS: readonly IntColumn[] = ['source', 'file', 'line', 'priority', 'type', 'team', 'person', 'channel', 'segment', 'reopens', 'replies'];
const BYTE_COLUMNS: readonly ByteColumn[] = ['csat', 'valid'];

export class TicketStore {
  size = 0;
  /** The id when it is a plain integer, else NaN (and the id is in textIds). */
  numericId = new Float64Array(INITIAL_CAPACITY);
  readonly textIds = new Map<number, string>();
  /** Instants in epoch ms; durations in minutes. */
  created = new Float64Array(INITIAL_CAPACITY);
  firstReply = new Float64Array(INITIAL_CAPACITY);
  firstReplyMinutes = new Float64Array(INITIAL_CAPACITY);
  firstReplyBusinessMinutes = new Float64Array(INITIAL_CAPACITY);
  solved = new Float64Array(INITIAL_CAPACITY);
  resolutionMinutes = new Float64Array(INITIAL_CAPACITY);
  resolutionBusinessMinutes = new Float64Array(INITIAL_CAPACITY);
  /** Index of the ticket's source in the catalog. */
  source = new Int32Array(INITIAL_CAPACITY);
  /** Where the row is: index into the list of files read, and its line. */
  file = new Int32Array(INITIAL_CAPACITY);
  line = new Int32Array(INITIAL_CAPACITY);
  /** Interned lower-case text (see ReadState.texts), -1 when empty. */
  priority = new Int32Array(INITIAL_CAPACITY);
  type = new Int32Array(INITIAL_CAPACITY);
  /** Index into the catalog's teams, people, channels, segments; -1 empty; see unmappedCode. */
  team = new Int32Array(INITIAL_CAPACITY);
  person = new Int32Array(INITIAL_CAPACITY);
  channel = new Int32Array(INITIAL_CAPACITY);
  segment = new Int32Array(INITIAL_CAPACITY);
  reopens = new Int32Array(INITIAL_CAPACITY);
  replies = new Int32Array(INITIAL_CAPACITY);
  /** 1 good, 0 bad, -1 no rating. */
  csat = new Int8Array(INITIAL_CAPACITY);
  /** USABLE, UNUSABLE or SUPERSEDED. */
  valid = new Int8Array(INITIAL_CAPACITY);

  /** A new slot, its columns unset. */
  add(): number {
    if (this.size === this.created.length) this.grow();
    return this.size++;
  }

  /** The ticket id as written. */
  idOf(t: number): string {
    const numeric = this.numericId[t]!;
    return numeric === numeric ? String(numeric) : this.textIds.get(t)!;
  }

  /** Makes room for `capacity` tickets in all, at once rather than by repeated growth. */
  reserve(capacity: number): void {
    if (capacity > this.created.length) this.grow(capacity);
  }

  private grow(capacity = Math.ceil(this.created.length * 1.5)): void {
    // Doubling would leave up to half of the columns unused at a million tickets.
    for (const name of FLOAT_COLUMNS) this[name] = grown(new Float64Array(capacity), this[name]);
    for (const name of INT_COLUMNS) this[name] = grown(new Int32Array(capacity), this[name]);
    for (const name of BYTE_COLUMNS) this[name] = grown(new Int8Array(capacity), this[name]);
  }
}

function grown<T extends Float64Array | Int32Array | Int8Array>(next: T, previous: T): T {
  next.set(previous as never);
  return next;
}
