// Reading a large file in parts at once (one part here, the others in worker threads) must give
// exactly what reading it in one go gives: the same series, the same first places, the same
// findings, whether the parts can be joined or the file has to be read again whole.
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { nodeFileSystem } from '../../src/effects.ts';
import { IngestContext } from '../../src/metrics/ingest-context.ts';
import { ingestMetrics } from '../../src/metrics/ingest.ts';
import { ingestInParts, partCount, workersNeeded, type PartsOptions } from '../../src/metrics/parallel-ingest.ts';
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

async function ingestBothWays(files: Record<string, string>, inParts = IN_PARTS) {
  const root = workspace(files);
  const read = async (parts: PartsOptions) => {
    const { series, findings } = await ingestMetrics(nodeFileSystem, root, CATALOG, { parts });
    return { series: [...series.values()].map((s) => ({ kpi: s.kpi, scope: s.scope, granularity: s.granularity, days: [...s.days], values: [...s.values] })), findings };
  };
  return { inParts: await read(inParts), whole: await read(WHOLE) };
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

describe('ingestion in parts', () => {
  it('joins the parts of a clean file into the same series as one read, with the first places of the later parts', async () => {
    const scopes = ['org', 'team:support', 'team:tier1', 'person:ana', 'channel:email'];
    const rows = Array.from({ length: 60 }, (_, i) => `${WEEKS[Math.floor(i / 10)]},${['frt', 'csat'][i % 2]},${scopes[Math.floor(i / 2) % 5]},${i}`);
    // Later rows add a new series and go back in time (W01 again), in the last part.
    rows.push('2026-W01,sla_adherence,org,0.5', '2026-W01,frt,org,99');
    const files = { 'data/big.csv': `period,kpi,scope,value\r\n${rows.join('\r\n')}\r\n`, 'data/later.csv': 'period,kpi,value\n2026-02,sla_adherence,1\n' };
    const root = workspace(files);
    const context = new IngestContext(CATALOG);
    context.files.push('data/big.csv');
    const big = path.join(root, 'data', 'big.csv');
    expect(await ingestInParts(context, CATALOG, 0, big, await nodeFileSystem.fileSize(big), IN_PARTS)).toBe(true);
    const { inParts, whole } = await ingestBothWays(files);
    expect(inParts).toEqual(whole);
    expect((await ingestBothWays(files, ALL_IN_WORKERS)).inParts).toEqual(whole);
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
    const file = path.join(workspace(files), 'data', 'wide.csv');
    expect(await ingestInParts(new IngestContext(CATALOG), CATALOG, 0, file, await nodeFileSystem.fileSize(file), IN_PARTS)).toBe(true);
    const { inParts, whole } = await ingestBothWays(files);
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

  it('gives up on a part holding a quote, and the file is then read whole', async () => {
    const lines = Array.from({ length: 300 }, (_, i) => `2026-W0${1 + (i % 6)},frt,person:p${i},${i}`);
    lines[250] = '2026-W01,frt,"person:quoted",1';
    const root = workspace({ 'data/q.csv': `period,kpi,scope,value\n${lines.join('\n')}\n` });
    const context = new IngestContext(CATALOG);
    context.files.push('data/q.csv');
    const file = path.join(root, 'data', 'q.csv');
    expect(await ingestInParts(context, CATALOG, 0, file, (await nodeFileSystem.fileSize(file)), IN_PARTS)).toBe(false);
    expect(context.series).toHaveLength(0);
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
          const { inParts, whole } = await ingestBothWays({ 'data/a.csv': csv, 'data/b.csv': 'period,frt\n2026-W02,3\n' }, allInWorkers ? ALL_IN_WORKERS : IN_PARTS);
          expect(inParts).toEqual(whole);
        },
      ),
      { numRuns: 16 },
    );
  }, 60_000);
});
