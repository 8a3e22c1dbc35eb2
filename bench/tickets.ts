// Benchmark of the ticket stage as a user runs it: `goalpost metrics --format json` on a
// Zendesk-shaped export (see generate-tickets.ts), against papaparse alone streaming the same
// file in its own process, alternated in the same run; wall time, processor time (user + system)
// and peak memory (GNU time's maximum resident set size) of each whole process. Processor time
// says more than wall time on a machine other work keeps busy. Alone, after
// `node scripts/build-cli.mjs`: `node bench/tickets.ts [tickets] [runs]`.
import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
// @ts-expect-error: plain JavaScript, without type declarations
import { freshCompiledEntry } from '../bin/compiled-cli.js';
import { generateTicketWorkspace } from './generate-tickets.ts';
import { median } from './measure.ts';

interface Run {
  ms: number;
  cpuMs: number;
  peakMb: number;
}

/** One whole process under GNU time: wall time (ms, from this process's clock), user + system time (ms) and peak RSS (MB). */
function timed(args: string[]): Run {
  const start = performance.now();
  const result = spawnSync('/usr/bin/time', ['-f', '%M %U %S', process.execPath, ...args], { encoding: 'utf8', maxBuffer: 1 << 30 });
  const ms = performance.now() - start;
  if (result.status !== 0) throw new Error(`node ${args.join(' ')} exited ${result.status}: ${result.stderr.slice(-500)}`);
  const [peakKb, user, system] = result.stderr.trim().split('\n').at(-1)!.split(' ').map(Number) as [number, number, number];
  return { ms, cpuMs: (user + system) * 1000, peakMb: peakKb / 1024 };
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
  const [gCpu, pCpu] = [median(goalpost.map((r) => r.cpuMs)), median(baseline.map((r) => r.cpuMs))];
  const [gMb, pMb] = [Math.max(...goalpost.map((r) => r.peakMb)), Math.max(...baseline.map((r) => r.peakMb))];
  const size = statSync(file).size / 1024 / 1024;
  const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  console.log(`tickets, ${tickets.toLocaleString('en-US')} tickets (${size.toFixed(0)} MB, 17 columns), whole processes (median of ${runs}, Node ${process.versions.node}, load ${os.loadavg()[0]!.toFixed(1)} on ${os.availableParallelism()} cores):`);
  console.log(`  goalpost metrics --format json  ${seconds(g)} wall, ${seconds(gCpu)} processor, peak ${gMb.toFixed(0)} MB`);
  console.log(`  papaparse alone                 ${seconds(p)} wall, ${seconds(pCpu)} processor, peak ${pMb.toFixed(0)} MB`);
  console.log(`  ratio                           ${(g / p).toFixed(2)}x wall (run by run ${ratios[0]!.toFixed(2)}x to ${ratios.at(-1)!.toFixed(2)}x), ${(gCpu / pCpu).toFixed(2)}x processor`);
  return { goalpostMs: g, papaparseMs: p, ratio: g / p, goalpostCpuMs: gCpu, papaparseCpuMs: pCpu, cpuRatio: gCpu / pCpu, goalpostPeakMb: gMb, papaparsePeakMb: pMb };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  // bin/goalpost.js runs the TypeScript sources when lib/cli/ is older than them: that is not what a user runs.
  if (!freshCompiledEntry(fileURLToPath(new URL('../lib/cli/main.js', import.meta.url)), fileURLToPath(new URL('../src', import.meta.url)))) {
    console.error('bench/tickets.ts: lib/cli/ is missing or older than src/; run `node scripts/build-cli.mjs` first (or `npm run bench -- tickets`).');
    process.exit(2);
  }
  await benchTickets(Number(process.argv[2] ?? 1_000_000), Number(process.argv[3] ?? 5));
}
