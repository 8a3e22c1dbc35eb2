// Values YAML can write that are no plain value of the format: one clear finding each, at the
// value, instead of two findings ("must be a number, not number Infinity"), "not a mapping"
// for binary data, or "the document has no kind" for a merge key.
import { describe, expect, it } from 'vitest';
import { editFixture, pipelineOn, readFixture } from '../helpers/workspace-fixture.ts';

const valid = readFixture('valid');
const GOALS = 'strategy/goals.yaml';

async function findingsAfter(edit: (text: string) => string) {
  const result = await pipelineOn(editFixture(valid, GOALS, edit));
  return result.diagnostics.map((d) => ({ code: d.code, line: d.line, column: d.column, message: d.message, hint: d.hint }));
}

describe('numbers that are not figures', () => {
  it.each([
    ['1e400', 'is infinity (.inf, or a number too large to hold, such as 1e400)'],
    ['.inf', 'is infinity (.inf, or a number too large to hold, such as 1e400)'],
    ['-.inf', 'is minus infinity (.inf, or a number too large to hold, such as 1e400)'],
    ['.nan', 'is .nan, which is not a number'],
  ])('baseline %s is one finding that says what it is', async (written, said) => {
    const findings = await findingsAfter((t) => t.replace('baseline: { value: 6,', `baseline: { value: ${written},`));
    expect(findings).toEqual([{ code: 'schema', line: 7, column: 20, message: `\`baseline.value\` ${said}`, hint: 'Write a plain number, such as 4.5.' }]);
  });

  it('is one finding each inside a list, in document order, at each value', async () => {
    const findings = await findingsAfter((t) => t.replace('  - { date: 2026-06-30, value: 5 }\n', '  - { date: 2026-06-30, value: .nan }\n  - { date: 2026-07-31, value: 5 }\n  - { date: 2026-08-31, value: -.inf }\n'));
    expect(findings.map((f) => `${f.line}:${f.column} ${f.message}`)).toEqual([
      '10:32 `milestones[0].value` is .nan, which is not a number',
      '12:32 `milestones[2].value` is minus infinity (.inf, or a number too large to hold, such as 1e400)',
    ]);
  });

  it('is one finding for a weight too', async () => {
    const findings = await findingsAfter((t) => t.replace('kpi: frt\n', 'kpi: frt\nweight: .nan\n'));
    expect(findings.map((f) => f.message)).toEqual(['`weight` is .nan, which is not a number']);
  });
});

describe('tags and merge keys', () => {
  it('names binary data written with !!binary, and says to remove the tag', async () => {
    const findings = await findingsAfter((t) => t.replace('title: Cut first response time to 4 hours', 'title: !!binary aGVsbG8='));
    expect(findings).toEqual([
      expect.objectContaining({ code: 'schema', line: 3, message: '`title` must be text, not binary data (the !!binary tag)', hint: expect.stringMatching(/^Remove the `!!` tag/) }),
    ]);
  });

  it('reports a tag it does not know instead of reading the text silently', async () => {
    const findings = await findingsAfter((t) => t.replace('title: Cut first response time to 4 hours', 'title: !important Cut first response time'));
    expect(findings).toEqual([expect.objectContaining({ code: 'yaml-syntax', line: 3, column: 8, message: 'the tag !important is not supported' })]);
  });

  it('says merge keys are not supported, at the key, instead of "no kind"', async () => {
    const findings = await findingsAfter((t) => `${t}---\n<<: { kind: Goal, owner: ana, kpi: frt }\nid: merged\ntitle: Merged\nobjective: loyal\ntarget: { value: 4, date: 2026-09-30 }\n`);
    const line = valid[GOALS]!.split('\n').length + 1;
    expect(findings).toEqual([
      expect.objectContaining({ code: 'yaml-syntax', line, column: 1, message: 'merge keys (`<<:`) are not supported: YAML 1.2, which Goalpost reads, has none' }),
    ]);
  });

  it('says a key must be a plain word when it is a list or mapping, and prints no warning of the parser', async () => {
    const warnings: string[] = [];
    const onWarning = (warning: Error) => warnings.push(warning.message);
    process.on('warning', onWarning);
    const findings = await findingsAfter((t) => t.replace('owner: ana\n', 'owner: ana\n? [a, b]\n: 1\n'));
    // Also after a merge key, which alone would still be read.
    const both = await findingsAfter((t) => t.replace('owner: ana\n', 'owner: ana\n<<: { a: 1 }\n{ b: 1 }: 2\n'));
    process.off('warning', onWarning);
    await new Promise((resolve) => setImmediate(resolve));
    expect(findings).toEqual([expect.objectContaining({ code: 'yaml-syntax', line: 6, column: 3, message: 'a key must be a plain word, not a list, a mapping or a tagged value' })]);
    expect(both.map((f) => f.message)).toEqual(['a key must be a plain word, not a list, a mapping or a tagged value']);
    expect(warnings).toEqual([]);
  });

  it('reads a file marked %YAML 1.1 by the format\u2019s rules: dates stay dates, merge keys are refused', async () => {
    const findings = await findingsAfter((t) => `%YAML 1.1\n---\n${t}`);
    expect(findings).toEqual([]);
    const merged = await findingsAfter((t) => `%YAML 1.1\n---\n${t.replace('owner: ana\nkpi: frt\nbaseline: { value: 6,', '<<: { owner: ana, kpi: frt }\nbaseline: { value: 6,')}`);
    expect(merged.map((f) => f.code)).toEqual(['yaml-syntax']);
    expect(merged[0]!.message).toMatch(/^merge keys/);
  });
});

describe('positions in a file the parser gives up on', () => {
  it('stay on their line after a { left open in a file with CRLF line ends', async () => {
    // Found by the fuzz test (test/fuzz/check-fuzz.test.ts).
    const text = '{kind: TicketSource\r\nid: frt-tier1\r\ncheckins:\r\n  - 2026-13-01\r\n  - { value: 101, date: 2026-03-31 }\r\n  - minutes\r\ntraits: 2026-Q2\r\nmilestones:\r\n  - { value: 2026-02-30, date: 2026-3-1 }\r\n  - csat\r\n';
    const result = await pipelineOn({ ...valid, 'strategy/broken.yaml': text });
    const lines = text.split('\n');
    const findings = result.diagnostics.filter((d) => d.file === 'strategy/broken.yaml');
    expect(findings.length).toBeGreaterThan(0);
    for (const d of findings) expect(d.column, `${d.line}:${d.column} ${d.message}`).toBeLessThanOrEqual(lines[d.line - 1]!.length + 1);
  });
});
