// Timing helpers for the benchmarks: medians over repeated runs, interleaved with a
// baseline measured in the same process so machine noise hits both alike.
import { spawnSync } from 'node:child_process';

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * Runs every function of `subjects` in turn, `runs` rounds after one warm-up round, so that
 * machine noise hits them alike; returns each one's median in ms.
 */
export async function alternate(runs: number, subjects: readonly (() => Promise<unknown> | unknown)[]): Promise<number[]> {
  for (const subject of subjects) await subject();
  const times = subjects.map((): number[] => []);
  for (let i = 0; i < runs; i++) {
    for (const [k, subject] of subjects.entries()) {
      const start = performance.now();
      await subject();
      times[k]!.push(performance.now() - start);
    }
  }
  return times.map(median);
}

/** Runs `subject` and `baseline` alternately `runs` times after one warm-up each; returns both medians in ms. */
export async function compare(runs: number, subject: () => Promise<unknown> | unknown, baseline: () => Promise<unknown> | unknown): Promise<{ subject: number; baseline: number; ratio: number }> {
  const [subjectMedian, baselineMedian] = (await alternate(runs, [subject, baseline])) as [number, number];
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
