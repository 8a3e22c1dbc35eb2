// Benchmark of `goalpost build` (issue 18): a generated workspace of 1,000 goals with a year of
// weekly data for 40 KPIs x 250 scopes (520,000 rows in one CSV), against two bare Astro 7
// projects built in the same run, interleaved so that machine noise hits them alike:
//   fair     1,000 pages, each with a 50-row table and one React chart.js island (what a
//            goal page is made of, without Goalpost);
//   trivial  1,000 pages of a heading each.
// It also times the example workspace's build and takes each build's peak memory (maximum
// resident set size, from /usr/bin/time when it is there). Every build runs as a child
// process, as a user runs it. The bare projects are written under the temporary folder, with a
// link to the package's node_modules so that they build with the same Astro, React and
// chart.js. Alone: `node bench/site-build.ts [goals] [runs]`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { generateWorkspace } from './generate-workspace.ts';
import { median, ms } from './measure.ts';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const PACKAGE = path.join(HERE, '..');
const BIN = path.join(PACKAGE, 'bin', 'goalpost.js');
const ASTRO = path.join(PACKAGE, 'node_modules', 'astro', 'bin', 'astro.mjs');
const TIME = '/usr/bin/time';
const AS_OF = '2026-06-30';
const KPIS = 40;
/** org, 10 teams and 239 people. */
const PEOPLE = 239;
const WEEKS = 52;

/** Start and target of each KPI template, in the order generate-workspace.ts defines them. */
const TEMPLATES: [number, number][] = [[8, 4], [30, 20], [60, 75], [80, 90], [12, 8], [85, 95]];

export interface Run {
  ms: number;
  /** Peak resident set size in MB, or null without /usr/bin/time. */
  peakMb: number | null;
}

export interface Figures {
  median: number;
  min: number;
  max: number;
  peakMb: number | null;
}

export interface SiteBuildFigures {
  goals: number;
  runs: number;
  rows: number;
  /** HTML pages and CSV files `goalpost build` wrote. */
  pages: number;
  csvFiles: number;
  goalpost: Figures;
  fair: Figures;
  trivial: Figures;
  example: Figures;
  /** Median over runs of goalpost / fair, each pair from the same round. */
  fairRatio: number;
  trivialRatio: number;
}

/** ISO weeks ending with the one that holds `AS_OF`: 2025-W27 .. 2026-W26. */
function weeks(): string[] {
  const out: string[] = [];
  for (let i = 0; i < WEEKS; i++) {
    const week = 27 + i;
    out.push(week <= 52 ? `2025-W${String(week).padStart(2, '0')}` : `2026-W${String(week - 52).padStart(2, '0')}`);
  }
  return out;
}

/** A year of weekly values for every KPI of the workspace on every one of its 250 scopes, drifting towards the targets. */
function writeWeeklyMetrics(root: string): number {
  const kpiIds = [...readFileSync(path.join(root, 'strategy', 'kpis.yaml'), 'utf8').matchAll(/^id: (.+)$/gm)].map((m) => m[1]!);
  const scopes = ['org', ...Array.from({ length: 10 }, (_, i) => `team:team-${i}`), ...Array.from({ length: PEOPLE }, (_, i) => `person:person-${i}`)];
  const periods = weeks();
  const lines = ['period,kpi,scope,value'];
  kpiIds.forEach((kpi, k) => {
    const [start, target] = TEMPLATES[k % TEMPLATES.length]!;
    scopes.forEach((scope, s) => {
      periods.forEach((period, w) => {
        const wobble = (((s * 7 + w * 3) % 5) - 2) * 0.02 * Math.abs(target - start);
        lines.push(`${period},${kpi},${scope},${(start + ((target - start) * w) / (WEEKS * 1.6) + wobble).toFixed(2)}`);
      });
    });
  });
  mkdirSync(path.join(root, 'data'), { recursive: true });
  writeFileSync(path.join(root, 'data', 'weekly.csv'), `${lines.join('\n')}\n`);
  return lines.length - 1;
}

