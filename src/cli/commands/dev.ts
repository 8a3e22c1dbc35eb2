// `goalpost dev`: a local server that re-runs the pipeline and reloads the page whenever a file
// under strategy/ or data/ changes (new files included), and shows the diagnostics on the page
// when the workspace has errors. Runs until Ctrl+C.
import { countBySeverity } from '../../diagnostics/diagnostic.ts';
import { CliError } from '../cli-error.ts';
import { AS_OF_OPTION, ROOT_OPTION, type Command } from '../command.ts';
import { runPipeline } from '../../pipeline.ts';
import { parseAsOf, resolveRoot } from '../workspace-input.ts';
import { parseBase } from './build.ts';

export const PORT_OPTION = { name: 'port', type: 'string', value: 'N', description: 'the port to listen on, on 127.0.0.1 (default: 4321)' } as const;

export function parsePort(value: unknown, fallback = 4321): number {
  if (value === undefined) return fallback;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new CliError(`--port takes a number from 0 to 65535, not "${String(value)}"`, 2);
  return port;
}

/** Resolves when the process is asked to stop (Ctrl+C or SIGTERM). */
export function untilStopped(): Promise<void> {
  return new Promise((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}

export const devCommand: Command = {
  name: 'dev',
  summary: 'Serve the review site locally and rebuild it whenever strategy/ or data/ changes.',
  usage: 'goalpost dev [--root DIR] [--as-of YYYY-MM-DD] [--port N] [--base URL]',
  examples: ['goalpost dev', 'goalpost dev --root ../our-strategy --port 5000'],
  maxPositionals: 0,
  options: [ROOT_OPTION, AS_OF_OPTION, PORT_OPTION, { name: 'base', type: 'string', value: 'URL', description: 'the path the site is served under (default: /)' }],
  async run(input) {
    const { effects } = input;
    const { base } = parseBase(input.values.base);
    const port = parsePort(input.values.port);
    const root = await resolveRoot(effects, input.values.root);
    const asOf = parseAsOf(input.values['as-of']);
    const { devPipelineMemo } = await import('../../site/pipeline-memo.ts');
    // Each run after a change parses only the files whose text changed and reads data only when it changed.
    const memo = devPipelineMemo();
    const run = () => runPipeline(effects.fs, { root, asOf, today: effects.today, memo });
    const first = await run();
    const { siteDataOf } = await import('../../site/data/from-pipeline.ts');
    const { pagesOnDemand } = await import('../../site/page-data.ts');
    // Goal, objective and KPI pages are made when a browser asks for one, not at each rebuild.
    const pageData = (result: typeof first) => siteDataOf(result, pagesOnDemand().list);
    const { startDevServer } = await import('../../site/dev-server.ts');
    const describe = (errors: number, warnings: number) =>
      errors ? `${errors} error${errors === 1 ? '' : 's'} (shown on the page)` : warnings ? `${warnings} warning${warnings === 1 ? '' : 's'}` : 'no problems';
    const counts = (diagnostics: typeof first.diagnostics): [number, number] => {
      const { errors, warnings } = countBySeverity(diagnostics);
      return [errors, warnings];
    };
    let loads = 0;
    let server;
    try {
      server = await startDevServer({
        root,
        base,
        port,
        // A port asked for is that port or an error; the default moves on to a free one, and says so.
        strictPort: input.values.port !== undefined,
        load: async (changed) => {
          if (loads++ === 0) return pageData(first);
          memo.forget(changed);
          return pageData(await run());
        },
        onReload: (data, changed) => {
          effects.stdout(`Rebuilt after a change to ${changed.join(', ')}: ${describe(data.meta.errors, data.meta.warnings)}.\n`);
        },
      });
    } catch (error) {
      const message = (error as Error).message;
      // The port hint only where the port is the cause; anything else keeps its own words (and, with --debug, its stack).
      if (/already in use|EADDRINUSE/i.test(message)) throw new CliError(`the dev server could not start: ${message}`, 2, 'Pass another --port N, or stop what listens on that port.');
      throw error;
    }
    const moved = server.port !== port ? ` (port ${port} was in use)` : '';
    effects.stdout(`Goalpost dev server for ${root}\n  Local: ${server.url}${moved}\n  As of ${first.asOf}; ${describe(...counts(first.diagnostics))}.\n  Watching strategy/ and data/. Press Ctrl+C to stop.\n`);
    await untilStopped();
    await server.stop();
    return 0;
  },
};
