// ingestMetrics end to end: shapes, encodings, and every metric rule at its file, line, column.
import path from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/diagnostics/diagnostic.ts';
import { nodeFileSystem } from '../../src/effects.ts';
import { MAX_CELL_FINDINGS } from '../../src/metrics/metric-messages.ts';
import { ingestMetrics } from '../../src/metrics/ingest.ts';
import type { MetricCatalog, SeriesSet } from '../../src/metrics/types.ts';
import { seriesKey } from '../../src/metrics/types.ts';
import { memoryFileSystem } from '../helpers/memory-fs.ts';
import { CATALOG } from './catalog.ts';
import { chunkedFileSystem } from './chunked-fs.ts';

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'metrics');

async function ingest(files: Record<string, string>, options: { chunkSize?: number; catalog?: MetricCatalog } = {}) {
  const fs = options.chunkSize ? chunkedFileSystem(files, options.chunkSize) : memoryFileSystem(files);
  return ingestMetrics(fs, '/ws', options.catalog ?? CATALOG);
}

function points(series: SeriesSet, kpi: string, scope: string) {
  const found = series.get(seriesKey(kpi, scope));
  if (!found) return undefined;
  return { granularity: found.granularity, periods: found.periods, values: [...found.values] };
}

const at = (finding: Finding) => `${finding.code} ${finding.file}:${finding.line}:${finding.column}`;

describe('ingestMetrics: shapes', () => {
  it('reads long and wide files below data/ in sorted order, an empty cell being no point', async () => {
    const { series, findings } = await ingestMetrics(nodeFileSystem, path.join(FIXTURES, 'valid'), CATALOG);
    expect(findings).toEqual([]);
    expect([...series.keys()].map((key) => key.replace('\u0000', ' '))).toEqual([
      'csat segment:enterprise',
      'csat team:tier1',
      'frt org',
      'frt segment:enterprise',
    ]);
    expect(points(series, 'frt', 'org')).toEqual({ granularity: 'month', periods: ['2026-04', '2026-05'], values: [5.1, 4.8] });
    expect(points(series, 'csat', 'team:tier1')).toEqual({ granularity: 'month', periods: ['2026-04', '2026-05'], values: [85, 86.5] });
    expect(points(series, 'frt', 'segment:enterprise')).toEqual({ granularity: 'week', periods: ['2026-W14', '2026-W15'], values: [6.2, 5.9] });
    expect(points(series, 'csat', 'segment:enterprise')?.values).toEqual([91, 92]);
  });

  it('names the CSV each series was read from, or each of its CSVs in reading order', async () => {
    const files = { 'data/b.csv': 'period,frt\n2026-05,4\n', 'data/a.csv': 'period,frt,csat\n2026-04,5,80\n', 'data/sub/c.csv': 'period,frt\n2026-06,3\n' };
    const { series } = await ingest(files);
    expect(series.get(seriesKey('frt', 'org'))?.source).toBe('data/a.csv, data/b.csv, data/sub/c.csv');
    expect(series.get(seriesKey('csat', 'org'))?.source).toBe('data/a.csv');
  });

  it('dates each value by its period end and keeps the series sorted by day', async () => {
    const { series } = await ingest({ 'data/x.csv': 'period,frt\n2026-06,3\n2026-04,5\n2026-05,4\n' });
    const frt = series.get(seriesKey('frt', 'org'))!;
    expect([...frt.days]).toEqual([20573, 20604, 20634]);
    expect(frt.periods).toEqual(['2026-04', '2026-05', '2026-06']);
    expect([...frt.values]).toEqual([5, 4, 3]);
  });

  it('reads a wide file without a scope column as org, and periods of every form', async () => {
    const files = { 'data/d.csv': 'period,frt\n2026-04-07,1\n', 'data/q.csv': 'period,csat\n2026-Q2,80\n' };
    const { series, findings } = await ingest(files);
    expect(findings).toEqual([]);
    expect(points(series, 'frt', 'org')).toMatchObject({ granularity: 'day', periods: ['2026-04-07'] });
    expect(points(series, 'csat', 'org')).toMatchObject({ granularity: 'quarter', periods: ['2026-Q2'] });
  });

  it('accepts a BOM, CRLF, quoted cells, blank lines and surrounding spaces', async () => {
    const text = '\uFEFFperiod,kpi,value,scope\r\n\r\n"2026-04","frt"," 5.1 ",""\r\n   \r\n2026-05 , frt ,4.9,org\r\n';
    const { series, findings } = await ingest({ 'data/x.csv': text });
    expect(findings).toEqual([]);
    expect(points(series, 'frt', 'org')?.values).toEqual([5.1, 4.9]);
  });

  it.each([1, 2, 3, 7])('keeps a multi-byte character split across %i-byte chunks, and its columns', async (chunkSize) => {
    const text = 'period,kpi,value,scope\n2026-04,frt,—,team:zürich\n2026-05,frt,x,org\n';
    const { findings } = await ingest({ 'data/x.csv': text }, { chunkSize });
    expect(findings.map((f) => [at(f), f.message])).toEqual([
      ['metric-value data/x.csv:2:13', '"—" for `frt` is not a number'],
      ['metric-unknown-scope data/x.csv:2:15', 'the scope "team:zürich" names no team of the strategy'],
      ['metric-value data/x.csv:3:13', '"x" for `frt` is not a number'],
    ]);
  });
});

