// One walk over a parsed document's syntax tree gives all that is kept of it: its outline (for
// positions, see source-document.ts), its plain data, and the first key the format cannot take.
// yaml's visit() and toJS() walked it once each for the last two, and cost about a tenth of
// reading a workspace of a thousand small files; visit() alone copied the path at every node.
import { isCollection, isMap, isPair, isScalar, YAMLMap, YAMLSeq, type Document, type Pair } from 'yaml';
import { NONE, Outline } from './source-document.ts';

/** A key Goalpost refuses: a merge key, or a key that is a list, a mapping or a tagged value (`collection`). */
export interface KeyProblem {
  offset: number;
  message: string;
  hint: string;
  collection: boolean;
}

/** The data could not be made here (an anchor, an alias, a node of a kind the walk does not make): yaml's toJS() makes it. */
export const NOT_PLAIN: unique symbol = Symbol('not plain');

export interface ReadDocument {
  outline: Outline;
  /** The document as yaml's `doc.toJS()` gives it, or NOT_PLAIN. Meaningless when `badKey` is set. */
  data: unknown;
  badKey: KeyProblem | null;
}

const startOf = (node: unknown): number => (node as { range?: [number, number, number] } | null)?.range?.[0] ?? NONE;
const isPrimitive = (value: unknown) => value === null || (typeof value !== 'object' && typeof value !== 'function');

/**
 * Walks the tree once, each pair before what its value holds (the order of yaml's visit()), and
 * stops at the first key that is a list, a mapping or a tagged value. The data it makes for a
 * document of plain mappings, lists and scalars is what toJS() makes of it: keys as text (null
 * as ""), a key an object already has (`__proto__`, `toString`) defined as its own property.
 */
export function readDocument(doc: Document.Parsed): ReadDocument {
  const outline = new Outline();
  let plain = true;
  let merge: number | null = null;
  let collection: number | null = null;

  const readPair = (pair: Pair, object: Record<string, unknown> | null, entry: number): void => {
    const key = pair.key;
    const keyStart = startOf(key);
    const scalarKey = isScalar(key) ? key : null;
    if (scalarKey !== null && scalarKey.type === 'PLAIN' && scalarKey.value === '<<') merge ??= keyStart === NONE ? 0 : keyStart;
    else if (scalarKey === null ? isCollection(key) : typeof scalarKey.value === 'object' && scalarKey.value !== null) {
      collection = keyStart === NONE ? 0 : keyStart;
      return;
    }
    if (entry !== NONE) outline.setKey(entry, scalarKey === null ? null : String(scalarKey.value), keyStart);
    if (scalarKey === null || scalarKey.anchor) plain = false;
    let value: unknown = null;
    if (pair.value) {
      if (entry !== NONE) outline.setValue(entry, outline.size);
      value = read(pair.value);
    }
    if (!plain || object === null || scalarKey === null) return;
    const name = scalarKey.value === null ? '' : String(scalarKey.value);
    if (name in object) Object.defineProperty(object, name, { value, writable: true, enumerable: true, configurable: true });
    else object[name] = value;
  };

  const read = (node: unknown): unknown => {
    if (isScalar(node)) {
      outline.addLeaf(startOf(node));
      if (node.anchor || !isPrimitive(node.value)) plain = false;
      return node.value;
    }
    if (isCollection(node)) {
      const items = node.items as unknown[];
      const isMapping = isMap(node);
      const first = outline.addCollection(startOf(node), isMapping, items.length);
      // A subclass (a set, an ordered map) makes other data.
      const prototype = Object.getPrototypeOf(node) as object;
      if (node.anchor || (prototype !== YAMLMap.prototype && prototype !== YAMLSeq.prototype)) plain = false;
      if (isMapping) {
        const object: Record<string, unknown> = {};
        for (let i = 0; i < items.length && collection === null; i++) {
          const item = items[i];
          if (isPair(item)) {
            readPair(item, object, first + i);
          } else {
            // Not something the parser makes: a mapping's entry that is no pair.
            plain = false;
            if (item) read(item);
          }
        }
        return object;
      }
      const list: unknown[] = [];
      for (let i = 0; i < items.length && collection === null; i++) {
        const item = items[i];
        if (isPair(item)) {
          // Not something the parser makes either: a pair right in a list, a place a path cannot go into.
          outline.setValue(first + i, outline.size);
          outline.addLeaf(NONE);
          plain = false;
          readPair(item, null, NONE);
        } else if (item) {
          outline.setValue(first + i, outline.size);
          list.push(read(item));
        } else {
          list.push(null);
        }
      }
      return list;
    }
    // An alias, or a node of a kind not known here.
    outline.addLeaf(startOf(node));
    plain = false;
    return undefined;
  };

  const data = doc.contents === null ? null : read(doc.contents);
  let badKey: KeyProblem | null = null;
  if (collection !== null) {
    badKey = { offset: collection, message: 'a key must be a plain word, not a list, a mapping or a tagged value', hint: 'Write `name: value`; a `?`, a `[` or `{`, or a `!!` tag before the colon makes the key something else.', collection: true };
  } else if (merge !== null) {
    badKey = { offset: merge, message: 'merge keys (`<<:`) are not supported: YAML 1.2, which Goalpost reads, has none', hint: 'Write the fields out in each document; an anchor and alias (&name, *name) still repeat a single value.', collection: false };
  }
  return { outline, data: plain ? data : NOT_PLAIN, badKey };
}
