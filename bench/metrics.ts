// Benchmark of metric ingestion: long-format CSVs of 1,000,000 and 10,000,000 rows (ISO weeks
// x 40 KPIs x many team and person scopes, each row a distinct point). For each, the median
// wall time and peak memory of `goalpost status --json`, and of papaparse alone streaming the
// same file with no work per row, measured alternately in the same run; then the same two
// inside one process and one thread, which leaves out starting Node and loading the CLI, and
// reading a file in parts (see src/metrics/parallel-ingest.ts).
import { spawnSync } from 'node:child_process';
import { createReadStream, createWriteStream, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import { nodeFileSystem } from '../src/effects.ts';
import { ingestMetrics } from '../src/metrics/ingest.ts';
import { DEFAULT_PARTS } from '../src/metrics/parallel-ingest.ts';
import type { MetricCatalog } from '../src/metrics/types.ts';
import { compare, median, ms } from './measure.ts';

const KPI_COUNT = 40;
const WEEKS = 104;

interface Run {
  seconds: number;
  peakMb: number;
}

function timed(args: string[]): Run {
  const result = spawnSync('/usr/bin/time', ['-f', '%e %M', process.execPath, ...args], { encoding: 'utf8', maxBuffer: 1 << 30 });
  if (result.status !== 0) throw new Error(`${args.join(' ')} failed: ${result.stderr.slice(-500)}`);
  const [seconds, kb] = result.stderr.trim().split('\n').at(-1)!.split(' ').map(Number) as [number, number];
  return { seconds, peakMb: kb / 1024 };
}

/** Writes the workspace and returns what ingestion needs to know of its strategy. */
export async function writeWorkspace(root: string, rows: number): Promise<MetricCatalog> {
  const scopes = Math.ceil(rows / (KPI_COUNT * WEEKS));
  const teams = Math.max(1, Math.round(scopes / 20));
  rmSync(root, { recursive: true, force: true });
  mkdirSync(path.join(root, 'strategy'), { recursive: true });
  mkdirSync(path.join(root, 'data'), { recursive: true });
  const people = scopes - teams;
  writeFileSync(
    path.join(root, 'strategy', 'workspace.yaml'),
    [
      'kind: Workspace\nid: bench\nname: Bench\nasOf: 2026-06-30\nteams:',
      ...Array.from({ length: teams }, (_, i) => `  - { id: team-${i}, name: Team ${i} }`),
      'people:',
      ...Array.from({ length: people }, (_, i) => `  - { id: person-${i}, name: Person ${i}, team: team-${i % teams} }`),
    ].join('\n') + '\n',
  );
  writeFileSync(
    path.join(root, 'strategy', 'kpis.yaml'),
    Array.from({ length: KPI_COUNT }, (_, i) => `kind: KPI\nid: kpi-${i}\nname: KPI ${i}\nunit: hours\ndirection: decrease\n`).join('---\n'),
  );
  const scopeNames = [...Array.from({ length: teams }, (_, i) => `team:team-${i}`), ...Array.from({ length: people }, (_, i) => `person:person-${i}`)];
  const out = createWriteStream(path.join(root, 'data', 'metrics.csv'));
  const write = (text: string) => (out.write(text) ? Promise.resolve() : new Promise<void>((resolve) => out.once('drain', () => resolve())));
  await write('period,kpi,scope,value\n');
  let written = 0;
  for (let week = 0; week < WEEKS && written < rows; week++) {
    const period = `${2025 + Math.floor(week / 52)}-W${String((week % 52) + 1).padStart(2, '0')}`;
    for (const scope of scopeNames) {
      let chunk = '';
      for (let k = 0; k < KPI_COUNT && written < rows; k++, written++) chunk += `${period},kpi-${k},${scope},${((written * 7919) % 1000) / 100}\n`;
      await write(chunk);
      if (written >= rows) break;
    }
  }
  await new Promise<void>((resolve) => out.end(() => resolve()));
  return {
    fiscalYearStart: 1,
    kpis: Array.from({ length: KPI_COUNT }, (_, i) => ({ id: `kpi-${i}`, unit: 'hours' })),
    teams: Array.from({ length: teams }, (_, i) => `team-${i}`),
    people: Array.from({ length: people }, (_, i) => `person-${i}`),
    channels: [],
    segments: [],
    slaPolicies: [],
  };
}

/** Papaparse streaming the file in this process with no work per row: the in-process baseline. */
function papaparseAlone(csv: string): Promise<number> {
  return new Promise((resolve, reject) => {
    let rows = 0;
    Papa.parse<string[]>(createReadStream(csv, { encoding: 'utf8' }), {
      skipEmptyLines: true,
      chunk: (results) => {
        rows += results.data.length;
      },
      complete: () => resolve(rows),
      error: reject,
    });
  });
}

export async function benchMetrics(sizes = [1_000_000, 10_000_000], runs = 5): Promise<Record<string, number>[]> {
  const bin = fileURLToPath(new URL('../bin/goalpost.js', import.meta.url));
  const baseline = fileURLToPath(new URL('./papaparse-only.mjs', import.meta.url));
  const results: Record<string, number>[] = [];
  for (const rows of sizes) {
    const root = path.join(os.tmpdir(), `goalpost-bench-metrics-${rows}`);
    const catalog = await writeWorkspace(root, rows);
    const csv = path.join(root, 'data', 'metrics.csv');
    const goalpost: Run[] = [];
    const papa: Run[] = [];
    const start: Run[] = [];
    for (let i = 0; i < runs; i++) {
      goalpost.push(timed([bin, 'status', '--json', '--root', root]));
      papa.push(timed([baseline, csv]));
      start.push(timed([bin, '--version']));
    }
    const startSeconds = median(start.map((r) => r.seconds));
    const g = { seconds: median(goalpost.map((r) => r.seconds)), peakMb: median(goalpost.map((r) => r.peakMb)) };
    const p = { seconds: median(papa.map((r) => r.seconds)), peakMb: median(papa.map((r) => r.peakMb)) };
    console.log(`metrics, ${rows.toLocaleString('en-US')} rows (median of ${runs}):`);
    console.log(`  goalpost status --json   ${g.seconds.toFixed(2)} s, peak ${g.peakMb.toFixed(0)} MB`);
    console.log(`  papaparse alone          ${p.seconds.toFixed(2)} s, peak ${p.peakMb.toFixed(0)} MB`);
    console.log(`  ratio                    ${(g.seconds / p.seconds).toFixed(2)}x`);
    console.log(`  of which process start   ${startSeconds.toFixed(2)} s (goalpost --version, Node ${process.versions.node})`);
    // The same comparison inside one process: ingestion alone, without starting Node or the CLI,
    // and in one thread (the file read whole, not in parts), so that it measures the work a row.
    const whole = { ...DEFAULT_PARTS, maxParts: 1 };
    const inProcess = await compare(runs, () => ingestMetrics(nodeFileSystem, root, catalog, { parts: whole }), () => papaparseAlone(csv));
    console.log(`  in-process, one thread   ${ms(inProcess.subject)} vs papaparse alone ${ms(inProcess.baseline)}: ${inProcess.ratio.toFixed(2)}x`);
    results.push({ inProcessRatio: inProcess.ratio, rows, goalpostSeconds: g.seconds, goalpostPeakMb: g.peakMb, papaparseSeconds: p.seconds, papaparsePeakMb: p.peakMb, ratio: g.seconds / p.seconds, startSeconds });
    rmSync(root, { recursive: true, force: true });
  }
  return results;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
  await benchMetrics(sizes.length ? sizes : undefined);
}
