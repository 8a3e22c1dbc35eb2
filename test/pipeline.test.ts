// runPipeline reads the strategy, then the metric CSVs against it, and hands the series on.
import { describe, expect, it } from 'vitest';
import { seriesKey } from '../src/metrics/types.ts';
import { runPipeline } from '../src/pipeline.ts';
import { memoryFileSystem } from './helpers/memory-fs.ts';
import { readFixture } from './helpers/workspace-fixture.ts';

describe('runPipeline', () => {
  it('fails with the error when the strategy cannot be read, before any CSV is read', async () => {
    const fs = memoryFileSystem({ ...readFixture('valid'), 'data/m.csv': 'period,frt\n2026-04,5\n' });
    const listed: string[] = [];
    const listFiles = fs.listFiles.bind(fs);
    fs.listFiles = async (dir, extensions) => {
      listed.push(dir);
      if (dir.endsWith('strategy')) throw new Error('EACCES: strategy/ cannot be listed');
      return listFiles(dir, extensions);
    };
    await expect(runPipeline(fs, { root: '/ws', today: () => '2026-06-30' })).rejects.toThrow('EACCES');
    expect(listed).toEqual(['/ws/strategy']);
  });

  it('reads the CSVs against the strategy into series that name their file', async () => {
    const files = { ...readFixture('valid'), 'data/a.csv': 'period,frt,csat\n2026-04,5,80\n', 'data/b.csv': 'period,scope,frt\n2026-05,org,4.5\n' };
    const result = await runPipeline(memoryFileSystem(files), { root: '/ws', today: () => '2026-06-30' });
    expect(result.diagnostics.filter((d) => d.code.startsWith('metric-'))).toEqual([]);
    expect(result.series.get(seriesKey('frt', 'org'))).toMatchObject({ source: 'data/a.csv, data/b.csv', periods: ['2026-04', '2026-05'] });
    expect(result.series.get(seriesKey('csat', 'org'))?.source).toBe('data/a.csv');
  });
});
