// Fuzzing `goalpost check` with documents and metric rows made of the format's own words: kinds,
// the schema's field names, ids, numbers, dates, durations, scopes, periods, tags and merge
// keys, in places that fit and places that do not, now and then with a character dropped or
// added. Whatever comes in, the command exits 0 or 1 (never an internal error), and every
// finding points at a line and column inside a file of the workspace.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { KINDS } from '../../src/spec/kinds.ts';
import { KIND_DEFINITIONS } from '../../src/validate/schema.ts';
import { memoryEffects, memoryFileSystem } from '../helpers/memory-fs.ts';
import { readFixture } from '../helpers/workspace-fixture.ts';

const valid = readFixture('valid');

const IDS = ['frt', 'csat', 'loyal', 'ana', 'ben', 'tier1', 'support', 'frt-org', 'frt-tier1', 'p1', 'email', 'enterprise', 'x', 'index.html', 'a.', 'con', 'Bad Id'];
const NUMBERS = ['0', '4', '-1', '4.5', '100', '101', '1e400', '-.inf', '.nan', '0x1F', '1_000', '12h'];
const DATES = ['2026-03-31', '2026-09-30', '2026-02-30', '2026-13-01', '2026-3-1', '31/03/2026', '!!timestamp 2026-01-01'];
const WORDS = ['minutes', 'hours', 'percent', 'count', 'currency:EUR', 'increase', 'decrease', 'mean', 'sum', 'reach', 'maintain', 'core', 'calendar', 'business', 'on-track', 'at-risk', 'true', 'false', 'null', '~', '""', "'text'", '30m', '1h30m', '1.5h', 'org', 'team:tier1', 'sla:p1', 'segment:nope', 'person:ana', 'Mon-Fri 08:00-18:00', '2026-Q2', '2026-W15', '!!binary aGk=', '!custom x', '&a anchored', '*a', '*missing', '=cmd', '"quoted: colon"', 'plain text with # hash'];
const FIELDS = [...new Set(Object.values(KIND_DEFINITIONS).flatMap((definition) => Object.keys((definition as { properties?: object }).properties ?? {})))];

const scalar = fc.oneof(fc.constantFrom(...IDS), fc.constantFrom(...NUMBERS), fc.constantFrom(...DATES), fc.constantFrom(...WORDS));
const flowValue: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: scalar },
  { weight: 1, arbitrary: fc.array(scalar, { maxLength: 3 }).map((items) => `[${items.join(', ')}]`) },
  { weight: 2, arbitrary: fc.tuple(scalar, fc.constantFrom(...DATES)).map(([value, date]) => `{ value: ${value}, date: ${date} }`) },
  { weight: 1, arbitrary: fc.array(fc.tuple(fc.constantFrom(...FIELDS), scalar), { maxLength: 3 }).map((pairs) => `{ ${pairs.map(([k, v]) => `${k}: ${v}`).join(', ')} }`) },
);
const line = fc.oneof(
  { weight: 8, arbitrary: fc.tuple(fc.constantFrom(...FIELDS), flowValue).map(([key, value]) => `${key}: ${value}`) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...FIELDS), fc.array(flowValue, { minLength: 1, maxLength: 3 })).map(([key, items]) => `${key}:\n${items.map((item) => `  - ${item}`).join('\n')}`) },
  { weight: 1, arbitrary: fc.constantFrom('<<: { owner: ana, kpi: frt }', 'targt: { value: 4 }', '# a comment', '', 'kind: Goal', 'id: frt-org') },
);
const yamlDocument = fc
  .tuple(fc.constantFrom(...KINDS, 'Gaol', ''), fc.constantFrom(...IDS), fc.array(line, { maxLength: 8 }))
  .map(([kind, id, lines]) => [...(kind ? [`kind: ${kind}`] : []), `id: ${id}`, ...lines].join('\n'));

