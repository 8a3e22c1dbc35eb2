// Timing helpers for the benchmarks: medians over repeated runs, interleaved with a
// baseline measured in the same process so machine noise hits both alike.
import { spawnSync } from 'node:child_process';

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Runs `subject` and `baseline` alternately `runs` times after one warm-up each; returns both medians in ms. */
export async function compare(runs: number, subject: () => Promise<unknown> | unknown, baseline: () => Promise<unknown> | unknown): Promise<{ subject: number; baseline: number; ratio: number }> {
  await subject();
  await baseline();
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < runs; i++) {
    let start = performance.now();
    await subject();
    a.push(performance.now() - start);
    start = performance.now();
    await baseline();
    b.push(performance.now() - start);
  }
  const subjectMedian = median(a);
  const baselineMedian = median(b);
  return { subject: subjectMedian, baseline: baselineMedian, ratio: subjectMedian / baselineMedian };
}

/** Wall time of a child process, in ms (median of `runs`). */
export function wallTime(runs: number, command: string, args: string[], cwd?: string): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const result = spawnSync(command, args, { cwd, stdio: 'ignore' });
    if (result.status !== 0 && result.status !== 1) throw new Error(`${command} ${args.join(' ')} exited ${result.status}`);
    times.push(performance.now() - start);
  }
  return median(times);
}

export const ms = (value: number) => `${value.toFixed(1)} ms`;
