// The tickets of every source, one slot per ticket, column by column in typed arrays: a
// million tickets cost about 120 bytes each, and no object is made per ticket. A missing
// instant or number is NaN; a missing reference -1. A duplicate id reuses its ticket's slot,
// so the row read last wins without leaving a stale copy behind.

const INITIAL_CAPACITY = 1024;

/** A mapped field holding a value that matched nothing: -2 - k for unmapped value k. */
export function unmappedCode(index: number): number {
  return -2 - index;
}

export function unmappedIndex(code: number): number {
  return -2 - code;
}

type FloatColumn = 'created' | 'firstReply' | 'firstReplyMinutes' | 'firstReplyBusinessMinutes' | 'solved' | 'resolutionMinutes' | 'resolutionBusinessMinutes' | 'reopens' | 'replies';
type IntColumn = 'source' | 'file' | 'line' | 'priority' | 'type' | 'team' | 'person' | 'channel' | 'segment' | 'csat' | 'valid';

const FLOAT_COLUMNS: readonly FloatColumn[] = [
  'created',
  'firstReply',
  'firstReplyMinutes',
  'firstReplyBusinessMinutes',
  'solved',
  'resolutionMinutes',
  'resolutionBusinessMinutes',
  'reopens',
  'replies',
];
const INT_COLUMNS: readonly IntColumn[] = ['source', 'file', 'line', 'priority', 'type', 'team', 'person', 'channel', 'segment', 'csat', 'valid'];

export class TicketStore {
  size = 0;
  /** The ticket id as written: a number when the id is a plain integer (cheaper to keep and look up). */
  ids: (number | string)[] = [];
  /** Instants in epoch ms; durations in minutes; counts. */
  created = new Float64Array(INITIAL_CAPACITY);
  firstReply = new Float64Array(INITIAL_CAPACITY);
  firstReplyMinutes = new Float64Array(INITIAL_CAPACITY);
  firstReplyBusinessMinutes = new Float64Array(INITIAL_CAPACITY);
  solved = new Float64Array(INITIAL_CAPACITY);
  resolutionMinutes = new Float64Array(INITIAL_CAPACITY);
  resolutionBusinessMinutes = new Float64Array(INITIAL_CAPACITY);
  reopens = new Float64Array(INITIAL_CAPACITY);
  replies = new Float64Array(INITIAL_CAPACITY);
  /** Index of the ticket's source in the catalog. */
  source = new Int32Array(INITIAL_CAPACITY);
  /** Where the winning row is: index into the list of files read, and its line. */
  file = new Int32Array(INITIAL_CAPACITY);
  line = new Int32Array(INITIAL_CAPACITY);
  /** Interned lower-case text (see TicketReadState.texts), -1 when empty. */
  priority = new Int32Array(INITIAL_CAPACITY);
  type = new Int32Array(INITIAL_CAPACITY);
  /** Index into the catalog's teams, people, channels, segments; -1 empty; see unmappedCode. */
  team = new Int32Array(INITIAL_CAPACITY);
  person = new Int32Array(INITIAL_CAPACITY);
  channel = new Int32Array(INITIAL_CAPACITY);
  segment = new Int32Array(INITIAL_CAPACITY);
  /** 1 good, 0 bad, -1 no rating. */
  csat = new Int32Array(INITIAL_CAPACITY);
  /** 0 when a cell of the winning row was unusable: the ticket is left out of every measure. */
  valid = new Int32Array(INITIAL_CAPACITY);

  /** A new slot, its columns unset. */
  add(id: number | string): number {
    if (this.size === this.created.length) this.grow();
    this.ids.push(id);
    return this.size++;
  }

  private grow(): void {
    const capacity = Math.ceil(this.created.length * 1.5);
    for (const name of FLOAT_COLUMNS) {
      const next = new Float64Array(capacity);
      next.set(this[name]);
      this[name] = next;
    }
    for (const name of INT_COLUMNS) {
      const next = new Int32Array(capacity);
      next.set(this[name]);
      this[name] = next;
    }
  }
}
