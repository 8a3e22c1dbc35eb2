// Each metric rule of FORMAT.md section 3, firing at the file, line and column of the offending
// cell, next to a passing case.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/diagnostics/diagnostic.ts';
import { nodeFileSystem } from '../../src/effects.ts';
import { ingestMetrics } from '../../src/metrics/ingest.ts';
import { seriesKey } from '../../src/metrics/types.ts';
import { type FileMap, memoryFileSystem } from '../helpers/memory-fs.ts';
import { CATALOG } from './catalog.ts';

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'metrics');

const ingest = (files: FileMap) => ingestMetrics(memoryFileSystem(files), '/ws', CATALOG);
const at = (finding: Pick<Finding, 'file' | 'line' | 'column'>) => `${finding.file}:${finding.line}:${finding.column}`;

async function only(files: FileMap): Promise<Finding> {
  const { findings } = await ingest(files);
  expect(findings).toHaveLength(1);
  return findings[0]!;
}

describe('file-empty', () => {
  it('warns of a CSV with a header row and no data rows; a row that cannot be read is no empty file', async () => {
    const finding = await only({ 'data/x.csv': 'period,scope,frt\n' });
    expect(finding).toMatchObject({ code: 'file-empty', file: 'data/x.csv', line: 1, column: 1, message: 'the file has a header row and no data rows' });
    expect((await ingest({ 'data/x.csv': 'period,scope,frt\n2026-04,org,5\n' })).findings).toEqual([]);
    expect((await ingest({ 'data/x.csv': 'period,scope,frt\n2026-04,org,"5\n' })).findings.map((f) => f.code)).toEqual(['metric-file']);
  });
});

