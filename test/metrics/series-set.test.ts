// The series an ingestion returns behave as a ReadonlyMap keyed by seriesKey(kpi, scope), in key
// order, whichever way they are asked for (they are made on demand, see series-set.ts).
import { describe, expect, it } from 'vitest';
import { ingestMetrics } from '../../src/metrics/ingest.ts';
import { seriesKey } from '../../src/metrics/types.ts';
import { memoryFileSystem } from '../helpers/memory-fs.ts';
import { CATALOG } from './catalog.ts';

async function ingested() {
  // Met in an order unlike the key order: team:tier1 before org, csat before frt.
  const csv = ['period,kpi,scope,value', '2026-W01,frt,team:tier1,3', '2026-W01,csat,org,80', '2026-W01,frt,org,4', '2026-W02,frt,org,5'].join('\n');
  return (await ingestMetrics(memoryFileSystem({ 'data/m.csv': `${csv}\n` }), '/ws', CATALOG)).series;
}

describe('the series of an ingestion', () => {
  const keys = [seriesKey('csat', 'org'), seriesKey('frt', 'org'), seriesKey('frt', 'team:tier1')];

  it('iterates in key order, the same way through keys, values, entries and forEach', async () => {
    const series = await ingested();
    expect(series.size).toBe(3);
    expect([...series.keys()]).toEqual(keys);
    expect([...series.values()].map((s) => seriesKey(s.kpi, s.scope))).toEqual(keys);
    expect([...series].map(([key, s]) => [key, s.kpi, s.scope])).toEqual(keys.map((key) => [key, ...key.split('\u0000')]));
    const visited: string[] = [];
    series.forEach((s, key, map) => {
      expect(map).toBe(series);
      expect(seriesKey(s.kpi, s.scope)).toBe(key);
      visited.push(key);
    });
    expect(visited).toEqual(keys);
  });

  it('finds a series by key, the same object each time, and nothing for other keys', async () => {
    const series = await ingested();
    const frt = series.get(seriesKey('frt', 'org'))!;
    expect([...frt.values]).toEqual([4, 5]);
    expect(frt.periods).toEqual(['2026-W01', '2026-W02']);
    expect(series.get(seriesKey('frt', 'org'))).toBe(frt);
    expect([...series.values()][1]).toBe(frt);
    expect(series.has(seriesKey('csat', 'org'))).toBe(true);
    for (const missing of [seriesKey('csat', 'team:tier1'), seriesKey('nps', 'org'), 'frt', '', seriesKey('frt', 'org ')]) {
      expect(series.get(missing)).toBeUndefined();
      expect(series.has(missing)).toBe(false);
    }
  });
});
