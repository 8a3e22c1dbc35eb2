// Benchmark of `goalpost diff` between two commits of a generated 1,000-goal workspace (one
// goal in three changed, one file renamed), against the same two pipelines run on the disk:
// the difference is the cost of reading both sides from git and comparing them.
// Run alone with `npx tsx bench/diff.ts`.
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { compareModels } from '../src/diff/compare-models.ts';
import { formatDiffMarkdown } from '../src/diff/format-diff-markdown.ts';
import { loadDiffSides } from '../src/diff/load-diff-sides.ts';
import { nodeFileSystem } from '../src/effects.ts';
import { runPipeline } from '../src/pipeline.ts';
import { generateWorkspace } from './generate-workspace.ts';
import { compare, ms } from './measure.ts';

const today = () => '2026-06-30';

/** Two commits: the generated workspace, then one goal file in three edited and one renamed. */
function prepareRepo(root: string, goals: number): { base: string; head: string; changedFiles: number } {
  generateWorkspace(root, goals);
  const git = (...args: string[]) => execFileSync('git', args, { cwd: root, encoding: 'utf8' }).trim();
  const commit = (message: string) => {
    git('add', '-A');
    git('-c', 'user.email=bench@example.com', '-c', 'user.name=Bench', 'commit', '-q', '--no-gpg-sign', '-m', message);
    return git('rev-parse', 'HEAD');
  };
  git('init', '-q', '-b', 'main');
  const base = commit('base');
  const dir = path.join(root, 'strategy', 'goals');
  const files = readdirSync(dir).sort();
  let changedFiles = 0;
  files.forEach((file, i) => {
    if (i % 3 !== 0) return;
    const text = readFileSync(path.join(dir, file), 'utf8');
    // Later due dates and targets nudged towards the baseline: slipped and less ambitious.
    writeFileSync(path.join(dir, file), text.replace(/date: 2026-12-31/g, 'date: 2027-01-31').replace(/target: \{ value: (\d+)/g, (_, v: string) => `target: { value: ${Number(v) + 1}`));
    changedFiles++;
  });
  renameSync(path.join(dir, files[1]!), path.join(dir, `renamed-${files[1]}`));
  return { base, head: commit('head'), changedFiles };
}

export async function benchDiff(goals = 1000, runs = 9): Promise<Record<string, number>> {
  const root = path.join(os.tmpdir(), `goalpost-bench-diff-${goals}`);
  const { base, head, changedFiles } = prepareRepo(root, goals);
  let items = 0;
  const diff = async () => {
    const sides = await loadDiffSides({ root, base, head, today, workingTree: nodeFileSystem });
    const result = compareModels(sides.base, sides.head);
    formatDiffMarkdown(result);
    items = result.items.length;
  };
  const twoChecks = async () => {
    await runPipeline(nodeFileSystem, { root, today });
    await runPipeline(nodeFileSystem, { root, today });
  };
  const measured = await compare(runs, diff, twoChecks);
  const sides = await loadDiffSides({ root, base, head, today, workingTree: nodeFileSystem });
  const compareOnly = await compare(runs, () => formatDiffMarkdown(compareModels(sides.base, sides.head)), () => undefined);
  console.log(`diff, ${goals} goals, ${changedFiles} goal files changed, ${items} items reported (median of ${runs}):`);
  console.log(`  goalpost diff (git read, 2 pipelines, compare, markdown)  ${ms(measured.subject)}`);
  console.log(`  the same two pipelines on disk                            ${ms(measured.baseline)}`);
  console.log(`  ratio                                                     ${measured.ratio.toFixed(2)}x`);
  console.log(`  compare + markdown alone                                  ${ms(compareOnly.subject)}`);
  return { diffMs: measured.subject, twoPipelinesMs: measured.baseline, ratio: measured.ratio, compareMs: compareOnly.subject, items };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await benchDiff();