describe('metric-file', () => {
  it('fires on a header without a period column, at the header', async () => {
    const finding = await only({ 'data/x.csv': '\n\nmonth,frt\n2026-04,5\n' });
    expect(finding).toMatchObject({ code: 'metric-file', file: 'data/x.csv', line: 3, column: 1, message: 'the header row has no `period` column' });
  });

  it('fires on an empty file', async () => {
    expect(await only({ 'data/x.csv': '\n \n' })).toMatchObject({ code: 'metric-file', line: 1, column: 1, message: 'the file is empty: it has no header row' });
  });

  it('fires on a row that is not valid CSV', async () => {
    const finding = await only({ 'data/x.csv': 'period,frt\n2026-04,5\n2026-05,"4\n2026-06,3\n' });
    expect(finding).toMatchObject({ code: 'metric-file', line: 3, column: 1 });
    expect(finding.message).toContain('cannot be read as CSV');
  });

  it.each([
    ['separated by semicolons', 'period;scope;csat\n2026-04;org;88,5\n', 'the header row is separated by semicolons, not commas'],
    ['separated by tabs', 'period\tscope\tcsat\n2026-04\torg\t88.5\n', 'the header row is separated by tabs, not commas'],
    ['with CR-only line endings', 'period,scope,csat\r2026-04,org,88.5\r2026-05,org,89\r', 'the lines of this file end with a carriage return only (CR), as old Mac programs write them, so it reads as one line'],
    ['in UTF-16', Buffer.from('\uFEFFperiod,scope,csat\r\n2026-04,org,88.5\r\n', 'utf16le'), 'the file is UTF-16 text (Excel\'s "Unicode text"), not UTF-8'],
    ['a zip archive', Buffer.concat([Buffer.from('PK\u0003\u0004\u0014\u0000'), Buffer.from([0x80, 0xff, 0x00, 0x0a])]), 'this is a zip archive (an Excel .xlsx workbook?), not a CSV file'],
    ['binary', Buffer.from([0x00, 0x01, 0x02, 0x90, 0x0a, 0x00]), 'the file holds NUL bytes: it is not a text file'],
    ['JSON', '[{"period":"2026-04","csat":88.5},\n {"period":"2026-05","csat":89}]\n', 'this is JSON, not a CSV file'],
    ['pretty-printed JSON', '[\n  {\n    "period": "2026-04",\n    "csat": 88.5\n  }\n]\n', 'this is JSON, not a CSV file'],
    ['separated by semicolons with a comma in a quoted header cell', 'period;scope;"csat, %"\n2026-04;org;88\n', 'the header row is separated by semicolons, not commas'],
    ['a CRLF file whose header opens a quote it never closes', 'period,scope,"csat\r\n2026-04,org,88\r\n', 'the header row cannot be read as CSV (quoted field unterminated): a quoted cell in it runs on to line 2, so the file is not read'],
    ['a JSON object a line', '{"period": "2026-04", "csat": 88.5}\n{"period": "2026-05", "csat": 89}\n', 'this is JSON, not a CSV file'],
  ])('says what the file is when it is %s, once', async (_, content, message) => {
    expect(await only({ 'data/x.csv': content })).toMatchObject({ code: 'metric-file', line: 1, column: 1, message });
  });

  it('fires once at the first cell that is not UTF-8, and still reads the values', async () => {
    const latin1 = Buffer.concat([Buffer.from('period,scope,frt\n2026-04,org,5\n2026-05,team:'), Buffer.from([0xe9]), Buffer.from('quipe,4\n2026-06,'), Buffer.from([0xe9]), Buffer.from(',3\n')]);
    const { findings, series } = await ingest({ 'data/x.csv': latin1 });
    expect(findings.filter((f) => f.code === 'metric-file')).toEqual([expect.objectContaining({ line: 3, column: 9, message: expect.stringContaining('not UTF-8') })]);
    expect(series.get(seriesKey('frt', 'org'))?.values).toEqual(new Float64Array([5]));
  });

  it('is quiet for a U+FFFD the file holds as text', async () => {
    expect((await ingest({ 'data/x.csv': 'period,scope,frt\n2026-04,org,5\n2026-05,org\uFFFD,4\n' })).findings.map((f) => f.code)).toEqual(['metric-unknown-scope']);
  });

  it('names the lines a quote never closed takes with it, up to the last that holds text', async () => {
    const finding = await only({ 'data/x.csv': 'period,frt\n2026-04,"5.5"x\n2026-05,4\n2026-06,n/a\n\n \n' });
    expect(finding).toMatchObject({ code: 'metric-file', line: 2, column: 1 });
    expect(finding.message).toBe('this row cannot be read as CSV (quoted field unterminated): a quoted cell in it runs on to line 4, so lines 2 to 4 are ignored');
    expect(finding.hint).toContain('Close or remove the quote that opens on line 2.');
  });

  it('says the header row cannot be read, not that the file is empty', async () => {
    const finding = await only({ 'data/x.csv': '"period,frt\n2026-04,5\n' });
    expect(finding).toMatchObject({ code: 'metric-file', line: 1, column: 1 });
    expect(finding.message).toBe('the header row cannot be read as CSV (quoted field unterminated): a quoted cell in it runs on to line 2, so the file is not read');
  });

  it('fires on a value in a column without a name between named ones, once per file, and reads the rest of the row', async () => {
    const { findings, series } = await ingest({ 'data/x.csv': 'period,,frt\n2026-04,,5\n2026-05,7,4\n2026-06,8,3\n' });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ code: 'metric-file', line: 3, column: 9 });
    expect(findings[0]!.message).toBe('this cell has no column name in the header row, so its value "7" is ignored (2 rows)');
    expect(series.get(seriesKey('frt', 'org'))?.values).toEqual(new Float64Array([5, 4, 3]));
  });

  it.each([
    ['past the header', 'period,frt\n2026-04,5,\n2026-05,4,5\n2026-06,3,7\n'],
    ['under the empty header cells a spreadsheet leaves at the end', 'period,frt,,\n2026-04,5,,\n2026-05,4,5,\n2026-06,3,7,\n'],
  ])('ignores a row with a value %s, once per file, saying why', async (_, text) => {
    const { findings, series } = await ingest({ 'data/x.csv': text });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ code: 'metric-file', line: 3, column: 11 });
    expect(findings[0]!.message).toBe("this row has a value past the header's last named column (in cell 3; the last named is cell 2), so its values may sit in the wrong columns; it is ignored (2 rows)");
    expect(findings[0]!.hint).toContain('write 88.5');
    expect([...series.get(seriesKey('frt', 'org'))!.values]).toEqual([5]);
  });

  it('reads a file whose lines end in CR CR LF, as Python writes on Windows', async () => {
    const { findings, series } = await ingest({ 'data/x.csv': 'period,frt\r\r\n2026-04,5\r\r\n2026-05,4\r\r\n' });
    expect(findings).toEqual([]);
    expect([...series.get(seriesKey('frt', 'org'))!.values]).toEqual([5, 4]);
  });

  it('recognises a header separated by semicolons even when its cells are quoted, as R writes it', async () => {
    const finding = await only({ 'data/x.csv': '"period";"kpi";"value"\n"2026-04";"frt";"3,5"\n' });
    expect(finding).toMatchObject({ code: 'metric-file', line: 1, column: 1, message: 'the header row is separated by semicolons, not commas' });
  });

  it('fires on a long file with kpi but no value column', async () => {
    expect(await only({ 'data/x.csv': 'period,kpi,amount\n2026-04,frt,5\n' })).toMatchObject({ code: 'metric-file', line: 1, column: 8 });
  });
});

