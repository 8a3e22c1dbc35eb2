// A parsed YAML document that remembers where every value came from. `locate` is the only
// code that knows the YAML syntax tree: later stages ask for a path and get a position.
import { isMap, isPair, isScalar, isSeq, type Document, type LineCounter, type Node } from 'yaml';
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

const NONE = -1;
const OTHER = 0;
const MAP = 1;
const LIST = 2;

/**
 * The shape of a document's syntax tree that `locate` walks, in a few arrays of numbers: each
 * node's start, and for a mapping or a list its entries (a mapping's key as text and where it
 * starts, and the node each entry leads to). Kept instead of the tree, which holds a dozen
 * objects per value: kept for every document of a workspace, the tree made the garbage
 * collector copy and mark several times more than the data itself.
 */
class Outline {
  /** Per node: where it starts, or NONE. */
  readonly start: number[] = [];
  /** Per node: MAP, LIST or OTHER (a scalar, an alias, or anything the path cannot go into). */
  readonly kind: number[] = [];
  /** Per node: its first entry (in the arrays below) and how many it has. */
  readonly first: number[] = [];
  readonly count: number[] = [];
  /** Per entry of a mapping: its key as text (`String(key.value)`), or null for a key that is no scalar. */
  readonly key: (string | null)[] = [];
  /** Per entry of a mapping: where its key starts, or NONE. */
  readonly keyStart: number[] = [];
  /** Per entry: the node it leads to, or NONE for an empty value. */
  readonly value: number[] = [];

  constructor(root: Node | null) {
    if (root) this.add(root);
  }

  private add(node: unknown): number {
    const at = this.start.length;
    this.start.push((node as { range?: [number, number, number] }).range?.[0] ?? NONE);
    if (isMap(node) || isSeq(node)) {
      const items = node.items as unknown[];
      const first = this.key.length;
      this.kind.push(isMap(node) ? MAP : LIST);
      this.first.push(first);
      this.count.push(items.length);
      // Entries first, then the nodes they lead to, so that a node's entries sit side by side.
      for (const item of items) {
        const keyNode = isMap(node) && isPair(item) ? item.key : null;
        this.key.push(isScalar(keyNode) ? String(keyNode.value) : null);
        this.keyStart.push((keyNode as { range?: [number, number, number] } | null)?.range?.[0] ?? NONE);
        this.value.push(NONE);
      }
      for (let i = 0; i < items.length; i++) {
        const item = items[i];
        const child = isMap(node) ? (isPair(item) ? item.value : null) : item;
        if (child) this.value[first + i] = this.add(child);
      }
    } else {
      this.kind.push(OTHER);
      this.first.push(0);
      this.count.push(0);
    }
    return at;
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

  startOf(node: number): number {
    return node === NONE ? NONE : this.start[node]!;
  }
}

export function createSourceDocument(
  file: string,
  index: number,
  doc: Document,
  lineCounter: LineCounter,
  data: unknown,
): SourceDocument {
  const outline = new Outline((doc.contents as Node | null) ?? null);
  const docStart = doc.range?.[0] ?? 0;
  const at = (offset: number): SourcePosition => {
    const pos = lineCounter.linePos(offset === NONE ? docStart : offset);
    return { file, line: pos.line, column: pos.col };
  };
  const firstKnown = (...offsets: number[]) => offsets.find((offset) => offset !== NONE) ?? NONE;
  const root = outline.startOf(outline.start.length > 0 ? 0 : NONE);
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
