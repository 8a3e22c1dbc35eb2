// What goalpost dev keeps between pipeline runs: a run after a change gives exactly what a fresh
// run gives, parses only the strategy files whose text changed, and reads a data file again
// only after the watcher reported a change to it.
import { describe, expect, it } from 'vitest';
import type { FileSystem } from '../../src/effects.ts';
import { runPipeline, type PipelineResult } from '../../src/pipeline.ts';
import { siteDataOf } from '../../src/site/data/from-pipeline.ts';
import { devPipelineMemo } from '../../src/site/pipeline-memo.ts';
import { memoryFileSystem } from '../helpers/memory-fs.ts';
import { fixtureFiles } from './fixture.ts';

/** A file system over `files` that counts the reads of each file (relative to /ws). */
function countingFileSystem(files: Record<string, string>) {
  const inner = memoryFileSystem(files);
  const reads = new Map<string, number>();
  const count = (file: string) => reads.set(file.slice('/ws/'.length), (reads.get(file.slice('/ws/'.length)) ?? 0) + 1);
  const fs: FileSystem = {
    ...inner,
    async readFile(file) {
      count(file);
      return inner.readFile(file);
    },
    createReadStream(file) {
      count(file);
      return inner.createReadStream(file);
    },
  };
  return {
    fs,
    reads,
    write: (file: string, text: string) => void inner.files.set(`/ws/${file}`, text),
  };
}

const run = (fs: FileSystem, memo?: ReturnType<typeof devPipelineMemo>) => runPipeline(fs, { root: '/ws', today: () => '2026-06-30', asOf: '2026-06-30', ...(memo ? { memo } : {}) });

/** What every command and the site see of a run. */
const outcome = (result: PipelineResult) => JSON.parse(JSON.stringify({ diagnostics: result.diagnostics, progress: result.progress, series: [...result.series.keys()], site: siteDataOf(result) }));

describe('devPipelineMemo', () => {
  it('gives after a change to a goal or to the data what a fresh run gives', async () => {
    const files = fixtureFiles();
    const { fs, write } = countingFileSystem(files);
    const memo = devPipelineMemo();
    await run(fs, memo);

    write('strategy/goals.yaml', files['strategy/goals.yaml']!.replace('target: { value: 4.5, date: 2026-05-31 }', 'target: { value: 4.2, date: 2026-05-31 }'));
    memo.forget(['strategy/goals.yaml']);
    const afterGoal = await run(fs, memo);
    expect(afterGoal.progress!.goals.map((g) => g.id)).toContain('frt-cy');
    expect(outcome(afterGoal)).toEqual(outcome(await run(fs)));

    write('data/metrics.csv', files['data/metrics.csv']!.replace('2026-04,frt,org,5.0', '2026-04,frt,org,4.1'));
    memo.forget(['data/metrics.csv']);
    const afterData = await run(fs, memo);
    expect(outcome(afterData)).toEqual(outcome(await run(fs)));
    expect(outcome(afterData)).not.toEqual(outcome(afterGoal));
  });

  it('parses only the file whose text changed, and reads a data file again only after a change to it', async () => {
    const files = fixtureFiles();
    const { fs, reads, write } = countingFileSystem(files);
    const memo = devPipelineMemo();
    const first = await run(fs, memo);

    reads.clear();
    write('strategy/goals.yaml', `${files['strategy/goals.yaml']}\n# edited\n`);
    memo.forget(['strategy/goals.yaml']);
    const second = await run(fs, memo);
    expect(reads.get('data/metrics.csv')).toBeUndefined();
    expect(reads.get('strategy/goals.yaml')).toBe(1);
    expect(second.series).toBe(first.series);
    expect(memo.parse('strategy/kpis.yaml', files['strategy/kpis.yaml']!)).toBe(memo.parse('strategy/kpis.yaml', files['strategy/kpis.yaml']!));

    reads.clear();
    memo.forget(['data/metrics.csv']);
    const third = await run(fs, memo);
    expect(reads.get('data/metrics.csv')).toBeGreaterThan(0);
    expect(third.series).not.toBe(second.series);

    reads.clear();
    memo.forget(['data']);
    await run(fs, memo);
    expect(reads.get('data/metrics.csv')).toBeGreaterThan(0);
  });

  it('runs a stage again when it was given something else, or when it failed', async () => {
    const memo = devPipelineMemo();
    let runs = 0;
    const stage = (inputs: unknown, fail = false) => memo.reuse('stage', inputs, ['data/a.csv'], async () => {
      runs++;
      if (fail) throw new Error('unreadable');
      return runs;
    });
    expect(await stage({ kpis: ['frt'] })).toBe(1);
    expect(await stage({ kpis: ['frt'] })).toBe(1);
    expect(await stage({ kpis: ['frt', 'csat'] })).toBe(2);
    await expect(stage({ kpis: [] }, true)).rejects.toThrow('unreadable');
    expect(await stage({ kpis: [] })).toBe(4);
  });
});
