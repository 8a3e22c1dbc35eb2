// Cell text -> the code it was read as, for the columns that hold a few texts over and over
// (team, person, channel, segment, priority): an open-addressing table with string keys.
// Every row looks up several of its cells here, each a string the CSV parser has just made;
// hashing a few characters and comparing with one key costs about half of a Map lookup, and a
// cell can be looked up where it lies in the row's text, without a string of its own.

/** What get() returns for a text not in the table. */
export const NOT_FOUND = -2147483648;

const INITIAL_SLOTS = 64;

/** A hash of the length and characters of text[start, end) (the first and last 16 of a long one). */
function hashOf(text: string, start: number, end: number): number {
  const length = end - start;
  let hash = length ^ 0x811c9dc5;
  if (length <= 32) {
    for (let i = start; i < end; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  } else {
    for (let i = start; i < start + 16; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
    for (let i = end - 16; i < end; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  }
  return hash ^ (hash >>> 15);
}

export class CellCodes {
  /** How many texts the table holds. */
  size = 0;
  private keys: string[] = new Array<string>(INITIAL_SLOTS).fill('');
  /** NOT_FOUND marks a free slot. */
  private codes = new Int32Array(INITIAL_SLOTS).fill(NOT_FOUND);
  private mask = INITIAL_SLOTS - 1;

  /** The code of `text`, or NOT_FOUND. */
  get(text: string): number {
    return this.getAt(text, 0, text.length);
  }

  /** The code of text[start, end), compared where it lies (no string is cut out), or NOT_FOUND. */
  getAt(text: string, start: number, end: number): number {
    const { keys, codes, mask } = this;
    const length = end - start;
    for (let slot = hashOf(text, start, end) & mask; ; slot = (slot + 1) & mask) {
      const code = codes[slot]!;
      if (code === NOT_FOUND) return code;
      const key = keys[slot]!;
      if (key.length === length && text.startsWith(key, start)) return code;
    }
  }

  /** Adds `text` (not yet in the table; a string of its own, see ownCopy) with `code` (not NOT_FOUND). */
  set(text: string, code: number): void {
    // At most half full, so that a search meets a free slot soon.
    if (2 * (this.size + 1) > this.codes.length) this.grow();
    this.put(text, code);
    this.size++;
  }

  private put(text: string, code: number): void {
    let slot = hashOf(text, 0, text.length) & this.mask;
    while (this.codes[slot] !== NOT_FOUND) slot = (slot + 1) & this.mask;
    this.keys[slot] = text;
    this.codes[slot] = code;
  }

  private grow(): void {
    const { keys, codes } = this;
    this.keys = new Array<string>(2 * keys.length).fill('');
    this.codes = new Int32Array(2 * codes.length).fill(NOT_FOUND);
    this.mask = this.codes.length - 1;
    for (let slot = 0; slot < codes.length; slot++) if (codes[slot] !== NOT_FOUND) this.put(keys[slot]!, codes[slot]!);
  }
}
