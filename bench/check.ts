// Benchmark of `goalpost check` as a user and CI run it: a whole process on a generated
// workspace of 1,000 goal files (one goal each, 40 KPIs, 250 people), against a bare `yaml`
// parse of the same files in one Node process (bench/yaml-parse-only.mjs), alternated in the
// same run so that machine noise hits both alike. Wall time, and processor time (user + system,
// from GNU time), which says more than wall time on a machine other work keeps busy.
// Alone, after `node scripts/build-cli.mjs`: `node bench/check.ts [goals] [runs]`.
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
// @ts-expect-error: plain JavaScript, without type declarations
import { freshCompiledEntry } from '../bin/compiled-cli.js';
import { generateWorkspace } from './generate-workspace.ts';
import { median, ms } from './measure.ts';

interface Run {
  ms: number;
  cpuMs: number;
}

/** One whole Node process under GNU time: wall time (ms, from this process's clock) and user + system time (ms). */
function timed(args: string[]): Run {
  const start = performance.now();
  const result = spawnSync('/usr/bin/time', ['-f', '%U %S', process.execPath, ...args], { encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'] });
  const wall = performance.now() - start;
  if (result.status !== 0) throw new Error(`node ${args.join(' ')} exited ${result.status}: ${result.stderr.slice(-500)}`);
  const [user, system] = result.stderr.trim().split('\n').at(-1)!.split(' ').map(Number) as [number, number];
  return { ms: wall, cpuMs: (user + system) * 1000 };
}

export async function benchCheck(goals = 1000, runs = 15): Promise<Record<string, number>> {
  const root = path.join(os.tmpdir(), `goalpost-bench-check-${goals}`);
  const workspace = generateWorkspace(root, goals, { goalsPerFile: 1, kpis: 40, people: 250 });
  const bin = fileURLToPath(new URL('../bin/goalpost.js', import.meta.url));
  const baseline = fileURLToPath(new URL('./yaml-parse-only.mjs', import.meta.url));
  const subjects = [[bin, 'check', '--root', root], [baseline, root], ['-e', '0']];
  // One warm-up round (file cache), then the three alternate.
  for (const args of subjects) timed(args);
  const [check, parse, node] = subjects.map((): Run[] => []) as [Run[], Run[], Run[]];
  for (let i = 0; i < runs; i++) subjects.forEach((args, k) => [check, parse, node][k]!.push(timed(args)));
  // bin/goalpost.js runs the sources (much slower to start) once any file under src/ is newer
  // than the build: an edit saved during the run makes its figures meaningless.
  const compiledRan = freshCompiledEntry(fileURLToPath(new URL('../lib/cli/main.js', import.meta.url)), fileURLToPath(new URL('../src', import.meta.url)));
  if (!compiledRan) console.warn('bench/check.ts: a file under src/ changed during the run, so some runs timed the TypeScript sources: run it again.');
  const wall = (runs: Run[]) => median(runs.map((r) => r.ms));
  const cpu = (runs: Run[]) => median(runs.map((r) => r.cpuMs));
  const ratios = check.map((run, i) => run.ms / parse[i]!.ms).sort((a, b) => a - b);
  const cpuRatios = check.map((run, i) => run.cpuMs / parse[i]!.cpuMs).sort((a, b) => a - b);
  const line = (label: string, runs: Run[]) => console.log(`  ${label.padEnd(24)} ${ms(wall(runs))} wall, ${ms(cpu(runs))} processor`);
  console.log(`check, ${goals} goals in ${workspace.files} files, whole processes (median of ${runs}, Node ${process.versions.node}, load ${os.loadavg()[0]!.toFixed(1)} on ${os.availableParallelism()} cores):`);
  line('goalpost check', check);
  line('yaml parse only', parse);
  line('node -e 0', node);
  console.log(`  ratio                    ${(wall(check) / wall(parse)).toFixed(2)}x wall (run by run: median ${median(ratios).toFixed(2)}x, ${ratios[0]!.toFixed(2)}x to ${ratios.at(-1)!.toFixed(2)}x)`);
  console.log(`                           ${(cpu(check) / cpu(parse)).toFixed(2)}x processor (run by run: median ${median(cpuRatios).toFixed(2)}x, ${cpuRatios[0]!.toFixed(2)}x to ${cpuRatios.at(-1)!.toFixed(2)}x)`);
  return { checkMs: wall(check), parseMs: wall(parse), nodeMs: wall(node), ratio: wall(check) / wall(parse), checkCpuMs: cpu(check), parseCpuMs: cpu(parse), cpuRatio: cpu(check) / cpu(parse) };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  // bin/goalpost.js runs the TypeScript sources when lib/cli/ is older than them: that is not what a user runs.
  if (!freshCompiledEntry(fileURLToPath(new URL('../lib/cli/main.js', import.meta.url)), fileURLToPath(new URL('../src', import.meta.url)))) {
    console.error('bench/check.ts: lib/cli/ is missing or older than src/; run `node scripts/build-cli.mjs` first (or `npm run bench -- check`).');
    process.exit(2);
  }
  await benchCheck(Number(process.argv[2] ?? 1000), Number(process.argv[3] ?? 15));
}
