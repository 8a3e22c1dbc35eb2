// Reading a large file in parts at once (the first part here, the others in worker threads; or
// all in workers) must give exactly what reading it in one go gives: the same series, the same
// first places, the same findings, whether the parts can be joined or the file is read on (or
// again) in one go.
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { nodeFileSystem } from '../../src/effects.ts';
import { ingestMetrics } from '../../src/metrics/ingest.ts';
import { partCount, workersNeeded, type PartsOptions, type PartsRead } from '../../src/metrics/parallel-ingest.ts';
import { CATALOG } from './catalog.ts';

const IN_PARTS: PartsOptions = { minPartBytes: 1, maxParts: 3, maxOwnPartBytes: Infinity };
const WHOLE: PartsOptions = { ...IN_PARTS, maxParts: 1 };
/** Every part read by a worker thread, none by this one. */
const ALL_IN_WORKERS: PartsOptions = { ...IN_PARTS, maxOwnPartBytes: 0 };

const roots: string[] = [];
afterAll(() => roots.forEach((root) => rmSync(root, { recursive: true, force: true })));

function workspace(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'goalpost-parts-'));
  roots.push(root);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), text);
  }
  return root;
}

/** The files read in parts and in one go, and how each file was read in parts (by name, unless not `told`). */
async function ingestBothWays(files: Record<string, string>, inParts = IN_PARTS, told = true) {
  const root = workspace(files);
  const reads: Record<string, PartsRead> = {};
  const read = async (parts: PartsOptions) => {
    const onRead = told && parts === inParts ? (name: string, how: PartsRead) => void (reads[name] = how) : undefined;
    const { series, findings } = await ingestMetrics(nodeFileSystem, root, CATALOG, { parts, onRead });
    return { series: [...series.values()].map((s) => ({ kpi: s.kpi, scope: s.scope, granularity: s.granularity, days: [...s.days], values: [...s.values] })), findings };
  };
  return { inParts: await read(inParts), whole: await read(WHOLE), reads };
}

const WEEKS = ['2026-W01', '2026-W02', '2026-W03', '2026-W04', '2026-W05', '2026-W06'];
const row = fc.record({
  period: fc.constantFrom(...WEEKS),
  kpi: fc.constantFrom('frt', 'csat'),
  scope: fc.constantFrom('org', 'team:support', 'team:tier1', 'person:ana', 'channel:email'),
  value: fc.integer({ min: 0, max: 40 }).map(String),
});
// In half the runs, one row that a part cannot read alone, so that the fallback is tried too.
// Worker threads read their parts before the strategy, taking every KPI id and scope as known:
// an unknown KPI or scope, a quarter or a percent value must still end as one read would end.
const oddRow = fc.constantFrom(
  '2026-02,frt,org,1',
  'n/a,frt,org,1',
  '2026-W01,fcr,org,1',
  '2026-W01,frt,org,"7"',
  '2026-W01,frt,"team:tier1",1',
  '2026-W01,frt,team:nobody,1',
  '2026-Q1,frt,org,1',
  '2026-W01,csat,org,95%',
);

/** 90 long rows, each a different (week, KPI, scope): no conflict, no finding. */
function distinctRows(): string[] {
  const scopes = ['org', 'team:support', 'team:tier1', 'person:ana', 'channel:email'];
  return Array.from({ length: 90 }, (_, i) => `${WEEKS[i % 6]},${['frt', 'csat', 'sla_adherence'][Math.floor(i / 6) % 3]},${scopes[Math.floor(i / 18)]},${i}`);
}