function bareProject(dir: string, astroConfig: string, files: Record<string, string>): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  symlinkSync(path.join(PACKAGE, 'node_modules'), path.join(dir, 'node_modules'), 'junction');
  // Astro bundles the renderers of the dependencies a project names; unnamed, @astrojs/react
  // stays external to the server bundle and its `astro:` imports fail in Node.
  const dependencies = Object.fromEntries(['astro', '@astrojs/react', 'react', 'react-dom', 'chart.js'].map((name) => [name, '*']));
  writeFileSync(path.join(dir, 'package.json'), `${JSON.stringify({ name: 'bare-astro-bench', private: true, type: 'module', dependencies })}\n`);
  writeFileSync(path.join(dir, 'astro.config.mjs'), astroConfig);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
}

/** `pages` pages of a heading each, from one getStaticPaths route. */
function writeTrivialProject(dir: string, pages: number): void {
  bareProject(dir, "export default { output: 'static', devToolbar: { enabled: false } };\n", {
    'src/pages/p/[n].astro': `---\nexport function getStaticPaths() {\n  return Array.from({ length: ${pages} }, (_, i) => ({ params: { n: String(i) } }));\n}\nconst { n } = Astro.params;\n---\n<html lang="en"><head><title>Page {n}</title></head><body><h1>Page {n}</h1></body></html>\n`,
  });
}

/** `pages` pages, each with a 50-row table and one React island drawing its rows with chart.js. */
function writeFairProject(dir: string, pages: number): void {
  const chart = `import { useEffect, useRef } from 'react';
import { Chart, LinearScale, LineController, LineElement, PointElement, Tooltip } from 'chart.js';
Chart.register(LineController, LineElement, PointElement, LinearScale, Tooltip);
export default function LineChart({ points }: { points: [number, number][] }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const chart = new Chart(canvas.current!, { type: 'line', data: { datasets: [{ label: 'value', data: points.map(([x, y]) => ({ x, y })) }] }, options: { scales: { x: { type: 'linear' } } } });
    return () => chart.destroy();
  }, [points]);
  return <canvas ref={canvas} role="img" aria-label="Values by week" />;
}
`;
  const page = `---
import LineChart from '../../LineChart.tsx';
export function getStaticPaths() {
  return Array.from({ length: ${pages} }, (_, i) => ({
    params: { n: String(i) },
    props: { rows: Array.from({ length: 50 }, (_, w) => ({ week: w + 1, value: Number((10 + ((i * 7 + w * 3) % 11) * 0.37).toFixed(2)) })) },
  }));
}
const { n } = Astro.params;
const { rows } = Astro.props;
---
<html lang="en"><head><title>Page {n}</title></head><body>
<h1>Page {n}</h1>
<LineChart client:visible points={rows.map((r) => [r.week, r.value])} />
<table><caption>Values</caption><thead><tr><th>Week</th><th>Value</th></tr></thead>
<tbody>{rows.map((r) => <tr><td>{r.week}</td><td>{r.value}</td></tr>)}</tbody></table>
</body></html>
`;
  bareProject(dir, "import react from '@astrojs/react';\nexport default { output: 'static', devToolbar: { enabled: false }, integrations: [react()] };\n", {
    'src/LineChart.tsx': chart,
    'src/pages/p/[n].astro': page,
  });
}

