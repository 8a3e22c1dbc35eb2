// A document is read in one walk over its syntax tree, which is not kept: its data must be what
// yaml's toJS() makes of it, and locate and locateKey must give, for any path, the place the
// tree itself shows. The expectations below read the tree that `yaml` builds for the same text:
// the node at the path, else the key of the deepest part of the path that exists.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isMap, isPair, isScalar, isSeq, LineCounter, parseAllDocuments, stringify, type Document, type Node } from 'yaml';
import { parseYamlFile } from '../../src/parse/parse-yaml.ts';
import type { DocPath } from '../../src/parse/source-document.ts';

type Path = (string | number)[];

function treeOf(text: string): { docs: Document.Parsed[]; lines: LineCounter } {
  const lines = new LineCounter();
  lines.addNewLine(0);
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) lines.addNewLine(at + 1);
  return { docs: parseAllDocuments(text, { uniqueKeys: true, prettyErrors: false, schema: 'core' }) as Document.Parsed[], lines };
}

/** Where the tree says `path` is: [value's place, key's place], as line:column. */
function expected(doc: Document.Parsed, lines: LineCounter, path: DocPath): [string, string] {
  const root = (doc.contents as Node | null) ?? null;
  let node: Node | null = root;
  let key: Node | null = null;
  let depth = 0;
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(segment));
      if (!pair) break;
      key = pair.key as Node;
      node = (pair.value as Node | null) ?? null;
    } else if (isSeq(node) && typeof segment === 'number' && node.items[segment] !== undefined) {
      node = (node.items[segment] as Node | null) ?? null;
      key = null;
    } else break;
    depth++;
  }
  const place = (offset: number | undefined) => {
    const { line, col } = lines.linePos(offset ?? doc.range[0]);
    return `${line}:${col}`;
  };
  const nearest = place(key?.range?.[0] ?? node?.range?.[0] ?? root?.range?.[0]);
  return [depth === path.length && node ? place(node.range?.[0]) : nearest, depth === path.length && key ? place(key.range?.[0]) : nearest];
}

/** Every path into the tree, and from each a few that go astray: a missing key, an index past the end, a key into a list, one step too deep. */
function pathsOf(node: unknown, path: Path, out: Path[]): Path[] {
  out.push(path, [...path, 'missing'], [...path, 99], [...path, -1], [...path, 0, 'deeper']);
  if (isMap(node)) {
    for (const item of node.items) {
      if (!isPair(item) || !isScalar(item.key)) continue;
      const name = String(item.key.value);
      pathsOf(item.value, [...path, name], out);
      if (/^\d+$/.test(name)) out.push([...path, Number(name)]);
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, i) => pathsOf(item, [...path, i], out));
    out.push([...path, String(0)], [...path, 1.5]);
  }
  return out;
}

/** A value as plain data that says everything: own keys in order, how each is defined, prototypes, -0 and NaN. */
function shape(value: unknown): unknown {
  if (Array.isArray(value)) return ['list', Object.getPrototypeOf(value) === Array.prototype, value.map(shape)];
  if (value !== null && typeof value === 'object') {
    const keys = Object.getOwnPropertyNames(value).map((key) => {
      const { enumerable, writable, configurable } = Object.getOwnPropertyDescriptor(value, key)!;
      return [key, enumerable, writable, configurable, shape((value as Record<string, unknown>)[key])];
    });
    return ['object', Object.getPrototypeOf(value) === Object.prototype, keys];
  }
  return [typeof value, Object.is(value, -0) ? '-0' : String(value)];
}

/** The documents' data as toJS() makes it from the tree, against what was read. */
function checkData(text: string): number {
  const { docs } = treeOf(text);
  const parsed = parseYamlFile('strategy/x.yaml', text);
  for (const document of parsed.documents) expect(shape(document.data)).toEqual(shape(docs[document.index]!.toJS({ maxAliasCount: 1000 })));
  return parsed.documents.length;
}

function checkPositions(text: string): number {
  const { docs, lines } = treeOf(text);
  const parsed = parseYamlFile('strategy/x.yaml', text);
  let checked = 0;
  for (const document of parsed.documents) {
    const doc = docs[document.index]!;
    for (const path of pathsOf(doc.contents, [], [])) {
      const [value, key] = expected(doc, lines, path);
      const at = (p: { line: number; column: number }) => `${p.line}:${p.column}`;
      expect([path, at(document.locate(path)), at(document.locateKey(path))]).toEqual([path, value, key]);
      checked++;
    }
  }
  return checked;
}