describe('ingestion in parts', () => {
  it('joins the parts of a clean file into the same series as one read, with the first places of the later parts', async () => {
    const scopes = ['org', 'team:support', 'team:tier1', 'person:ana', 'channel:email'];
    const rows = Array.from({ length: 60 }, (_, i) => `${WEEKS[Math.floor(i / 10)]},${['frt', 'csat'][i % 2]},${scopes[Math.floor(i / 2) % 5]},${i}`);
    // Later rows add a new series and go back in time (W01 again), in the last part.
    rows.push('2026-W01,sla_adherence,org,0.5', '2026-W01,frt,org,99');
    const files = { 'data/big.csv': `period,kpi,scope,value\r\n${rows.join('\r\n')}\r\n`, 'data/later.csv': 'period,kpi,value\n2026-02,sla_adherence,1\n' };
    const { inParts, whole, reads } = await ingestBothWays(files);
    expect(reads['big.csv']).toBe('joined');
    expect(inParts).toEqual(whole);
    const allInWorkers = await ingestBothWays(files, ALL_IN_WORKERS);
    expect(allInWorkers.reads['big.csv']).toBe('joined');
    expect(allInWorkers.inParts).toEqual(whole);
    // The conflict (frt org W01) points at lines 2 and 63; the monthly sla_adherence at the weekly one's first line, 62.
    expect(whole.findings.map((f) => `${f.code} ${f.file}:${f.line}`)).toEqual([
      'metric-conflict data/big.csv:2',
      'metric-conflict data/big.csv:63',
      'metric-granularity data/later.csv:2',
    ]);
    expect(whole.findings[2]!.message).toContain('data/big.csv line 62');
  });

  it('joins a wide file with a BOM and blank lines, as one read would read it', async () => {
    const rows = Array.from({ length: 90 }, (_, i) => `${WEEKS[i % 6]},${['org', 'team:support', 'team:tier1'][Math.floor(i / 6) % 3]},${i % 2 ? '' : i},${i}`);
    rows.splice(40, 0, '', ' , , , ');
    const files = { 'data/wide.csv': `\uFEFF\nperiod,scope,frt,csat\n${rows.join('\n')}\n` };
    const { inParts, whole, reads } = await ingestBothWays(files);
    expect(reads['wide.csv']).toBe('joined');
    expect(inParts).toEqual(whole);
    expect(whole.series.map((s) => s.kpi).sort()).toEqual(['csat', 'csat', 'csat', 'frt', 'frt', 'frt']);
  });

  it('reads a file in this thread and one worker up to maxOwnPartBytes a part, and in workers only past it', () => {
    const options: PartsOptions = { minPartBytes: 10, maxParts: 2, maxOwnPartBytes: 50 };
    expect([19, 20, 100, 101].map((size) => [partCount(size, options), workersNeeded(size, options)])).toEqual([
      [1, 0],
      [2, 1],
      [2, 1],
      [2, 2],
    ]);
  });

  it('checks what worker threads read before the strategy against it: an unknown scope or KPI, a quarter, a percent value', async () => {
    const clean = Array.from({ length: 90 }, (_, i) => `${WEEKS[i % 6]},frt,team:support,${i}`);
    for (const odd of ['2026-W01,frt,team:nobody,1', '2026-W02,nps,org,1', '2026-Q1,sla_adherence,org,1', '2026-W03,csat,org,95%']) {
      const rows = [...clean];
      rows.splice(80, 0, odd);
      const files = { 'data/late.csv': `period,kpi,scope,value\n${rows.join('\n')}\n` };
      const { inParts, whole } = await ingestBothWays(files);
      expect(inParts).toEqual(whole);
      expect((await ingestBothWays(files, ALL_IN_WORKERS)).inParts).toEqual(whole);
    }
  });

  it('reads on past the cut when a part holds a quote, in this thread or a worker', async () => {
    // A quote in the first 64 KB keeps a file from being cut at all, so these files are larger:
    // 6,000 daily rows (180 KB) cut in two, with a quote after the first 64 KB of either part.
    const scopes = ['org', 'team:support', 'team:tier1', 'person:ana', 'channel:email'];
    const rows = Array.from({ length: 6000 }, (_, i) => {
      const day = new Date(Date.UTC(2024, 0, 1 + Math.floor(i / 15))).toISOString().slice(0, 10);
      return `${day},${['frt', 'csat', 'sla_adherence'][i % 3]},${scopes[Math.floor(i / 3) % 5]},${i % 40}`;
    });
    const header = 'period,kpi,scope,value';
    const size = [header, ...rows].join('\n').length + 1;
    /** The first row starting at least `offset` bytes into the file. */
    const rowAt = (offset: number) => rows.findIndex((_, i) => [header, ...rows.slice(0, i)].join('\n').length + 1 >= offset);
    const inParts = { ...IN_PARTS, maxParts: 2 };
    const inFirst = rowAt(70 * 1024);
    const inSecond = rowAt(size / 2 + 70 * 1024);
    expect([inFirst, inSecond].every((at) => at > 0) && [header, ...rows.slice(0, inSecond)].join('\n').length < size - 1024).toBe(true);
    // A quoted cell in either part, and a quote never closed in the first, which one read takes
    // to run on past the cut to the end of the file.
    for (const [at, quote] of [
      [inFirst, (row: string) => row.replace(/,([^,]*)$/, ',"$1"')],
      [inSecond, (row: string) => row.replace(/,([^,]*)$/, ',"$1"')],
      [inFirst, (row: string) => row.replace(/,([^,]*)$/, ',"$1')],
    ] as const) {
      const withQuote = [...rows];
      withQuote[at] = quote(rows[at]!);
      const files = { 'data/q.csv': `${header}\n${withQuote.join('\n')}\n` };
      for (const options of [inParts, { ...inParts, maxOwnPartBytes: 0 }]) {
        const { inParts: read, whole, reads } = await ingestBothWays(files, options);
        expect(reads['q.csv']).toBe('whole');
        expect(read).toEqual(whole);
      }
    }
    // Without the quotes, the same file is joined.
    expect((await ingestBothWays({ 'data/q.csv': `${header}\n${rows.join('\n')}\n` }, inParts)).reads['q.csv']).toBe('joined');
  });

  it('joins after a first part with findings of its own, and reads on when a later part has one', async () => {
    const clean = distinctRows();
    for (const [at, read] of [
      [10, 'joined'],
      [80, 'whole'],
    ] as const) {
      const rows = [...clean];
      rows.splice(at, 0, 'n/a,frt,org,1', '2026-W01,frt,org,n/a');
      const { inParts, whole, reads } = await ingestBothWays({ 'data/f.csv': `period,kpi,scope,value\n${rows.join('\n')}\n` });
      expect(reads['f.csv']).toBe(read);
      expect(inParts).toEqual(whole);
      expect(whole.findings.map((f) => `${f.code} ${f.line}`)).toEqual([`metric-period ${at + 2}`, `metric-value ${at + 3}`]);
    }
  });

  it('does not cut a CRLF file after a lone LF, which one read takes as part of a cell, nor join a part holding one', async () => {
    const header = 'period,kpi,scope,value';
    const lines = distinctRows();
    // The line ending, one byte shorter, whose LF is the first one at or after the even cut.
    const at = lines.findIndex((_, i) => {
      const size = [header, ...lines].join('\r\n').length + 2 - 1;
      const cut = Math.floor(size / 3);
      return [header, ...lines.slice(0, i + 1)].join('\r\n').length >= cut;
    });
    // The lone LF at the cut, then one inside the last part.
    for (const lone of [at + 1, 80]) {
      const text = [header, ...lines].map((line, i) => line + (i === lone ? '\n' : '\r\n')).join('');
      for (const options of [IN_PARTS, ALL_IN_WORKERS]) {
        const { inParts, whole, reads } = await ingestBothWays({ 'data/lf.csv': text }, options);
        expect(reads['lf.csv']).toBe('whole');
        expect(inParts).toEqual(whole);
        // The row with the lone LF runs into the next one: more cells than the header.
        expect(whole.findings.map((f) => f.message)).toContainEqual(expect.stringContaining("a value past the header's last named column (in cell 5; the last named is cell 4)"));
      }
    }
  });

  it('reads on in this thread when a series changes period length in a later part', async () => {
    const rows = distinctRows();
    rows.push('2026-03,frt,org,1');
    const { inParts, whole, reads } = await ingestBothWays({ 'data/g.csv': `period,kpi,scope,value\n${rows.join('\n')}\n` });
    expect(reads['g.csv']).toBe('whole');
    expect(inParts).toEqual(whole);
    expect(whole.findings.map((f) => `${f.code} ${f.line}`)).toEqual(['metric-granularity 92']);
  });

  it('gives the same series and findings as one read, for any rows (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(row, { minLength: 1, maxLength: 400 }),
        fc.option(fc.tuple(oddRow, fc.nat())),
        fc.record({ crlf: fc.boolean(), bom: fc.boolean(), wide: fc.boolean(), blankLinesAt: fc.array(fc.nat(), { maxLength: 3 }), allInWorkers: fc.boolean() }),
        async (rows, odd, { crlf, bom, wide, blankLinesAt, allInWorkers }) => {
          // Wide: one column per KPI, the row's KPI filled and the other left empty.
          const lines = rows.map((r) => (wide ? `${r.period},${r.scope},${r.kpi === 'frt' ? r.value : ''},${r.kpi === 'csat' ? r.value : ''}` : `${r.period},${r.kpi},${r.scope},${r.value}`));
          if (odd) lines.splice(odd[1] % (lines.length + 1), 0, odd[0]);
          for (const at of blankLinesAt) lines.splice(at % (lines.length + 1), 0, '');
          const newline = crlf ? '\r\n' : '\n';
          const header = wide ? 'period,scope,frt,csat' : 'period,kpi,scope,value';
          const csv = (bom ? '\uFEFF' : '') + [header, ...lines].join(newline) + newline;
          // Not told how the files were read, as in use.
          const { inParts, whole } = await ingestBothWays({ 'data/a.csv': csv, 'data/b.csv': 'period,frt\n2026-W02,3\n' }, allInWorkers ? ALL_IN_WORKERS : IN_PARTS, false);
          expect(inParts).toEqual(whole);
        },
      ),
      { numRuns: 16 },
    );
  }, 60_000);
});