describe('metric-column-ignored', () => {
  it('warns of an extra column in a long file, and still reads its values', async () => {
    const { findings, series } = await ingest({ 'data/x.csv': 'period,kpi,value,note\n2026-04,frt,5,hello\n' });
    expect(findings.map((f) => [f.code, at(f)])).toEqual([['metric-column-ignored', 'data/x.csv:1:18']]);
    expect(series.get(seriesKey('frt', 'org'))?.values).toEqual(new Float64Array([5]));
  });

  it('is quiet for the four known columns', async () => {
    expect((await ingest({ 'data/x.csv': 'scope,value,kpi,period\norg,5,frt,2026-04\n' })).findings).toEqual([]);
  });
});

describe('metric-unknown-kpi', () => {
  it('fires once per unknown wide column, at the header cell, with the closest id', async () => {
    const finding = await only({ 'data/x.csv': 'period,scope,frtt,csat\n2026-04,org,5,80\n2026-05,org,4,81\n' });
    expect(finding).toMatchObject({ code: 'metric-unknown-kpi', line: 1, column: 14, hint: 'Did you mean `frt`?' });
  });

  it("points a KPI's name, in a column or a cell, to its id", async () => {
    const named = { ...CATALOG, kpis: CATALOG.kpis.map((kpi) => (kpi.id === 'frt' ? { ...kpi, name: 'First response time' } : kpi)) };
    const hints = async (text: string) => (await ingestMetrics(memoryFileSystem({ 'data/x.csv': text }), '/ws', named)).findings.map((f) => [at(f), f.hint]);
    expect(await hints('period,First Response Time\n2026-04,5\n')).toEqual([['data/x.csv:1:8', 'Use the KPI\'s id, `frt`: "First response time" is its name.']]);
    expect(await hints('period,kpi,value\n2026-04,first response time,5\n')).toEqual([['data/x.csv:2:9', 'Use the KPI\'s id, `frt`: "First response time" is its name.']]);
  });

  it('fires once per unknown KPI in a long file, at its first cell, counting the rows', async () => {
    const finding = await only({ 'data/x.csv': 'period,kpi,value\n2026-04,frt,5\n2026-04,csatt,80\n2026-05,csatt,81\n' });
    expect(finding).toMatchObject({ code: 'metric-unknown-kpi', line: 3, column: 9, hint: 'Did you mean `csat`?' });
    expect(finding.message).toBe('no KPI has the id "csatt"; its rows are ignored (2 rows)');
  });
});

describe('metric-value', () => {
  it('fires on a cell that is not a number, saying to leave it empty', async () => {
    const finding = await only({ 'data/x.csv': 'period,scope,frt,csat\n2026-04,org,n/a,80\n' });
    expect(finding).toMatchObject({ code: 'metric-value', line: 2, column: 13, message: '"n/a" for `frt` is not a number' });
    expect(finding.hint).toContain('Leave the cell empty');
  });

  it('says to drop a unit written after the number', async () => {
    const finding = await only({ 'data/x.csv': 'period,scope,frt\n2026-04,org,8.6h\n' });
    expect(finding).toMatchObject({ code: 'metric-value', line: 2, column: 13, message: '"8.6h" for `frt` is not a number: it has a unit', hint: 'Write 8.6: `frt` is measured in hours, as its KPI says.' });
  });

  it('accepts a trailing % for percent KPIs only', async () => {
    const { findings, series } = await ingest({ 'data/x.csv': 'period,csat,frt\n2026-04,85%,5%\n2026-05,86 %,\n' });
    expect(findings.map((f) => [f.code, at(f), f.message])).toEqual([
      ['metric-value', 'data/x.csv:2:13', '"5%" has a % sign, but `frt` is measured in hours'],
    ]);
    expect(series.get(seriesKey('csat', 'org'))?.values).toEqual(new Float64Array([85, 86]));
    expect(series.has(seriesKey('frt', 'org'))).toBe(false);
  });

  it('never reads an empty cell as zero', async () => {
    const { findings, series } = await ingest({ 'data/x.csv': 'period,kpi,value\n2026-04,frt,\n2026-05,frt,0\n' });
    expect(findings).toEqual([]);
    expect(series.get(seriesKey('frt', 'org'))?.periods).toEqual(['2026-05']);
  });

  it('points into a multi-line quoted cell and keeps counting lines after it', async () => {
    const { findings } = await ingest({ 'data/x.csv': 'period,kpi,value\n2026-04,frt,"n/\na"\n2026-05,frt,zz\n' });
    expect(findings.map((f) => [at(f), f.message])).toEqual([
      ['data/x.csv:2:13', '"n/\\na" for `frt` is not a number'],
      ['data/x.csv:4:13', '"zz" for `frt` is not a number'],
    ]);
  });
});