/** Runs a command to completion; its wall time and, through /usr/bin/time, its peak memory. */
function measured(command: string, args: string[], cwd: string): Run {
  const memoryFile = path.join(os.tmpdir(), `goalpost-bench-rss-${process.pid}`);
  const withTime = existsSync(TIME);
  const start = performance.now();
  const result = withTime
    ? spawnSync(TIME, ['-f', '%M', '-o', memoryFile, command, ...args], { cwd, encoding: 'utf8', env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1' } })
    : spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1' } });
  const elapsed = performance.now() - start;
  if (result.status !== 0) throw new Error(`${path.basename(args[0] ?? command)} ${args.slice(1).join(' ')} exited ${result.status}:\n${result.stdout}\n${result.stderr}`);
  let peakMb: number | null = null;
  if (withTime) {
    peakMb = Number(readFileSync(memoryFile, 'utf8').trim().split('\n').at(-1)) / 1024;
    rmSync(memoryFile, { force: true });
  }
  return { ms: elapsed, peakMb };
}

function count(dir: string, extension: string): number {
  return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && e.name.endsWith(extension)).length;
}

function figures(runs: Run[]): Figures {
  const times = runs.map((r) => r.ms);
  const peaks = runs.map((r) => r.peakMb).filter((p): p is number => p !== null);
  return { median: median(times), min: Math.min(...times), max: Math.max(...times), peakMb: peaks.length ? Math.max(...peaks) : null };
}

/** The benchmark's workspace: `goals` goals, 40 KPIs, 250 scopes and a year of weekly data for each pair; returns the rows written. */
export function writeSiteBenchWorkspace(root: string, goals: number): number {
  generateWorkspace(root, goals, { kpis: KPIS, people: PEOPLE });
  return writeWeeklyMetrics(root);
}

export async function benchSiteBuild(goals = 1000, runs = 3): Promise<SiteBuildFigures> {
  const work = mkdtempSync(path.join(os.tmpdir(), 'goalpost-bench-site-'));
  try {
    const root = path.join(work, 'workspace');
    const rows = writeSiteBenchWorkspace(root, goals);
    const fairDir = path.join(work, 'bare-fair');
    const trivialDir = path.join(work, 'bare-trivial');
    writeFairProject(fairDir, goals);
    writeTrivialProject(trivialDir, goals);
    const out = path.join(work, 'site');
    const exampleOut = path.join(work, 'example-site');

    const subjects: Record<'goalpost' | 'fair' | 'trivial' | 'example', () => Run> = {
      goalpost: () => measured(process.execPath, [BIN, 'build', '--root', root, '--out', out, '--as-of', AS_OF], PACKAGE),
      fair: () => measured(process.execPath, [ASTRO, 'build', '--silent'], fairDir),
      trivial: () => measured(process.execPath, [ASTRO, 'build', '--silent'], trivialDir),
      example: () => measured(process.execPath, [BIN, 'build', '--root', PACKAGE, '--out', exampleOut, '--as-of', AS_OF], PACKAGE),
    };
    const times: Record<keyof typeof subjects, Run[]> = { goalpost: [], fair: [], trivial: [], example: [] };
    for (const subject of Object.values(subjects)) subject();
    for (let i = 0; i < runs; i++) {
      for (const [name, subject] of Object.entries(subjects)) times[name as keyof typeof subjects].push(subject());
    }
    const ratios = (baseline: Run[]) => median(times.goalpost.map((run, i) => run.ms / baseline[i]!.ms));
    const result: SiteBuildFigures = {
      goals,
      runs,
      rows,
      pages: count(out, '.html'),
      csvFiles: count(out, '.csv'),
      goalpost: figures(times.goalpost),
      fair: figures(times.fair),
      trivial: figures(times.trivial),
      example: figures(times.example),
      fairRatio: ratios(times.fair),
      trivialRatio: ratios(times.trivial),
    };
    report(result);
    return result;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function report(f: SiteBuildFigures): void {
  const line = (label: string, figures: Figures) =>
    console.log(`  ${label.padEnd(44)}${ms(figures.median).padStart(11)}  (${ms(figures.min)} to ${ms(figures.max)})${figures.peakMb === null ? '' : `, peak ${figures.peakMb.toFixed(0)} MB`}`);
  console.log(`site build, ${f.goals} goals and ${f.rows.toLocaleString('en')} weekly rows -> ${f.pages} pages, ${f.csvFiles} CSV files (median of ${f.runs} after one warm-up each, Node ${process.versions.node}, ${new Date().toISOString().slice(0, 10)}):`);
  line('goalpost build', f.goalpost);
  line(`bare Astro, ${f.goals} pages, table + chart island`, f.fair);
  line(`bare Astro, ${f.goals} trivial pages`, f.trivial);
  line('goalpost build of the example', f.example);
  console.log(`  ${'ratio to the fair bare build'.padEnd(44)}${f.fairRatio.toFixed(2).padStart(8)}x (median of the ratios within each round)`);
  console.log(`  ${'ratio to the trivial bare build'.padEnd(44)}${f.trivialRatio.toFixed(2).padStart(8)}x`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const [goals, runs] = process.argv.slice(2).map(Number);
  await benchSiteBuild(goals || undefined, runs || undefined);
}
