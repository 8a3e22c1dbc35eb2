// Hints for three authoring slips from a new-user trial (issue 17): each names the real cause
// and the fix, at the place the parser stops.
import { describe, expect, it } from 'vitest';
import { editFixture, pipelineOn, readFixture, where } from '../helpers/workspace-fixture.ts';

const valid = readFixture('valid');

describe('authoring hints', () => {
  it('an unquoted `: ` inside a value says to quote the value', async () => {
    const files = editFixture(valid, 'strategy/service.yaml', (t) => t.replace('name: "P1: outage"', 'name: P1: outage'));
    const { diagnostics } = await pipelineOn(files);
    expect(diagnostics.map(where)).toEqual(['yaml-syntax error strategy/service.yaml:3:7']);
    expect(diagnostics[0]!.hint).toBe('The value holds `: `, which YAML reads as a new key: quote the whole value, as in "P1: outage".');
  });

  it('a line indented under a value says to line it up, once, rather than "write key: value"', async () => {
    const files = editFixture(valid, 'strategy/goals.yaml', (t) => t.replace('target: { value: 4, date: 2026-09-30 }', 'target:\n  value: 4\n   date: 2026-09-30'));
    const { diagnostics } = await pipelineOn(files);
    expect(diagnostics.filter((d) => d.code === 'yaml-syntax').map(where)).toEqual(['yaml-syntax error strategy/goals.yaml:9:10']);
    expect(diagnostics[0]!.hint).toMatch(/^The line below is indented further than this one/);
  });

  it('an unquoted comma inside a { } map says to quote the value that holds it', async () => {
    const files = editFixture(valid, 'strategy/hiring.yaml', (t) => t.replace(/\{ name: ([^,}]+), type:/, '{ name: $1, warm English, type:'));
    const { diagnostics } = await pipelineOn(files);
    const finding = diagnostics.find((d) => d.code === 'schema' && d.message.includes('warm English'));
    expect(finding, diagnostics.map(where).join('\n')).toBeDefined();
    expect(finding!.hint).toMatch(/^A comma inside \{ \} ends the value before it, so `warm English` became a field of its own\. Quote the value that holds the comma: name: ".+, warm English"$/);
  });

  it('a key with no value that follows no text value keeps the "did you mean" hint', async () => {
    const files = editFixture(valid, 'strategy/goals.yaml', (t) => t.replace('target: { value: 4, date: 2026-09-30 }', 'target: { value: 4, dat: }'));
    const finding = (await pipelineOn(files)).diagnostics.find((d) => d.message.includes('`dat`'));
    expect(finding!.hint).toBe('Did you mean `date`?');
  });
});
