// Benchmark of `goalpost build` on a generated 1,000-goal workspace (with six months of
// metric data for every series its goals read) against a bare Astro build of the same number of
// trivial pages, interleaved in the same run so machine noise hits both alike. Both run as child
// processes, as a user runs them. Alone: `npx tsx bench/site-build.ts [goals] [runs]`.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { generateWorkspace } from './generate-workspace.ts';
import { median, ms } from './measure.ts';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const PACKAGE = path.join(HERE, '..');
const BIN = path.join(PACKAGE, 'bin', 'goalpost.js');
const ASTRO = path.join(PACKAGE, 'node_modules', 'astro', 'astro.js');
const MONTHS = ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06'];

export interface SiteBuildFigures {
  goals: number;
  runs: number;
  /** HTML pages goalpost wrote. */
  pages: number;
  /** Median wall time of `goalpost build`, ms. */
  goalpostMs: number;
  /** Median wall time of `astro build` of as many trivial pages, ms. */
  bareAstroMs: number;
  ratio: number;
}

/** Monthly values for every (kpi, scope) series the generated goals read, drifting towards the targets. */
function writeMetrics(root: string): void {
  const rows = ['period,kpi,scope,value'];
  const kpis: [string, number, number][] = [['frt', 8, 4], ['art', 30, 20], ['fcr', 60, 75], ['csat', 80, 90], ['reopen_rate', 12, 8], ['sla_adherence', 85, 95]];
  const scopes = ['org', ...Array.from({ length: 10 }, (_, i) => `team:team-${i}`), ...Array.from({ length: 50 }, (_, i) => `person:person-${i}`)];
  for (const [kpi, b, t] of kpis) {
    scopes.forEach((scope, s) => {
      MONTHS.forEach((month, m) => {
        const value = b + ((t - b) * (m + 1)) / 14 + (((s * 7 + m * 3) % 5) - 2) * 0.1 * Math.abs(t - b) * 0.1;
        rows.push(`${month},${kpi},${scope},${value.toFixed(2)}`);
      });
    });
  }
  mkdirSync(path.join(root, 'data'), { recursive: true });
  writeFileSync(path.join(root, 'data', 'metrics.csv'), `${rows.join('\n')}\n`);
}

/** An Astro project with `pages` trivial pages from one getStaticPaths route. */
function writeBareProject(dir: string, pages: number): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(path.join(dir, 'src', 'pages', 'p'), { recursive: true });
  writeFileSync(path.join(dir, 'package.json'), '{ "name": "bare-astro-bench", "private": true, "type": "module" }\n');
  writeFileSync(path.join(dir, 'astro.config.mjs'), "export default { output: 'static', devToolbar: { enabled: false } };\n");
  writeFileSync(
    path.join(dir, 'src', 'pages', 'p', '[n].astro'),
    `---\nexport function getStaticPaths() {\n  return Array.from({ length: ${pages} }, (_, i) => ({ params: { n: String(i) } }));\n}\nconst { n } = Astro.params;\n---\n<html lang="en"><head><title>Page {n}</title></head><body><h1>Page {n}</h1></body></html>\n`,
  );
}

function timed(command: string, args: string[], cwd: string): number {
  const start = performance.now();
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1' } });
  const elapsed = performance.now() - start;
  if (result.status !== 0) throw new Error(`${path.basename(args[0] ?? command)} ${args.slice(1).join(' ')} exited ${result.status}:\n${result.stdout}\n${result.stderr}`);
  return elapsed;
}

function countHtml(dir: string): number {
  return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && e.name.endsWith('.html')).length;
}

export async function benchSiteBuild(goals = 1000, runs = 3): Promise<SiteBuildFigures> {
  const work = path.join(os.tmpdir(), `goalpost-bench-site-${goals}`);
  const root = path.join(work, 'workspace');
  generateWorkspace(root, goals);
  writeMetrics(root);
  const out = path.join(work, 'site');
  // The bare project lives inside the package so that it resolves the same `astro`.
  const bare = path.join(HERE, '.work', `bare-astro-${goals}`);
  writeBareProject(bare, goals);

  const build = () => timed(process.execPath, [BIN, 'build', '--root', root, '--out', out, '--as-of', '2026-06-30'], PACKAGE);
  const bareBuild = () => timed(process.execPath, [ASTRO, 'build', '--silent'], bare);
  build();
  bareBuild();
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < runs; i++) {
    a.push(build());
    b.push(bareBuild());
  }
  const figures: SiteBuildFigures = { goals, runs, pages: countHtml(out), goalpostMs: median(a), bareAstroMs: median(b), ratio: median(a) / median(b) };
  console.log(`site build, ${goals} goals -> ${figures.pages} pages (median of ${runs}, after one warm-up each):`);
  const line = (label: string, value: string) => console.log(`  ${label.padEnd(46)}${value}`);
  line('goalpost build (check + page data + astro)', ms(figures.goalpostMs));
  line(`bare astro build, ${goals} trivial pages`, ms(figures.bareAstroMs));
  line('ratio', `${figures.ratio.toFixed(2)}x`);
  rmSync(work, { recursive: true, force: true });
  rmSync(bare, { recursive: true, force: true });
  return figures;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const [goals, runs] = process.argv.slice(2).map(Number);
  await benchSiteBuild(goals || undefined, runs || undefined);
}