describe('ingestMetrics: unreadable files', () => {
  it('reports a file whose stream fails as metric-file, and keeps going', async () => {
    const fs = memoryFileSystem({ 'data/a.csv': 'x', 'data/b.csv': 'period,frt\n2026-04,5\n' });
    const failing = {
      ...fs,
      createReadStream: (file: string) => {
        if (!file.endsWith('a.csv')) return fs.createReadStream(file);
        return new Readable({ read() { this.destroy(new Error('EIO: i/o error')); } });
      },
    };
    const { findings, series } = await ingestMetrics(failing, '/ws', CATALOG);
    expect(findings.map((f) => [at(f), f.message])).toEqual([['metric-file data/a.csv:1:1', 'the file could not be read: EIO: i/o error']]);
    expect(series.size).toBe(1);
  });
});

describe('ingestMetrics: several files and shapes together', () => {
  it('gives the column of a cell past the first megabyte of a file', async () => {
    // 80,000 rows of 26 characters: the bad cell sits past 1,900,000 characters.
    const rows = Array.from({ length: 80_000 }, (_, i) => `2026-W${String((i % 52) + 1).padStart(2, '0')},frt,person:ana,${i % 7}`);
    rows[75_000] = '2026-W01,csat,person:ana,n/a';
    const { findings } = await ingest({ 'data/big.csv': `period,kpi,scope,value\n${rows.join('\n')}\n` }, { chunkSize: 64 * 1024 });
    expect(findings.filter((f) => f.code === 'metric-value').map(at)).toEqual(['metric-value data/big.csv:75002:26']);
  });

  it('reports each problem at its cell and keeps the first value of a conflict', async () => {
    const files = {
      'data/a.csv': 'period,kpi,scope,value\n2026-W14,frt,org,4\n2026-W15,frt,org,3.9\n2026-W14,frt,org,4.4\n2026-W16,frt,team:nope,3\n2026-W16,frt,org,n/a\n',
      'data/b.csv': 'period,scope,frt,csat\n2026-04,team:tier1,4.1,88\n2026-W17,org,3.8,\n2026-05,org,3.7,\n',
    };
    const { findings, series } = await ingestMetrics(memoryFileSystem(files), '/ws', CATALOG);
    expect(findings.map(at)).toEqual([
      'metric-conflict data/a.csv:2:18',
      'metric-conflict data/a.csv:4:18',
      'metric-unknown-scope data/a.csv:5:14',
      'metric-value data/a.csv:6:18',
      'metric-granularity data/b.csv:4:13',
    ]);
    const summary = (set: SeriesSet) => [...set.entries()].map(([key, s]) => [key.replace('\u0000', ' '), s.granularity, s.periods, [...s.values]]);
    expect(summary(series)).toEqual([
      ['csat team:tier1', 'month', ['2026-04'], [88]],
      ['frt org', 'week', ['2026-W14', '2026-W15', '2026-W17'], [4, 3.9, 3.8]],
      ['frt team:nope', 'week', ['2026-W16'], [3]],
      ['frt team:tier1', 'month', ['2026-04'], [4.1]],
    ]);
  });
});

