// The four check formats, each from the same diagnostics.
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.ts';
import { RULE_CODES } from '../../src/diagnostics/rules.ts';
import { escapeData, formatGithub } from '../../src/render/diagnostics/format-github.ts';
import { formatJson } from '../../src/render/diagnostics/format-json.ts';
import { formatPretty } from '../../src/render/diagnostics/format-pretty.ts';
import { formatSarif } from '../../src/render/diagnostics/format-sarif.ts';

const error: Diagnostic = {
  code: 'goal-target-missing',
  severity: 'error',
  message: 'goal `frt` has no `kpi`, so nothing measures it',
  file: 'strategy/goals.yaml',
  line: 2,
  column: 3,
  hint: 'Add `kpi: <KPI id>`.',
};
const warning: Diagnostic = { code: 'goal-orphan', severity: 'warning', message: 'goal `x` has neither', file: 'strategy/goals.yaml', line: 9, column: 1 };

describe('pretty', () => {
  it('prints position, severity, code, message, an excerpt with a caret, the hint and a summary', () => {
    const text = formatPretty([error, warning], { sourceLines: () => ['kind: Goal', '  id: frt'], color: false });
    expect(text).toBe(
      [
        'strategy/goals.yaml:2:3 error goal-target-missing goal `frt` has no `kpi`, so nothing measures it',
        '  2 |   id: frt',
        '    |   ^',
        '  hint: Add `kpi: <KPI id>`.',
        '',
        'strategy/goals.yaml:9:1 warning goal-orphan goal `x` has neither',
        '',
        '1 error, 1 warning',
        '',
      ].join('\n'),
    );
  });

  it('leaves out the excerpt of a line that is binary or in another encoding, and keeps one with a stray \uFFFD', () => {
    const at = { ...error, line: 1, column: 1 };
    const excerpt = (line: string) => formatPretty([at], { sourceLines: () => [line], color: false }).split('\n')[1];
    expect(excerpt('\uFFFD\uFFFDp\u0000e\u0000r\u0000')).toBe('  hint: Add `kpi: <KPI id>`.');
    expect(excerpt('PK\u0003\u0004\uFFFD\uFFFD\uFFFD\u0000\uFFFDx')).toBe('  hint: Add `kpi: <KPI id>`.');
    expect(excerpt('2026-04,\uFFFDquipe,88.5')).toBe('  1 | 2026-04,\uFFFDquipe,88.5');
  });

  it('says so when there is nothing to report', () => {
    expect(formatPretty([], { sourceLines: () => undefined, color: false })).toBe('No problems found.\n');
  });
});

describe('json', () => {
  it('has the shape of FORMAT.md section 6', () => {
    const parsed = JSON.parse(formatJson([error, warning]));
    expect(parsed).toEqual({
      diagnostics: [
        { code: 'goal-target-missing', severity: 'error', message: error.message, file: error.file, line: 2, column: 3, hint: error.hint },
        { code: 'goal-orphan', severity: 'warning', message: warning.message, file: warning.file, line: 9, column: 1 },
      ],
      errors: 1,
      warnings: 1,
    });
  });
});

describe('github', () => {
  it('writes one escaped workflow command per diagnostic', () => {
    const { commands } = formatGithub([error]);
    expect(commands).toBe('::error file=strategy/goals.yaml,line=2,col=3,title=goalpost goal-target-missing::goal `frt` has no `kpi`, so nothing measures it%0AAdd `kpi: <KPI id>`.\n');
  });

  it('cannot be made to run a command by text from a file', () => {
    const evil: Diagnostic = { ...error, message: 'x\n::set-output name=a::b\r\n100%', file: 'strategy/a,b:c.yaml' };
    const { commands } = formatGithub([evil]);
    expect(commands.split('\n').filter(Boolean)).toHaveLength(1);
    expect(commands).toContain('file=strategy/a%2Cb%3Ac.yaml');
    expect(commands).toContain('x%0A::set-output name=a::b%0D%0A100%25');
    expect(escapeData('%0A')).toBe('%250A');
  });

  it('annotates the first 10 errors and 10 warnings, counts the rest, and lists all in the summary', () => {
    const many = [...Array.from({ length: 12 }, (_, i) => ({ ...error, line: i + 1 })), ...Array.from({ length: 11 }, (_, i) => ({ ...warning, line: i + 1 }))];
    const { commands, summary } = formatGithub(many);
    const lines = commands.trim().split('\n');
    expect(lines.filter((l) => l.startsWith('::error'))).toHaveLength(10);
    expect(lines.filter((l) => l.startsWith('::warning'))).toHaveLength(10);
    expect(lines.at(-1)).toMatch(/^::notice .*2 more errors and 1 more warnings/);
    expect(summary.split('\n').filter((l) => l.startsWith('| error') || l.startsWith('| warning'))).toHaveLength(23);
  });
});

describe('sarif', () => {
  it('is a SARIF 2.1.0 log with a rule entry per code and results that point at the file', () => {
    const log = JSON.parse(formatSarif([error, { ...warning, related: [{ file: 'strategy/a.yaml', line: 1, column: 1, message: 'first' }] }], '1.2.3'));
    expect(log.version).toBe('2.1.0');
    expect(log.$schema).toMatch(/sarif-2\.1\.0/);
    const run = log.runs[0];
    expect(run.tool.driver.name).toBe('goalpost');
    expect(run.tool.driver.rules.map((r: { id: string }) => r.id)).toEqual(RULE_CODES);
    for (const rule of run.tool.driver.rules) {
      expect(rule.shortDescription.text.length).toBeGreaterThan(0);
      expect(['error', 'warning']).toContain(rule.defaultConfiguration.level);
    }
    const [first, second] = run.results;
    expect(first).toMatchObject({ ruleId: 'goal-target-missing', level: 'error', message: { text: expect.stringContaining('nothing measures it') } });
    expect(run.tool.driver.rules[first.ruleIndex].id).toBe('goal-target-missing');
    expect(first.locations[0].physicalLocation).toEqual({ artifactLocation: { uri: 'strategy/goals.yaml', uriBaseId: '%SRCROOT%' }, region: { startLine: 2, startColumn: 3 } });
    expect(second.level).toBe('warning');
    expect(second.relatedLocations[0]).toMatchObject({ id: 0, message: { text: 'first' } });
  });
});
