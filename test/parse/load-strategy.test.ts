// Bad input never crashes the loader or hangs it: every case becomes a diagnostic with a
// position, and the other files still load.
import { describe, expect, it } from 'vitest';
import { MAX_STRATEGY_FILE_BYTES } from '../../src/parse/load-strategy.ts';
import { editFixture, pipelineOn, readFixture, where } from '../helpers/workspace-fixture.ts';

const valid = readFixture('valid');

describe('loading strategy files', () => {
  it('reads several documents per file, any depth, .yml too, in sorted order', async () => {
    const files = { ...valid, 'strategy/deep/er/more.yml': 'kind: Objective\nid: zz\ntitle: Z\nowner: ana\n---\nkind: Objective\nid: aa\ntitle: A\nowner: ana\n' };
    const result = await pipelineOn(files);
    expect(result.strategyFiles[0]).toBe('strategy/deep/er/more.yml');
    expect(result.model?.objectives.map((o) => o.id)).toEqual(['aa', 'loyal', 'zz']);
  });

  it('reports malformed YAML at its line and keeps the other files', async () => {
    const result = await pipelineOn({ ...valid, 'strategy/broken.yaml': 'kind: Objective\nid: x\ntitle: [unclosed\nowner: ana\n' });
    expect(result.diagnostics.map((d) => d.code)).toEqual(['yaml-syntax']);
    expect(result.diagnostics[0]!.file).toBe('strategy/broken.yaml');
    expect(result.model?.goals).toHaveLength(3);
  });

  it('reports a mis-indented Workspace once, not also as missing and once per owner', async () => {
    const slip = editFixture(valid, 'strategy/workspace.yaml', (t) => t.replace('  - { id: ben,', '   - { id: ben,'));
    const result = await pipelineOn(slip);
    expect(result.diagnostics.map(where)).toEqual(['yaml-syntax error strategy/workspace.yaml:10:4']);
    expect(result.diagnostics[0]!.hint).toBe('Line this entry up with the ones above it: YAML reads the structure from the indentation.');
    expect(result.model).toBeNull();
  });

  it('gives a hint for the YAML slips people make most', async () => {
    const hintFor = async (text: string) => (await pipelineOn({ ...valid, 'strategy/slip.yaml': text })).diagnostics.find((d) => d.file === 'strategy/slip.yaml')?.hint;
    expect(await hintFor('kind: Objective\nid: x\ntitle: [unclosed\nowner: ana\n')).toBe('A [ or { opened above is not closed: close it with ] or }.');
    expect(await hintFor('kind: Objective\nid: x\ntitle: X\n\towner: ana\n')).toBe('Indent with spaces: YAML does not allow tabs there.');
    expect(await hintFor('kind: Objective\nid: x\ntitle: "X\nowner: ana\n')).toBe('Close the quote or bracket opened before this point.');
    expect(await hintFor('kind: Objective\nid x\ntitle: X\n')).toBe('Write each field as `key: value`, with a colon and a space.');
  });

  it('stops an alias bomb with a diagnostic instead of expanding it', async () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]', ...'bcdefgh'.split('').map((k, i) => `${k}: &${k} [${Array(10).fill(`*${'abcdefgh'[i]}`).join(', ')}]`)].join('\n');
    const started = performance.now();
    const result = await pipelineOn({ ...valid, 'strategy/bomb.yaml': `${bomb}\n` });
    expect(where(result.diagnostics[0]!)).toBe('yaml-syntax error strategy/bomb.yaml:1:1');
    expect(result.diagnostics[0]!.message).toMatch(/aliases/);
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it('reports nesting thousands deep once, in words, not as the parser running out of stack', async () => {
    const result = await pipelineOn({ ...valid, 'strategy/deep.yaml': `a: ${'['.repeat(5000)}${']'.repeat(5000)}\n` });
    const found = result.diagnostics.filter((d) => d.file === 'strategy/deep.yaml');
    expect(found.map((d) => [d.code, d.message])).toEqual([['yaml-syntax', 'the document nests lists or maps too deeply to be read']]);
    expect(found[0]!.hint).toMatch(/a few levels of nesting/);
  });

  it('keeps __proto__ as a plain unknown field, never touching Object.prototype', async () => {
    const result = await pipelineOn({ ...valid, 'strategy/proto.yaml': 'kind: Objective\nid: p\ntitle: P\nowner: ana\n__proto__: { polluted: yes }\n' });
    expect(result.diagnostics.map(where)).toContain('schema error strategy/proto.yaml:5:1');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('reports a file that is not UTF-8', async () => {
    const latin1 = new Uint8Array([...new TextEncoder().encode('kind: Objective\nid: x\ntitle: Caf'), 0xe9, 0x0a]);
    const result = await pipelineOn({ ...valid, 'strategy/latin1.yaml': latin1 });
    expect(result.diagnostics.map(where)).toEqual(['file-unreadable error strategy/latin1.yaml:1:1']);
  });

  it('reports an oversized file without parsing it', async () => {
    const huge = `kind: Objective\nid: x\ntitle: "${'a'.repeat(MAX_STRATEGY_FILE_BYTES)}"\nowner: ana\n`;
    const result = await pipelineOn({ ...valid, 'strategy/huge.yaml': huge });
    expect(result.diagnostics.map(where)).toEqual(['file-unreadable error strategy/huge.yaml:1:1']);
    expect(result.diagnostics[0]!.message).toMatch(/MB/);
  });

  it('warns about an empty file, and accepts a BOM', async () => {
    const result = await pipelineOn({ ...valid, 'strategy/empty.yaml': '# nothing yet\n', 'strategy/bom.yaml': '\uFEFFkind: Objective\nid: bom\ntitle: B\nowner: ana\n' });
    expect(result.diagnostics.map(where)).toEqual(['objective-empty warning strategy/bom.yaml:2:5', 'file-empty warning strategy/empty.yaml:1:1']);
  });

  it('survives deeply nested brackets', async () => {
    const deep = `kind: Objective\nid: d\ntitle: ${'['.repeat(5000)}${']'.repeat(5000)}\nowner: ana\n`;
    const result = await pipelineOn({ ...valid, 'strategy/deep.yaml': deep });
    expect(result.diagnostics.length).toBeGreaterThan(0);
    expect(result.diagnostics.every((d) => d.file === 'strategy/deep.yaml')).toBe(true);
  });

  it('reads ids that look like numbers or dates only when quoted', async () => {
    const result = await pipelineOn({ ...valid, 'strategy/num.yaml': 'kind: Objective\nid: 012\ntitle: N\nowner: ana\n' });
    expect(result.diagnostics[0]).toMatchObject({ code: 'schema', line: 2, column: 5, hint: 'Put the value in quotes.' });
  });
});
