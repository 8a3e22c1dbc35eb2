// Benchmark of the ticket stage as a user runs it: `goalpost metrics --format json` on a
// Zendesk-shaped export (see generate-tickets.ts), against papaparse alone streaming the same
// file in its own process, alternated in the same run; wall time and peak memory (GNU time's
// maximum resident set size) of each whole process. Alone: `node bench/tickets.ts [tickets] [runs]`.
import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateTicketWorkspace } from './generate-tickets.ts';
import { median } from './measure.ts';

interface Run {
  ms: number;
  peakMb: number;
}

/** One whole process under GNU time: wall time (ms, from this process's clock) and peak RSS (MB). */
function timed(args: string[]): Run {
  const start = performance.now();
  const result = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, ...args], { encoding: 'utf8', maxBuffer: 1 << 30 });
  const ms = performance.now() - start;
  if (result.status !== 0) throw new Error(`node ${args.join(' ')} exited ${result.status}: ${result.stderr.slice(-500)}`);
  const peakKb = Number(result.stderr.trim().split('\n').at(-1));
  return { ms, peakMb: peakKb / 1024 };
}

export async function benchTickets(tickets = 1_000_000, runs = 5): Promise<Record<string, number>> {
  const root = path.join(os.tmpdir(), `goalpost-bench-tickets-${tickets}`);
  const file = await generateTicketWorkspace(root, tickets);
  const bin = fileURLToPath(new URL('../bin/goalpost.js', import.meta.url));
  const papaparse = fileURLToPath(new URL('./papaparse-only.mjs', import.meta.url));
  const goalpost: Run[] = [];
  const baseline: Run[] = [];
  // One warm-up each (file cache, compile cache), then alternate.
  timed([bin, 'metrics', '--format', 'json', '--root', root]);
  timed([papaparse, file]);
  for (let i = 0; i < runs; i++) {
    goalpost.push(timed([bin, 'metrics', '--format', 'json', '--root', root]));
    baseline.push(timed([papaparse, file]));
  }
  const ratios = goalpost.map((run, i) => run.ms / baseline[i]!.ms).sort((a, b) => a - b);
  const [g, p] = [median(goalpost.map((r) => r.ms)), median(baseline.map((r) => r.ms))];
  const [gMb, pMb] = [median(goalpost.map((r) => r.peakMb)), median(baseline.map((r) => r.peakMb))];
  const size = statSync(file).size / 1024 / 1024;
  console.log(`tickets, ${tickets.toLocaleString('en-US')} tickets (${size.toFixed(0)} MB, 17 columns), whole processes (median of ${runs}, Node ${process.versions.node}):`);
  console.log(`  goalpost metrics --format json  ${(g / 1000).toFixed(2)} s, peak ${gMb.toFixed(0)} MB`);
  console.log(`  papaparse alone                 ${(p / 1000).toFixed(2)} s, peak ${pMb.toFixed(0)} MB`);
  console.log(`  ratio                           ${(g / p).toFixed(2)}x (run by run ${ratios[0]!.toFixed(2)}x to ${ratios.at(-1)!.toFixed(2)}x)`);
  return { goalpostMs: g, papaparseMs: p, ratio: g / p, goalpostPeakMb: gMb, papaparsePeakMb: pMb };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await benchTickets(Number(process.argv[2] ?? 1_000_000), Number(process.argv[3] ?? 5));