const PERIODS = ['2026-04-07', '2026-W15', '2026-04', '2026-Q2', '2026-13', '2026-02-30', '', 'April'];
const CELLS = ['4', '4.5', '', '8.6h', 'x', '1e400', '-1', '=cmd', '"3,5"', 'NaN', '85%', '"a ""quoted"" cell"'];
const csvFile = fc.oneof(
  fc.array(fc.tuple(fc.constantFrom(...PERIODS), fc.constantFrom('frt', 'csat', 'nope', 'First response time'), fc.constantFrom('org', 'team:tier1', 'segment:enterprise', 'bogus', ''), fc.constantFrom(...CELLS)), { maxLength: 8 }).map((rows) => ['period,kpi,scope,value', ...rows.map((row) => row.join(','))]),
  fc.array(fc.tuple(fc.constantFrom(...PERIODS), fc.constantFrom('org', 'team:tier1', ''), fc.constantFrom(...CELLS), fc.constantFrom(...CELLS)), { maxLength: 8 }).map((rows) => ['period,scope,frt,csat', ...rows.map((row) => row.join(','))]),
  fc
    .tuple(fc.array(fc.array(fc.constantFrom(...PERIODS, ...CELLS, 'frt', 'org', 'period', 'kpi', 'scope', 'value'), { maxLength: 5 }), { maxLength: 6 }), fc.constantFrom(',', ';', '\t'))
    .map(([rows, separator]) => rows.map((row) => row.join(separator))),
);

/** Drops or adds one character somewhere, as a slip of the keyboard would. */
const slips = (text: string) =>
  fc.array(fc.tuple(fc.nat({ max: Math.max(0, text.length) }), fc.constantFrom('', ':', '-', '"', "'", '\t', '{', '[', ']', '#', ' ', '\n', '\u00e9', '\uFEFF')), { maxLength: 2 }).map((edits) =>
    edits.reduce((result, [at, insert]) => (insert === '' ? result.slice(0, at) + result.slice(at + 1) : result.slice(0, at) + insert + result.slice(at)), text),
  );

const workspace = fc
  .record({
    yaml: fc.array(yamlDocument, { minLength: 1, maxLength: 4 }).map((docs) => docs.join('\n---\n')),
    csv: csvFile.map((lines) => lines.join('\n')),
    crlf: fc.boolean(),
  })
  .chain(({ yaml, csv, crlf }) => fc.tuple(slips(yaml), slips(csv)).map(([y, c]): [string, string] => (crlf ? [y.replace(/\n/g, '\r\n'), c.replace(/\n/g, '\r\n')] : [y, c])));

describe('goalpost check on fuzzed workspaces', () => {
  it('exits 0 or 1, and every finding points inside a file', async () => {
    // Node's own warnings (a library's emitWarning) would reach the user's stderr too.
    const warnings: string[] = [];
    const onWarning = (warning: Error) => warnings.push(warning.message);
    process.on('warning', onWarning);
    await fc.assert(
      fc.asyncProperty(workspace, async ([yaml, csv]) => {
        const files: Record<string, string> = { ...valid, 'strategy/fuzz.yaml': yaml, 'data/fuzz.csv': csv };
        const effects = memoryEffects(memoryFileSystem(files));
        const warned = warnings.length;
        const code = await main(['check', '--format', 'json'], effects);
        await new Promise((resolve) => setImmediate(resolve));
        expect(warnings.slice(warned)).toEqual([]);
        expect(effects.err()).toBe('');
        expect([0, 1]).toContain(code);
        const { diagnostics } = JSON.parse(effects.out()) as { diagnostics: { code: string; file: string; line: number; column: number }[] };
        for (const d of diagnostics) {
          const text = files[d.file];
          expect(text, `${d.code} names ${d.file}`).toBeDefined();
          const lines = text!.split('\n');
          expect(d.line, `${d.code} at ${d.file}:${d.line}`).toBeGreaterThanOrEqual(1);
          expect(d.line, `${d.code} at ${d.file}:${d.line}`).toBeLessThanOrEqual(lines.length);
          expect(d.column, `${d.code} at ${d.file}:${d.line}:${d.column}`).toBeGreaterThanOrEqual(1);
          expect(d.column, `${d.code} at ${d.file}:${d.line}:${d.column}`).toBeLessThanOrEqual(lines[d.line - 1]!.length + 1);
        }
      }),
      { numRuns: 100 },
    ).finally(() => process.off('warning', onWarning));
  });
});
