// Compiles the CLI's TypeScript into lib/cli/ (run by `npm install` through `prepare`). One
// bundle with a chunk per lazily loaded command starts in about half the time that loading
// some 150 source modules through tsx takes on Node 20. bin/goalpost.js falls back to the
// sources whenever they are newer than this build, so an edit never runs stale code.
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));

/**
 * Builds into `outdir`, which must sit two folders below the package root (like lib/cli/): the
 * modules find package.json and the site's sources from their own location.
 */
export async function buildCli(outdir = `${root}lib/cli`) {
  rmSync(outdir, { recursive: true, force: true });
  await build({
    absWorkingDir: root,
    // The worker thread's entry that reads part of a large metric CSV (see parallel-ingest.ts).
    entryPoints: { main: 'src/cli/main.ts', 'part-worker': 'src/metrics/part-worker.ts' },
    outdir,
    bundle: true,
    // Keeps `await import()` of the site commands lazy: `check` and `status` never load Astro.
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20.19',
    // yaml, ajv and papaparse are bundled too: resolving and loading their files one by one cost
    // a tenth of a second of every `check`. The site's stack stays in node_modules, loaded only
    // by `build` and `dev`, as Astro expects to find it there.
    external: ['astro', '@astrojs/*', 'react', 'react-dom', 'react/*', 'vite', 'tsx', 'tsx/*'],
    // ajv is CommonJS and calls require(); an ES module has none of its own.
    banner: { js: "import { createRequire as createRequireForBundle } from 'node:module'; const require = createRequireForBundle(import.meta.url);" },
    sourcemap: 'linked',
    logLevel: 'warning',
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildCli();