describe('metric-period', () => {
  it.each([
    ['2021-W53', '2021 has 52 ISO weeks, so "2021-W53" does not exist'],
    ['April', '"April" is not a day, ISO week, month or quarter'],
    ['', 'the period cell is empty'],
  ])('fires on %j at the period cell', async (period, message) => {
    const finding = await only({ 'data/x.csv': `kpi,period,value\nfrt,2026-04,5\nfrt,${period},4\n` });
    expect(finding).toMatchObject({ code: 'metric-period', line: 3, column: 5, message });
  });
});

describe('metric-conflict', () => {
  it('fires at both places, each naming the other; an identical repeat is no conflict', async () => {
    const { findings, series } = await ingestMetrics(nodeFileSystem, path.join(FIXTURES, 'conflict'), CATALOG);
    expect(findings).toHaveLength(2);
    expect(findings[0]).toMatchObject({
      code: 'metric-conflict',
      file: 'data/a-export.csv',
      line: 3,
      column: 13,
      related: [{ file: 'data/b-export.csv', line: 3, column: 17, message: 'the other value, 4.7' }],
    });
    expect(findings[1]).toMatchObject({
      code: 'metric-conflict',
      file: 'data/b-export.csv',
      line: 3,
      column: 17,
      message: '`frt` at org for 2026-05 is 4.7 here but 4.9 in data/a-export.csv line 3; the first value is kept',
      related: [{ file: 'data/a-export.csv', line: 3, column: 13, message: 'the first value, 4.9' }],
    });
    expect([...series.get(seriesKey('frt', 'org'))!.values]).toEqual([5.1, 4.9]);
  });

  it('fires within one unsorted file too', async () => {
    const { findings } = await ingest({ 'data/x.csv': 'period,frt\n2026-05,4\n2026-04,5\n2026-05,4\n2026-05,3\n' });
    expect(findings.map((f) => [f.code, at(f), f.related?.map(at)])).toEqual([
      ['metric-conflict', 'data/x.csv:2:9', ['data/x.csv:5:9']],
      ['metric-conflict', 'data/x.csv:5:9', ['data/x.csv:2:9']],
    ]);
  });
});

describe('metric-granularity', () => {
  it('fires once per file on the values whose period length differs from the series', async () => {
    const { findings, series } = await ingest({
      'data/a.csv': 'period,frt\n2026-04,5\n',
      'data/b.csv': 'period,frt,csat\n2026-W15,4,80\n2026-W16,3,81\n',
    });
    expect(findings.map((f) => [f.code, at(f), f.message, f.related?.map(at)])).toEqual([
      ['metric-granularity', 'data/b.csv:2:10', '`frt` at org is monthly (from data/a.csv line 2), but this value is weekly; it is ignored (2 rows)', ['data/a.csv:2:9']],
    ]);
    expect(series.get(seriesKey('csat', 'org'))?.granularity).toBe('week');
  });
});

describe('metric-unknown-scope', () => {
  it('fires once per scope and file, at the first scope cell, and keeps the rows', async () => {
    const { findings, series } = await ingest({
      'data/x.csv': 'period,scope,frt\n2026-04,team:tier1,5\n2026-04,team:tier2,5\n2026-05,team:tier2,4\n2026-04,region:eu,3\n',
    });
    expect(findings.map((f) => [f.code, at(f), f.hint])).toEqual([
      ['metric-unknown-scope', 'data/x.csv:3:9', 'Did you mean `team:tier1`?'],
      ['metric-unknown-scope', 'data/x.csv:5:9', expect.stringContaining('Use org')],
    ]);
    expect(findings[0]!.message).toBe('the scope "team:tier2" names no team of the strategy (2 rows)');
    expect(series.get(seriesKey('frt', 'team:tier2'))?.values).toEqual(new Float64Array([5, 4]));
  });

  it('accepts every kind of scope the strategy defines', async () => {
    const scopes = ['org', 'team:support', 'person:ana', 'channel:email', 'segment:enterprise', 'sla:p1-outage'];
    const rows = scopes.map((scope) => `2026-04,${scope},90`).join('\n');
    const { findings, series } = await ingest({ 'data/x.csv': `period,scope,sla_adherence\n${rows}\n` });
    expect(findings).toEqual([]);
    expect(series.size).toBe(scopes.length);
  });
});
