// Ingestion against a plain reference: whatever the order, repeats and shapes of the rows, the
// series are each (KPI, scope)'s first value per period, sorted by period end.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ingestMetrics } from '../../src/metrics/ingest.ts';
import { parsePeriod } from '../../src/metrics/periods.ts';
import { memoryFileSystem } from '../helpers/memory-fs.ts';
import { CATALOG } from './catalog.ts';
import { chunkedFileSystem } from './chunked-fs.ts';

const PERIODS = ['2026-W01', '2026-W02', '2026-W03', '2026-W10', '2025-W52', '2026-W53'].filter((p) => parsePeriod(p, 1));
const KPIS = ['frt', 'csat'];
const SCOPES = ['org', 'team:support', 'team:tier1', 'person:ana'];

const row = fc.record({
  period: fc.constantFrom(...PERIODS),
  kpi: fc.constantFrom(...KPIS),
  scope: fc.constantFrom(...SCOPES),
  value: fc.integer({ min: 0, max: 40 }).map((n) => n / 4),
});

function reference(rows: readonly { period: string; kpi: string; scope: string; value: number }[]) {
  const series = new Map<string, Map<number, number>>();
  let conflicts = 0;
  for (const r of rows) {
    const key = `${r.kpi}\u0000${r.scope}`;
    const points = series.get(key) ?? new Map<number, number>();
    series.set(key, points);
    const day = parsePeriod(r.period, 1)!.endDay;
    const kept = points.get(day);
    if (kept === undefined) points.set(day, r.value);
    else if (kept !== r.value) conflicts++;
  }
  const sorted = [...series.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([key, points]) => [key, [...points.entries()].sort(([a], [b]) => a - b)]);
  return { series: sorted, conflicts };
}

describe('ingestMetrics against a reference', () => {
  it('keeps the first value of each period, sorted, across files and in any row order', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(row, { minLength: 1, maxLength: 300 }), fc.nat(), async (rows, cut) => {
        const split = cut % (rows.length + 1);
        const csv = (part: typeof rows) => ['period,kpi,scope,value', ...part.map((r) => `${r.period},${r.kpi},${r.scope},${r.value}`)].join('\n') + '\n';
        const files = { 'data/a.csv': csv(rows.slice(0, split)), 'data/b.csv': csv(rows.slice(split)) };
        const { series, findings } = await ingestMetrics(memoryFileSystem(files), '/ws', CATALOG);
        const got = [...series.entries()].map(([key, s]) => [key, [...s.days].map((day, i) => [day, s.values[i]])]);
        const want = reference(rows);
        expect(got).toEqual(want.series);
        expect(findings.filter((f) => f.code === 'metric-conflict')).toHaveLength(want.conflicts * 2);
        expect(findings.filter((f) => f.code === 'metric-conflict').every((f) => f.line > 1)).toBe(true);
      }),
      { numRuns: 150 },
    );
  });
});

describe('ingestMetrics, whatever size the file system reports', () => {
  // The size only sizes each series' buffer from how far the file has been read (see
  // GrowingSeries): a wrong one, or none, must not change a point.
  const weeks = Array.from({ length: 40 }, (_, i) => `2025-W${String(i + 1).padStart(2, '0')}`);
  const scopes = ['org', 'team:support', 'team:tier1', 'person:ana', 'channel:email', 'segment:enterprise', 'sla:p1-outage'];
  const sorted = weeks.flatMap((period) => scopes.flatMap((scope) => KPIS.map((kpi) => ({ period, kpi, scope, value: period.length + scope.length + kpi.length }))));
  const sizes = fc.constantFrom<(actual: number) => number>(
    () => 0,
    () => 1,
    (actual) => Math.floor(actual / 3),
    (actual) => actual,
    (actual) => actual * 50,
    () => {
      throw new Error('EIO');
    },
  );

  it('keeps every point of many series read in step, in any order of their rows', async () => {
    await fc.assert(
      fc.asyncProperty(fc.shuffledSubarray(sorted, { minLength: 1 }), fc.boolean(), sizes, fc.integer({ min: 64, max: 4096 }), async (picked, keepOrder, size, chunkSize) => {
        const rows = keepOrder ? sorted.filter((row) => picked.includes(row)) : picked;
        const csv = ['period,kpi,scope,value', ...rows.map((r) => `${r.period},${r.kpi},${r.scope},${r.value}`)].join('\n') + '\n';
        // Read in small chunks, so that the series grow while the file is being read.
        const fs = chunkedFileSystem({ 'data/a.csv': csv }, chunkSize);
        const actual = new TextEncoder().encode(csv).length;
        fs.fileSize = async () => size(actual);
        const { series, findings } = await ingestMetrics(fs, '/ws', CATALOG);
        expect(findings).toEqual([]);
        const got = [...series.entries()].map(([key, s]) => [key, [...s.days].map((day, i) => [day, s.values[i]])]);
        expect(got).toEqual(reference(rows).series);
      }),
      { numRuns: 60 },
    );
  });
});
