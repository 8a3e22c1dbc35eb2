// Benchmark of `goalpost check` as a user and CI run it: a whole process on a generated
// workspace of 1,000 goal files (one goal each, 40 KPIs, 250 people), against a bare `yaml`
// parse of the same files in one Node process (bench/yaml-parse-only.mjs), alternated in the
// same run so that machine noise hits both alike. Alone: `node bench/check.ts [goals] [runs]`.
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateWorkspace } from './generate-workspace.ts';
import { alternate, median, ms } from './measure.ts';

function run(args: string[]): void {
  const result = spawnSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'inherit'] });
  if (result.status !== 0) throw new Error(`node ${args.join(' ')} exited ${result.status}`);
}

export async function benchCheck(goals = 1000, runs = 15): Promise<Record<string, number>> {
  const root = path.join(os.tmpdir(), `goalpost-bench-check-${goals}`);
  const workspace = generateWorkspace(root, goals, { goalsPerFile: 1, kpis: 40, people: 250 });
  const bin = fileURLToPath(new URL('../bin/goalpost.js', import.meta.url));
  const baseline = fileURLToPath(new URL('./yaml-parse-only.mjs', import.meta.url));
  const subjects = [() => run([bin, 'check', '--root', root]), () => run([baseline, root]), () => run(['-e', '0'])];
  const ratios: number[] = [];
  const [check, parse, node] = (await alternate(runs, subjects.map((subject, k) => () => {
    const start = performance.now();
    subject();
    if (k === 0) ratios.push(performance.now() - start);
    else if (k === 1) ratios[ratios.length - 1]! /= performance.now() - start;
  }))) as [number, number, number];
  const spread = ratios.slice(1).sort((a, b) => a - b);
  console.log(`check, ${goals} goals in ${workspace.files} files, whole processes (median of ${runs}, Node ${process.versions.node}):`);
  console.log(`  goalpost check           ${ms(check)}`);
  console.log(`  yaml parse only          ${ms(parse)}`);
  console.log(`  node -e 0                ${ms(node)}`);
  console.log(`  ratio                    ${(check / parse).toFixed(2)}x (run by run: median ${median(spread).toFixed(2)}x, ${spread[0]!.toFixed(2)}x to ${spread.at(-1)!.toFixed(2)}x)`);
  return { checkMs: check, parseMs: parse, nodeMs: node, ratio: check / parse };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await benchCheck(Number(process.argv[2] ?? 1000), Number(process.argv[3] ?? 15));
