// A parsed YAML document that remembers where every value came from: later stages ask for a
// path and get a position. Only `locate` and read-document.ts, which fills the outline it reads,
// know the shape of the YAML syntax tree.
import type { LineCounter } from 'yaml';
import type { SourcePosition } from '../diagnostics/diagnostic.ts';

export type DocPath = readonly (string | number)[];

export interface SourceDocument {
  file: string;
  /** 0-based index of the document within its file. */
  index: number;
  /** The plain JS value of the document (aliases expanded, capped). */
  data: unknown;
  /** Position of the value at `path`; when it is missing, the key of its closest existing parent. */
  locate(path: DocPath): SourcePosition;
  /** Position of the key at `path` (for unknown fields); the value's when there is no key. */
  locateKey(path: DocPath): SourcePosition;
}

/** No node, or no position. */
export const NONE = -1;
const OTHER = 0;
const MAP = 1;
const LIST = 2;

/**
 * The shape of a document's syntax tree that `locate` walks, in a few arrays of numbers: each
 * node's start, and for a mapping or a list its entries (a mapping's key as text and where it
 * starts, and the node each entry leads to). Kept instead of the tree, which holds several
 * objects per value: kept for every document of 1,000 goal files, the trees held 4 MB more
 * for the garbage collector to copy and mark (20 MB live at the end instead of 15). Filled
 * node by node, in the order a walk meets them (see read-document.ts).
 */
export class Outline {
  /** Per node: where it starts, or NONE. */
  private readonly start: number[] = [];
  /** Per node: MAP, LIST or OTHER (a scalar, an alias, or anything the path cannot go into). */
  private readonly kind: number[] = [];
  /** Per node: its first entry (in the arrays below) and how many it has. */
  private readonly first: number[] = [];
  private readonly count: number[] = [];
  /** Per entry of a mapping: its key as text (`String(key.value)`), or null for a key that is no scalar. */
  private readonly key: (string | null)[] = [];
  /** Per entry of a mapping: where its key starts, or NONE. */
  private readonly keyStart: number[] = [];
  /** Per entry: the node it leads to, or NONE for an empty value. */
  private readonly value: number[] = [];

  /** The number the next node added gets. */
  get size(): number {
    return this.start.length;
  }

  /** Adds a node that a path cannot go into (a scalar, an alias). */
  addLeaf(start: number): void {
    this.add(start, OTHER, 0, 0);
  }

  /** Adds a mapping or a list with `count` entries, each empty until set; returns its first entry. */
  addCollection(start: number, isMapping: boolean, count: number): number {
    const first = this.key.length;
    this.add(start, isMapping ? MAP : LIST, first, count);
    for (let i = 0; i < count; i++) {
      this.key.push(null);
      this.keyStart.push(NONE);
      this.value.push(NONE);
    }
    return first;
  }

  setKey(entry: number, key: string | null, start: number): void {
    this.key[entry] = key;
    this.keyStart[entry] = start;
  }

  setValue(entry: number, node: number): void {
    this.value[entry] = node;
  }

  private add(start: number, kind: number, first: number, count: number): void {
    this.start.push(start);
    this.kind.push(kind);
    this.first.push(first);
    this.count.push(count);
  }

  /**
   * Follows `path` from the root as far as it goes: the node reached (NONE for an empty value),
   * the start of the last key passed (NONE after a list item), and how many segments resolved.
   */
  descend(path: DocPath): { node: number; keyStart: number; depth: number } {
    let node = this.start.length > 0 ? 0 : NONE;
    let keyStart = NONE;
    let depth = 0;
    for (const segment of path) {
      if (node === NONE) break;
      const kind = this.kind[node]!;
      const first = this.first[node]!;
      const count = this.count[node]!;
      if (kind === MAP) {
        const name = String(segment);
        let entry = first;
        while (entry < first + count && this.key[entry] !== name) entry++;
        if (entry === first + count) break;
        keyStart = this.keyStart[entry]!;
        node = this.value[entry]!;
      } else if (kind === LIST && typeof segment === 'number') {
        if (!(Number.isInteger(segment) && segment >= 0 && segment < count)) break;
        node = this.value[first + segment]!;
        keyStart = NONE;
      } else {
        break;
      }
      depth++;
    }
    return { node, keyStart, depth };
  }

  /** Where `node` starts; NONE for NONE. */
  startOf(node: number): number {
    return node === NONE || node >= this.start.length ? NONE : this.start[node]!;
  }
}

/** `outline` is the document's (see read-document.ts); `docStart` where the document starts, the place of a path that finds nothing. */
export function createSourceDocument(file: string, index: number, outline: Outline, docStart: number, lineCounter: LineCounter, data: unknown): SourceDocument {
  const at = (offset: number): SourcePosition => {
    const pos = lineCounter.linePos(offset === NONE ? docStart : offset);
    return { file, line: pos.line, column: pos.col };
  };
  const firstKnown = (...offsets: number[]) => offsets.find((offset) => offset !== NONE) ?? NONE;
  const root = outline.startOf(0);
  return {
    file,
    index,
    data,
    locate(path) {
      const found = outline.descend(path);
      if (found.depth === path.length && found.node !== NONE) return at(outline.startOf(found.node));
      return at(firstKnown(found.keyStart, outline.startOf(found.node), root));
    },
    locateKey(path) {
      const found = outline.descend(path);
      if (found.depth === path.length && found.keyStart !== NONE) return at(found.keyStart);
      return at(firstKnown(found.keyStart, outline.startOf(found.node), root));
    },
  };
}
