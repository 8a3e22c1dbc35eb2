// A document's positions come from its syntax tree, which is not kept: locate and locateKey
// must give, for any path, the place the tree itself shows. The expectation below reads the
// tree that `yaml` builds for the same text: the node at the path, else the key of the deepest
// part of the path that exists.
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

describe('source positions', () => {
  it('match the syntax tree for every path of tricky documents', () => {
    const texts = [
      'kind: Goal\nid: a\nbaseline: { value: 5, date: 2026-01-01 }\nmilestones:\n  - { date: 2026-03-31, value: 4 }\n  - date: 2026-06-30\n    value: 3\n',
      'a:\nb: ~\nc: []\nd: {}\n"quoted key": 1\n2: two\n? plain\n: explicit\n',
      'base: &b { x: 1 }\nuse: *b\nlist: &l [1, 2]\nagain: *l\nnested:\n  - *b\n  - [a: 1, b]\n',
      '---\nfirst: 1\n---\n# only a comment\nsecond:\n  deep:\n    deeper: [1, [2, [3]]]\n---\n- just\n- a list\n',
      'text: >-\n  folded\n  lines\nliteral: |\n  kept\n  lines\nflow: {a: [1, {b: 2}], c: }\n',
      'only a scalar\n',
      'CRLF: yes\r\nsecond: line\r\nlist:\r\n  - 1\r\n',
    ];
    for (const text of texts) expect(checkPositions(text)).toBeGreaterThan(0);
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
