// Benchmark of metric ingestion: long-format CSVs of 1,000,000 and 10,000,000 rows (ISO weeks
// x 40 KPIs x many team and person scopes, each row a distinct point; 9,640 and 96,160 series of
// 104 points, the rows sorted by period as exports are). For each, the median wall time, peak
// memory and CPU time of `goalpost status --json`, and of papaparse alone streaming the same
// file with no work per row (bench/papaparse-only.mjs), each a whole process, measured
// alternately in the same run; then the same two inside one process, which leaves out starting
// Node and loading the CLI; and, at 1,000,000 rows, that in-process time split by stage. Run one
// size alone with `node bench/metrics.ts 1000000` (it compiles the CLI first, as
// `npm run bench` does).
import { spawnSync } from 'node:child_process';
import { createReadStream, createWriteStream, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import { nodeFileSystem } from '../src/effects.ts';
import { ingestMetrics } from '../src/metrics/ingest.ts';
import { IngestContext } from '../src/metrics/ingest-context.ts';
import { FileIngester } from '../src/metrics/ingest-file.ts';
import { readBytes, readCsvRows } from '../src/metrics/read-csv-rows.ts';
import type { MetricCatalog } from '../src/metrics/types.ts';
import { alternate, compare, median, ms } from './measure.ts';

const KPI_COUNT = 40;
const WEEKS = 104;

interface Run {
  seconds: number;
  peakMb: number;
  /** CPU time of all the process's threads (user and system), the garbage collector's helpers included. */
  cpuSeconds: number;
}

/**
 * Wall time, peak memory and CPU time of one run of Node with `args`. GNU time gives the peak
 * and the CPU time; the wall time is taken here, to the microsecond, since time's own %e is
 * rounded to 10 ms, which alone moved a 0.5 s ratio by 0.03.
 */
function timed(args: string[]): Run {
  const start = performance.now();
  const result = spawnSync('/usr/bin/time', ['-f', '%M %U %S', process.execPath, ...args], { encoding: 'utf8', maxBuffer: 1 << 30 });
  const seconds = (performance.now() - start) / 1000;
  if (result.status !== 0) throw new Error(`${args.join(' ')} failed: ${result.stderr.slice(-500)}`);
  const [kb, user, system] = result.stderr.trim().split('\n').at(-1)!.split(' ').map(Number) as [number, number, number];
  return { seconds, peakMb: kb / 1024, cpuSeconds: user + system };
}

function medians(runs: readonly Run[]): Run {
  return { seconds: median(runs.map((r) => r.seconds)), peakMb: median(runs.map((r) => r.peakMb)), cpuSeconds: median(runs.map((r) => r.cpuSeconds)) };
}

/** Each run's ratio to the baseline run beside it: their median and range show the noise. */
function pairedRatios(subject: readonly Run[], baseline: readonly Run[], of: (run: Run) => number = (run) => run.seconds): { median: number; min: number; max: number } {
  const ratios = subject.map((run, i) => of(run) / of(baseline[i]!));
  return { median: median(ratios), min: Math.min(...ratios), max: Math.max(...ratios) };
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

/**
 * Where ingestion's time goes: readCsvRows decoding the file and splitting it into rows (as
 * ranges, as ingestion takes them), then each row's cells matched to a period, scope and KPI, its
 * value read and its point stored. In ms for the whole file.
 */
async function stageCosts(csv: string, catalog: MetricCatalog, runs: number): Promise<{ rows: number; points: number }> {
  const bytes = statSync(csv).size;
  const ingest = () => {
    const context = new IngestContext(catalog);
    return readCsvRows(readBytes(nodeFileSystem, csv), new FileIngester(context, context.addFile('data/metrics.csv'), bytes));
  };
  const [rows, points] = (await alternate(runs, [() => readCsvRows(readBytes(nodeFileSystem, csv), { rowOfCells() {}, malformed() {} }), ingest])) as [number, number];
  return { rows, points: points - rows };
}

/** Runs a size gets unless told: a 1,000,000-row run takes about a second, so more of them settle its median. */
const runsFor = (rows: number) => (rows > 1_000_000 ? 5 : 11);

export async function benchMetrics(sizes = [1_000_000, 10_000_000], runsWanted?: number): Promise<Record<string, number>[]> {
  const bin = fileURLToPath(new URL('../bin/goalpost.js', import.meta.url));
  const baseline = fileURLToPath(new URL('./papaparse-only.mjs', import.meta.url));
  const results: Record<string, number>[] = [];
  for (const rows of sizes) {
    const root = path.join(os.tmpdir(), `goalpost-bench-metrics-${rows}`);
    const catalog = await writeWorkspace(root, rows);
    const csv = path.join(root, 'data', 'metrics.csv');
    const runs = runsWanted ?? runsFor(rows);
    const goalpost: Run[] = [];
    const papa: Run[] = [];
    const start: Run[] = [];
    for (let i = 0; i < runs; i++) {
      goalpost.push(timed([bin, 'status', '--json', '--root', root]));
      papa.push(timed([baseline, csv]));
      start.push(timed([bin, '--version']));
    }
    const startSeconds = median(start.map((r) => r.seconds));
    const g = medians(goalpost);
    const p = medians(papa);
    console.log(`metrics, ${rows.toLocaleString('en-US')} rows (median of ${runs}):`);
    // CPU time beside wall time: the garbage collector works in threads of its own.
    console.log(`  goalpost status --json   ${g.seconds.toFixed(2)} s, peak ${g.peakMb.toFixed(0)} MB, CPU ${g.cpuSeconds.toFixed(2)} s`);
    console.log(`  papaparse alone          ${p.seconds.toFixed(2)} s, peak ${p.peakMb.toFixed(0)} MB, CPU ${p.cpuSeconds.toFixed(2)} s`);
    const paired = pairedRatios(goalpost, papa);
    console.log(`  ratio                    ${(g.seconds / p.seconds).toFixed(2)}x (run by run: median ${paired.median.toFixed(2)}x, ${paired.min.toFixed(2)}x to ${paired.max.toFixed(2)}x)`);
    // On a shared machine CPU time moves less with the load than wall time does.
    const pairedCpu = pairedRatios(goalpost, papa, (run) => run.cpuSeconds);
    console.log(`  CPU ratio                ${(g.cpuSeconds / p.cpuSeconds).toFixed(2)}x (run by run: median ${pairedCpu.median.toFixed(2)}x, ${pairedCpu.min.toFixed(2)}x to ${pairedCpu.max.toFixed(2)}x)`);
    console.log(`  of which process start   ${startSeconds.toFixed(2)} s (goalpost --version, Node ${process.versions.node})`);
    // The same comparison inside one process: ingestion alone, without starting Node or the CLI,
    // so that it measures the work a row.
    const inProcess = await compare(runs, () => ingestMetrics(nodeFileSystem, root, catalog), () => papaparseAlone(csv));
    console.log(`  in-process               ${ms(inProcess.subject)} vs papaparse alone ${ms(inProcess.baseline)}: ${inProcess.ratio.toFixed(2)}x`);
    // By stage only where a run is short: at 10,000,000 rows it would add minutes.
    if (rows <= 1_000_000) {
      const stages = await stageCosts(csv, catalog, runs);
      const perRow = (total: number) => `${((total * 1e6) / rows).toFixed(0)} ns a row`;
      console.log(`  of which, by stage       reading the rows ${ms(stages.rows)}; cells, values and points ${perRow(stages.points)}`);
    }
    results.push({ inProcessRatio: inProcess.ratio, pairedRatio: paired.median, pairedCpuRatio: pairedCpu.median, rows, goalpostSeconds: g.seconds, goalpostPeakMb: g.peakMb, goalpostCpuSeconds: g.cpuSeconds, papaparseSeconds: p.seconds, papaparsePeakMb: p.peakMb, papaparseCpuSeconds: p.cpuSeconds, ratio: g.seconds / p.seconds, startSeconds });
    rmSync(root, { recursive: true, force: true });
  }
  return results;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  // As bench/run.ts does: the command is timed compiled, not run from the sources.
  // @ts-expect-error: plain JavaScript run by `npm install`, without type declarations
  const { buildCli } = await import('../scripts/build-cli.mjs');
  await (buildCli as () => Promise<void>)();
  const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
  await benchMetrics(sizes.length ? sizes : undefined);
}
