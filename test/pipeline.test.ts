// runPipeline starts the threads that read large CSVs before it reads the strategy; they must be
// stopped however the run ends.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PartWorkers } from '../src/metrics/part-workers.ts';
import { runPipeline } from '../src/pipeline.ts';
import { memoryFileSystem } from './helpers/memory-fs.ts';
import { readFixture } from './helpers/workspace-fixture.ts';

afterEach(() => vi.restoreAllMocks());

describe('runPipeline', () => {
  it('stops the CSV threads it started when the strategy cannot be read', async () => {
    const close = vi.spyOn(PartWorkers.prototype, 'close');
    const fs = memoryFileSystem(readFixture('valid'));
    const listFiles = fs.listFiles.bind(fs);
    fs.listFiles = async (dir, extensions) => {
      if (dir.endsWith('strategy')) throw new Error('EACCES: strategy/ cannot be listed');
      return listFiles(dir, extensions);
    };
    await expect(runPipeline(fs, { root: '/ws', today: () => '2026-06-30' })).rejects.toThrow('EACCES');
    expect(close).toHaveBeenCalled();
  });

  it('stops them after a run that succeeds too', async () => {
    const close = vi.spyOn(PartWorkers.prototype, 'close');
    const result = await runPipeline(memoryFileSystem(readFixture('valid')), { root: '/ws', today: () => '2026-06-30' });
    expect(result.diagnostics).toEqual([]);
    expect(close).toHaveBeenCalled();
  });
});