const TRICKY = [
  'kind: Goal\nid: a\nbaseline: { value: 5, date: 2026-01-01 }\nmilestones:\n  - { date: 2026-03-31, value: 4 }\n  - date: 2026-06-30\n    value: 3\n',
  'a:\nb: ~\nc: []\nd: {}\n"quoted key": 1\n2: two\n? plain\n: explicit\n',
  'base: &b { x: 1 }\nuse: *b\nlist: &l [1, 2]\nagain: *l\nnested:\n  - *b\n  - [a: 1, b]\n',
  '---\nfirst: 1\n---\n# only a comment\nsecond:\n  deep:\n    deeper: [1, [2, [3]]]\n---\n- just\n- a list\n',
  'text: >-\n  folded\n  lines\nliteral: |\n  kept\n  lines\nflow: {a: [1, {b: 2}], c: }\n',
  'only a scalar\n',
  'CRLF: yes\r\nsecond: line\r\nlist:\r\n  - 1\r\n',
  '__proto__: { polluted: true }\ntoString: 1\nconstructor: x\nhasOwnProperty: []\n',
  'null: a\ntrue: c\n1.5: d\n0x1F: e\n.inf: f\n-0: g\n"": h\n',
  '~: b\n"null": c\n',
  'nan: .nan\ninf: -.inf\nneg: -0\noct: 0o17\nbig: 12345678901234567890\nexp: 1e400\n',
  'anchored: &x plain\nagain: *x\n',
  'tagged: !custom text\nstr: !!str 123\n',
  '[flow, list, at, top]\n',
];

describe('reading a document', () => {
  it('makes the data yaml\'s toJS() makes, for tricky documents', () => {
    for (const text of TRICKY) expect([text, checkData(text)]).not.toEqual([text, 0]);
  });

  it('makes the data yaml\'s toJS() makes, for generated documents', () => {
    const key = fc.oneof(fc.constantFrom('id', '__proto__', 'toString', 'constructor', '0', '', 'null', 'a b'), fc.string({ maxLength: 4 }));
    const leaf = fc.oneof(fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.string({ maxLength: 6 }), fc.constantFrom('true', '1', '~', '2026-01-01', '.nan'));
    const { value } = fc.letrec((tie) => ({
      value: fc.oneof({ depthSize: 'small' }, leaf, tie('list'), tie('map')),
      list: fc.array(tie('value'), { maxLength: 4 }),
      map: fc.dictionary(key, tie('value'), { maxKeys: 4 }),
    }));
    fc.assert(
      fc.property(fc.array(value, { minLength: 1, maxLength: 3 }), fc.boolean(), (docs, flow) => {
        checkData(docs.map((doc) => stringify(doc, { collectionStyle: flow ? 'flow' : 'any' })).join('---\n'));
      }),
      { numRuns: 300 },
    );
  });
});

describe('source positions', () => {
  it('match the syntax tree for every path of tricky documents', () => {
    for (const text of TRICKY) expect([text, checkPositions(text)]).not.toEqual([text, 0]);
  });

  it('match the syntax tree for generated documents, block and flow', () => {
    const key = fc.oneof(fc.constantFrom('id', 'kind', 'value', 'date', '0', '1', 'a b'), fc.string({ maxLength: 4 }));
    const leaf = fc.oneof(fc.integer(), fc.double({ noNaN: true }), fc.boolean(), fc.constant(null), fc.string({ maxLength: 6 }));
    const { value } = fc.letrec((tie) => ({
      value: fc.oneof({ depthSize: 'small' }, leaf, tie('list'), tie('map')),
      list: fc.array(tie('value'), { maxLength: 4 }),
      map: fc.dictionary(key, tie('value'), { maxKeys: 4 }),
    }));
    fc.assert(
      fc.property(fc.array(value, { minLength: 1, maxLength: 3 }), fc.constantFrom(0, 20, 80), (docs, lineWidth) => {
        const text = docs.map((doc) => stringify(doc, { flowCollectionPadding: lineWidth === 20, collectionStyle: lineWidth === 80 ? 'flow' : 'any', lineWidth })).join('---\n');
        checkPositions(text);
      }),
      { numRuns: 200 },
    );
  });
});