describe('ingestMetrics: row order', () => {
  it('reads a newest-first export into series sorted by day, and conflicts still name their lines', async () => {
    const rows = ['period,kpi,scope,value'];
    for (let week = 20; week >= 1; week--) {
      for (const scope of ['org', 'team:tier1', ' team:tier1 ']) rows.push(`2026-W${String(week).padStart(2, '0')},frt,${scope},${week}`);
    }
    rows.push('2026-W07,frt,org,99');
    const { series, findings } = await ingest({ 'data/x.csv': rows.join('\n') + '\n' });
    expect(points(series, 'frt', 'org')?.values).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(points(series, 'frt', 'team:tier1')?.periods).toHaveLength(20);
    expect(findings.map(at)).toEqual(['metric-conflict data/x.csv:41:18', 'metric-conflict data/x.csv:62:18']);
    expect(findings[0]!.message).toBe('`frt` at org for 2026-W07 is 7 here but 99 in data/x.csv line 62; this first value is kept');
  });
});

describe('ingestMetrics: a file that vanishes after the first read', () => {
  it('still names both lines of a conflict, which it kept while reading; only the columns are lost', async () => {
    const fs = memoryFileSystem({ 'data/a.csv': 'period,frt\n2026-04,4\n2026-04,5\n' });
    let reads = 0;
    const flaky = {
      ...fs,
      createReadStream: (file: string) => (reads++ === 0 ? fs.createReadStream(file) : new Readable({ read() { this.destroy(new Error('EIO')); } })),
    };
    const { findings } = await ingestMetrics(flaky, '/ws', CATALOG);
    expect(findings.map(at)).toEqual(['metric-conflict data/a.csv:2:1', 'metric-conflict data/a.csv:3:1']);
    expect(findings[1]!.message).toBe('`frt` at org for 2026-04 is 5 here but 4 in data/a.csv line 2; the first value is kept');
    expect(findings[0]!.related).toEqual([{ file: 'data/a.csv', line: 3, column: 1, message: 'the other value, 5' }]);
  });
});

describe('ingestMetrics: a file with no line breaks', () => {
  it('reports the endless line as metric-file and keeps the rows before it', async () => {
    const text = `period,frt\n2026-04,4\n${'7'.repeat(2 * 1024 * 1024)}`;
    const { findings, series } = await ingest({ 'data/a.csv': text }, { chunkSize: 64 * 1024 });
    expect(findings.map((f) => [at(f), f.message])).toEqual([
      ['metric-file data/a.csv:3:1', 'this row runs on for more than 1,048,576 characters (no line break, lines that end with a carriage return only, or a quote never closed), so the file is not read past it'],
    ]);
    expect(points(series, 'frt', 'org')?.values).toEqual([4]);
  });
});

