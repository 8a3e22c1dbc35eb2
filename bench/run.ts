// `npm run bench`: every benchmark in turn, each against a baseline measured in the same run.
// Pass names to run some only: `npm run bench -- check metrics`. The metrics benchmark writes
// a 10,000,000-row CSV (about 400 MB) and the tickets benchmark a 1,000,000-ticket export (about
// 130 MB) to the temporary folder; together they take several minutes.
// @ts-expect-error: plain JavaScript run by `npm install`, without type declarations
import { buildCli } from '../scripts/build-cli.mjs';
import { benchCheck } from './check.ts';
import { benchDiff } from './diff.ts';
import { benchMetrics } from './metrics.ts';
import { benchTickets } from './tickets.ts';

const BENCHMARKS: Record<string, () => Promise<unknown>> = {
  check: () => benchCheck(),
  metrics: () => benchMetrics(),
  tickets: () => benchTickets(),
  site: async () => (await import('./site-build.ts')).benchSiteBuild(),
  dev: async () => (await import('./dev-loop.ts')).benchDevLoop(),
  diff: () => benchDiff(),
};

// The commands are timed as `npm install` leaves them: compiled into lib/cli/ from the sources.
await (buildCli as () => Promise<void>)();
const wanted = process.argv.slice(2);
for (const name of wanted.length ? wanted : Object.keys(BENCHMARKS)) {
  const run = BENCHMARKS[name];
  if (!run) throw new Error(`unknown benchmark "${name}"; use ${Object.keys(BENCHMARKS).join(', ')}`);
  console.log(`\n== ${name}`);
  await run();
}
