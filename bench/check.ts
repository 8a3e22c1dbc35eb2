// Benchmark of `goalpost check` on a generated 1,000-goal workspace against bare YAML parsing
// of the same files (read + yaml.parseAllDocuments), in the same process and run.
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';
import { nodeFileSystem } from '../src/effects.ts';
import { runPipeline } from '../src/pipeline.ts';
import { generateWorkspace } from './generate-workspace.ts';
import { compare, ms, wallTime } from './measure.ts';

export async function benchCheck(goals = 1000, runs = 15): Promise<Record<string, number>> {
  const root = path.join(os.tmpdir(), `goalpost-bench-check-${goals}`);
  generateWorkspace(root, goals);
  const files = (await nodeFileSystem.listFiles(path.join(root, 'strategy'), ['.yaml'])).map((f) => path.join(root, 'strategy', f));
  const check = async () => {
    const result = await runPipeline(nodeFileSystem, { root, today: () => '2026-06-30' });
    if (result.diagnostics.length > 0) throw new Error(`the generated workspace has ${result.diagnostics.length} diagnostics`);
  };
  const parseOnly = async () => {
    for (const file of files) parseAllDocuments(await readFile(file, 'utf8'));
  };
  const inProcess = await compare(runs, check, parseOnly);
  const bin = fileURLToPath(new URL('../bin/goalpost.js', import.meta.url));
  const cli = wallTime(5, process.execPath, [bin, 'check', '--root', root]);
  const startup = wallTime(5, process.execPath, [bin, '--version']);
  console.log(`check, ${goals} goals in ${files.length} files (median of ${runs}):`);
  console.log(`  goalpost check pipeline  ${ms(inProcess.subject)}`);
  console.log(`  yaml parse only          ${ms(inProcess.baseline)}`);
  console.log(`  ratio                    ${inProcess.ratio.toFixed(2)}x`);
  console.log(`  CLI wall time            ${ms(cli)} (process start alone: ${ms(startup)})`);
  return { checkMs: inProcess.subject, parseMs: inProcess.baseline, ratio: inProcess.ratio, cliMs: cli, startupMs: startup };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await benchCheck();