describe('ingestMetrics: a column full of bad cells', () => {
  it(`lists the first ${MAX_CELL_FINDINGS} bad cells of a column one by one and counts the rest in one finding`, async () => {
    const rows = Array.from({ length: MAX_CELL_FINDINGS + 5 }, (_, i) => `2026-${String((i % 12) + 1).padStart(2, '0')},n/a,${i === 0 ? 'x' : '80'}`);
    const { findings } = await ingest({ 'data/a.csv': `period,frt,csat\n${rows.join('\n')}\n` });
    const frt = findings.filter((f) => f.column === 9);
    expect(frt).toHaveLength(MAX_CELL_FINDINGS + 1);
    expect(frt.at(-1)).toMatchObject({
      code: 'metric-value',
      line: MAX_CELL_FINDINGS + 2,
      message: `from here on, this column has more cells that cannot be read as numbers; only the first ${MAX_CELL_FINDINGS} are listed one by one, the rest are counted here (5 rows)`,
    });
    // Another column has its own count.
    expect(findings.filter((f) => f.column === 13).map(at)).toEqual(['metric-value data/a.csv:2:13']);
  });

  it('does the same for period cells', async () => {
    const rows = Array.from({ length: MAX_CELL_FINDINGS + 1 }, () => 'April,4');
    const { findings } = await ingest({ 'data/a.csv': `period,frt\n${rows.join('\n')}\n` });
    expect(findings).toHaveLength(MAX_CELL_FINDINGS + 1);
    expect(findings.at(-1)!.message).toBe(`from here on, this column has more cells that are not periods; only the first ${MAX_CELL_FINDINGS} are listed one by one, the rest are counted here`);
  });
});

describe('ingestMetrics: a column of ids that are not KPIs or scopes', () => {
  it(`lists the first ${MAX_CELL_FINDINGS} unknown KPI ids and scopes and counts the rows of the rest`, async () => {
    const count = MAX_CELL_FINDINGS + 3;
    const rows = Array.from({ length: count }, (_, i) => `2026-04,ticket-${i},team:t${i},1`);
    const { findings } = await ingest({ 'data/a.csv': `period,kpi,scope,value\n${rows.join('\n')}\n${rows[0]}\n` });
    const kpis = findings.filter((f) => f.code === 'metric-unknown-kpi');
    expect(kpis).toHaveLength(MAX_CELL_FINDINGS + 1);
    expect(kpis[0]!.message).toBe('no KPI has the id "ticket-0"; its rows are ignored (2 rows)');
    expect(kpis.at(-1)).toMatchObject({ line: MAX_CELL_FINDINGS + 2, message: expect.stringMatching(/first 20 ids are listed one by one, the rest are counted here \(3 rows\)$/) });
    // The same for a scope column, the last row repeating a scope past the first 20.
    const scoped = Array.from({ length: count }, (_, i) => `2026-04,frt,team:t${i},1`);
    const second = await ingest({ 'data/a.csv': `period,kpi,scope,value\n${scoped.join('\n')}\n${scoped.at(-1)}\n` });
    const scopes = second.findings.filter((f) => f.code === 'metric-unknown-scope');
    expect(scopes).toHaveLength(MAX_CELL_FINDINGS + 1);
    expect(scopes.at(-1)!.message).toMatch(/first 20 are listed one by one, the rest are counted here \(4 rows\)$/);
  });
});

describe('ingestMetrics: a corrected export beside the original', () => {
  it(`lists the first ${MAX_CELL_FINDINGS} conflicts between two files at both places and counts the rest`, async () => {
    const days = Array.from({ length: MAX_CELL_FINDINGS + 5 }, (_, i) => `2026-01-${String(i + 1).padStart(2, '0')}`);
    const file = (value: number) => `period,frt\n${days.map((day) => `${day},${value}`).join('\n')}\n`;
    const { findings } = await ingest({ 'data/a.csv': file(4), 'data/b.csv': file(5) });
    expect(findings).toHaveLength(MAX_CELL_FINDINGS * 2 + 1);
    const summary = findings.find((f) => f.message.startsWith('5 more'));
    expect(summary).toMatchObject({
      code: 'metric-conflict',
      file: 'data/b.csv',
      line: MAX_CELL_FINDINGS + 2,
      column: 12,
      message: `5 more periods have two different values in data/a.csv and data/b.csv; only the first ${MAX_CELL_FINDINGS} such conflicts are listed one by one, the rest are counted here`,
    });
  });
});

