// `goalpost preview`: serve a built site (default <root>/dist) on 127.0.0.1 and print its URL.
// Runs until Ctrl+C.
import path from 'node:path';
import { CliError } from '../cli-error.ts';
import { ROOT_OPTION, type Command } from '../command.ts';
import { parseBase } from './build.ts';
import { PORT_OPTION, parsePort, untilStopped } from './dev.ts';
import { rootOrHere } from '../workspace-input.ts';
import { baseOfMarker, SITE_MARKER } from '../../site/site-marker.ts';

export const previewCommand: Command = {
  name: 'preview',
  summary: 'Serve a site built by `goalpost build` on 127.0.0.1.',
  usage: 'goalpost preview [--root DIR] [--out DIR] [--port N] [--base URL]',
  examples: ['goalpost build && goalpost preview', 'goalpost preview --out public-site --port 8080'],
  maxPositionals: 0,
  options: [
    ROOT_OPTION,
    { name: 'out', type: 'string', value: 'DIR', description: 'the built site to serve (default: dist/ under the root)' },
    PORT_OPTION,
    { name: 'base', type: 'string', value: 'URL', description: 'the path to serve the site under (default: the --base it was built with)' },
  ],
  async run(input) {
    const { effects } = input;
    const root = await rootOrHere(effects, input.values.root);
    const dir = path.resolve(effects.cwd, typeof input.values.out === 'string' ? input.values.out : path.join(root, 'dist'));
    if (!(await effects.fs.exists(path.join(dir, 'index.html')))) {
      throw new CliError(`there is no built site in ${dir}`, 2, 'Run `goalpost build` first (or pass --out DIR with the folder it wrote).');
    }
    // Served where it was built to be: a site built with --base /strategy/ served at / has every link broken.
    const marker = path.join(dir, SITE_MARKER);
    const built = (await effects.fs.exists(marker)) ? baseOfMarker(new TextDecoder().decode(await effects.fs.readFile(marker))) : null;
    const { base } = input.values.base === undefined && built !== null ? { base: built } : parseBase(input.values.base);
    if (built !== null && base !== built) effects.stderr(`goalpost: the site was built with --base ${built}; served at ${base}, its links will not work\n`);
    const { startPreview } = await import('../../site/preview-server.ts');
    const explicit = input.values.port !== undefined;
    const first = parsePort(input.values.port);
    let server;
    for (let port = first; !server; port++) {
      try {
        server = await startPreview({ dir, base, port });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE' || explicit || port >= first + 20) {
          throw new CliError(`cannot listen on 127.0.0.1:${port}: ${(error as Error).message}`, 2, 'Pass another --port N.');
        }
      }
    }
    effects.stdout(`Serving ${path.relative(effects.cwd, dir) || '.'}/\n  Local: ${server.url}\n  Press Ctrl+C to stop.\n`);
    await untilStopped();
    await server.close();
    return 0;
  },
};
