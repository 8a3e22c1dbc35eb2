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

interface Found {
  node: Node | null;
  key: Node | null;
  /** How many path segments resolved. */
  depth: number;
}

function descend(root: Node | null, path: DocPath): Found {
  let node: Node | null = root;
  let key: Node | null = null;
  let depth = 0;
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(segment));
      if (!pair) break;
      key = (pair.key as Node) ?? key;
      node = (pair.value as Node | null) ?? null;
    } else if (isSeq(node) && typeof segment === 'number') {
      const item = node.items[segment];
      if (item === undefined) break;
      node = (item as Node | null) ?? null;
      key = null;
    } else {
      break;
    }
    depth++;
  }
  return { node, key, depth };
}

export function createSourceDocument(
  file: string,
  index: number,
  doc: Document,
  lineCounter: LineCounter,
  data: unknown,
): SourceDocument {
  const root = (doc.contents as Node | null) ?? null;
  const docStart = doc.range?.[0] ?? 0;
  const at = (offset: number | undefined): SourcePosition => {
    const pos = lineCounter.linePos(offset ?? docStart);
    return { file, line: pos.line, column: pos.col };
  };
  const startOf = (node: Node | null | undefined) => node?.range?.[0];
  return {
    file,
    index,
    data,
    locate(path) {
      const found = descend(root, path);
      if (found.depth === path.length && found.node) return at(startOf(found.node));
      return at(startOf(found.key) ?? startOf(found.node) ?? startOf(root));
    },
    locateKey(path) {
      const found = descend(root, path);
      if (found.depth === path.length && found.key) return at(startOf(found.key));
      return at(startOf(found.key) ?? startOf(found.node) ?? startOf(root));
    },
  };
}