describe('ingestMetrics: conflicts in many series', () => {
  it('lists conflicts in the order of the series keys, not the order the series were met', async () => {
    // frt at team:tier1 is met first, but csat at org comes first in key order.
    const days = Array.from({ length: MAX_CELL_FINDINGS }, (_, i) => `2026-01-${String(i + 1).padStart(2, '0')}`);
    const file = (value: number) => `period,kpi,scope,value\n${days.flatMap((day) => [`${day},frt,team:tier1,${value}`, `${day},csat,org,${value}`]).join('\n')}\n`;
    const { findings } = await ingest({ 'data/a.csv': file(4), 'data/b.csv': file(5) });
    const listed = findings.filter((f) => f.code === 'metric-conflict' && !f.message.startsWith(`${MAX_CELL_FINDINGS} more`));
    expect(listed).toHaveLength(MAX_CELL_FINDINGS * 2);
    expect(listed.every((f) => f.message.startsWith('`csat` at org'))).toBe(true);
  });
});

describe('ingestMetrics: a monthly export beside a weekly one', () => {
  it(`lists the first ${MAX_CELL_FINDINGS} series that mix period lengths and counts the values of the rest`, async () => {
    const people = Array.from({ length: MAX_CELL_FINDINGS + 2 }, (_, i) => `person:p${i}`);
    const weekly = `period,kpi,scope,value\n${people.map((scope) => `2026-W14,frt,${scope},4`).join('\n')}\n`;
    const monthly = `period,kpi,scope,value\n${people.map((scope) => `2026-04,frt,${scope},4`).join('\n')}\n`;
    const { findings } = await ingest({ 'data/a.csv': weekly, 'data/b.csv': monthly });
    const mixed = findings.filter((f) => f.code === 'metric-granularity');
    expect(mixed).toHaveLength(MAX_CELL_FINDINGS + 1);
    expect(mixed.at(-1)).toMatchObject({ file: 'data/b.csv', line: MAX_CELL_FINDINGS + 2, message: expect.stringMatching(/counted here \(2 rows\)$/) });
  });
});

describe('ingestMetrics: series of one and of a few points spread through a large export', () => {
  // A series makes its buffer at its second point, sized from how far that came from the
  // first: here one period is over 64 KB of rows, so every series of the three-period file is
  // sized from its second point, and the one-point series never make one.
  it('keeps every point, in a file sorted by period and in one sorted by series', async () => {
    const scopes = Array.from({ length: 3_000 }, (_, i) => `team:t${i}`);
    const byPeriod = ['period,kpi,scope,value'];
    for (const month of ['2026-01', '2026-02', '2026-03']) for (const [i, scope] of scopes.entries()) byPeriod.push(`${month},frt,${scope},${i}.25`);
    const single = scopes.slice(0, 500).map((scope, i) => `2026-01,csat,${scope},${i}`);
    const bySeries = [...scopes.slice(0, 500).flatMap((scope, i) => [`2026-01,sla_adherence,${scope},${i}`, `2026-02,sla_adherence,${scope},${i + 1}`])];
    const text = `${[...byPeriod, ...single, ...bySeries].join('\n')}\n`;
    for (const chunkSize of [64 * 1024, 7_000]) {
      const { series } = await ingest({ 'data/a.csv': text }, { chunkSize });
      expect(series.size).toBe(4_000);
      for (const i of [0, 1, 1_234, 2_999]) expect(points(series, 'frt', `team:t${i}`)).toEqual({ granularity: 'month', periods: ['2026-01', '2026-02', '2026-03'], values: [i + 0.25, i + 0.25, i + 0.25] });
      for (const i of [0, 499]) {
        expect(points(series, 'csat', `team:t${i}`)).toEqual({ granularity: 'month', periods: ['2026-01'], values: [i] });
        expect(points(series, 'sla_adherence', `team:t${i}`)?.values).toEqual([i, i + 1]);
      }
    }
  });
});
