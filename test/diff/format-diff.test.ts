// The diff formatters on hand-made diffs: strategy text stays text in a PR comment, the
// comment stays under GitHub's size limit, and the JSON carries the same facts.
import { describe, expect, it } from 'vitest';
import { formatDiffJson } from '../../src/diff/format-diff-json.ts';
import { formatDiffMarkdown } from '../../src/diff/format-diff-markdown.ts';
import { escapeMarkdown } from '../../src/diff/markdown-text.ts';
import { summaryLine } from '../../src/diff/summarize-diff.ts';
import type { ItemDiff, SideSummary, StrategyDiff } from '../../src/diff/types.ts';

const clean: SideSummary = { label: 'main', commit: '0123456789abcdef0123', errors: 0, firstErrors: [], comparable: true, strategyFiles: 5 };

function goal(id: string, title: string, changes: ItemDiff['changes'] = [{ code: 'field-changed', field: 'title', message: `title changed to "${title}"` }]): ItemDiff {
  return { kind: 'Goal', id, title, change: 'changed', file: { before: 'strategy/goals.yaml', after: 'strategy/goals.yaml' }, changes };
}

const diffOf = (items: ItemDiff[], sides: Partial<StrategyDiff> = {}): StrategyDiff => ({ base: clean, head: { ...clean, label: 'working tree', commit: undefined as never }, asOf: null, items, ...sides });

describe('formatDiffMarkdown', () => {
  it('keeps user text from becoming HTML, markup, table cells or mentions', () => {
    const title = '<script>alert(1)</script> | **bold** [link](javascript:x) @support-team\n# heading';
    const markdown = formatDiffMarkdown(diffOf([goal('frt-org', title)]));
    expect(markdown).not.toContain('<script>');
    expect(markdown).toContain('&lt;script&gt;alert(1)&lt;/script&gt; \\| \\*\\*bold\\*\\* \\[link\\](javascript:x) @&#8203;support-team \\# heading');
    const row = markdown.split('\n').find((line) => line.startsWith('| `frt-org`'))!;
    // Three cell borders for two columns: the title's pipe is escaped.
    expect(row.replace(/\\\|/g, '').split('|')).toHaveLength(4);
  });

  it('escapes what the summary quotes from diagnostics', () => {
    const broken: SideSummary = { ...clean, errors: 7, firstErrors: [{ code: 'schema', severity: 'error', message: 'unknown field `<img src=x>`', file: 'strategy/goals.yaml', line: 3, column: 1 }] };
    const markdown = formatDiffMarkdown(diffOf([], { base: broken }));
    expect(markdown).toContain('> The base strategy (main) does not pass check: 7 errors.');
    expect(markdown).toContain('> - `strategy/goals.yaml:3:1` unknown field \\`&lt;img src=x&gt;\\`');
    expect(markdown).toContain('> - and 6 more');
  });

  it('drops the details, then rows, to stay under the length limit, and says so', () => {
    const items = Array.from({ length: 2000 }, (_, i) => goal(`goal-${i}`, `Goal number ${i} with a fairly long title`));
    const full = formatDiffMarkdown(diffOf(items), { maxLength: Number.POSITIVE_INFINITY });
    expect(full).toContain('<details>');
    const short = formatDiffMarkdown(diffOf(items), { maxLength: 20_000 });
    expect(short.length).toBeLessThanOrEqual(20_000);
    expect(short).not.toContain('<details>');
    expect(short).toMatch(/_\d+ more items are not shown here; run `goalpost diff --format json` for all of them\._/);
    expect(short).toContain('### Strategy changes: 2000 goals changed');
  });

  it('backslash-escapes markdown punctuation', () => {
    expect(escapeMarkdown('a_b*c`d')).toBe('a\\_b\\*c\\`d');
  });
});

describe('summaryLine and formatDiffJson', () => {
  it('counts items per kind, naming the notable changes', () => {
    const diff = diffOf([
      goal('a', 'A', [{ code: 'less-ambitious', field: 'target.value', message: '' }, { code: 'slipped', field: 'target.date', days: 3, message: '' }]),
      goal('b', 'B', [{ code: 'less-ambitious', field: 'target.value', message: '' }]),
      { ...goal('c', 'C', [{ code: 'added', field: '', message: 'added' }]), change: 'added' },
      { kind: 'SLAPolicy', id: 'p1', title: 'P1', change: 'changed', file: {}, changes: [{ code: 'tightened', field: 'firstResponse', message: '' }, { code: 'tightened', field: 'resolution', message: '' }] },
    ]);
    expect(summaryLine(diff)).toBe('2 goals changed (2 less ambitious, 1 slipped), 1 added; 1 SLA policy changed (1 tightened)');
    const json = JSON.parse(formatDiffJson(diff));
    expect(json.summary).toBe(summaryLine(diff));
    expect(json.counts.Goal).toEqual({ changed: 2, added: 1, removed: 0, invalid: 0, codes: { 'less-ambitious': 2, slipped: 1, added: 1 } });
    expect(json.items).toHaveLength(4);
    expect(formatDiffMarkdown(diff)).toContain('| `a` A | less ambitious, slipped by 3 days |');
  });
});
