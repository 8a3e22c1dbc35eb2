// Compiles the CLI's TypeScript into lib/cli/ (run by `npm install` through `prepare`). One
// bundle with a chunk per lazily loaded command starts in about half the time that loading
// some 150 source modules one by one takes. bin/goalpost.js falls back to the
// sources whenever they are newer than this build, so an edit never runs stale code.
import { rmSync, utimesSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { _ } from 'ajv';
import standaloneCode from 'ajv/dist/standalone/index.js';

const root = fileURLToPath(new URL('..', import.meta.url));

/**
 * An esbuild plugin that puts in place of src/validate/schema-validators.ts the same validators
 * as ajv's standalone code, generated now: compiling them took a tenth of a second of every start.
 */
async function precompiledSchemaValidators() {
  const { strategyAjv, kindSchemaRef } = await import('../src/validate/schema-validators.ts');
  const { KINDS } = await import('../src/spec/kinds.ts');
  const ajv = strategyAjv({ source: true, esm: true, formats: _`schemaFormats` });
  const validators = standaloneCode(ajv, Object.fromEntries(KINDS.map((kind) => [kind, kindSchemaRef(kind)])));
  const contents = [
    "import { SCHEMA_FORMATS as schemaFormats } from './schema-formats.ts';",
    "import { KINDS } from '../spec/kinds.ts';",
    validators,
    `const byKind = { ${KINDS.join(', ')} };`,
    // Made once: schemaValidators() is asked for every document.
    'const validators = new Map(KINDS.map((kind) => [kind, byKind[kind]]));',
    'export function schemaValidators() { return validators; }',
  ].join('\n');
  return {
    name: 'precompiled-schema-validators',
    setup(plugin) {
      plugin.onLoad({ filter: /[\\/]src[\\/]validate[\\/]schema-validators\.ts$/ }, (args) => ({ contents, loader: 'js', resolveDir: path.dirname(args.path) }));
    },
  };
}

/**
 * Builds into `outdir`, which must sit two folders below the package root (like lib/cli/): the
 * modules find package.json and the site's sources from their own location.
 */
export async function buildCli(outdir = `${root}lib/cli`) {
  const { build } = await import('esbuild');
  // A source saved while the build runs must count as newer than it (see bin/compiled-cli.js).
  const started = new Date();
  rmSync(outdir, { recursive: true, force: true });
  await build({
    absWorkingDir: root,
    entryPoints: { main: 'src/cli/main.ts' },
    outdir,
    bundle: true,
    // Keeps `await import()` of the site commands lazy: `check` and `status` never load Astro.
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node22.12',
    // yaml, ajv and papaparse are bundled too: resolving and loading their files one by one cost
    // a tenth of a second of every `check`. The site's stack stays in node_modules, loaded only
    // by `build` and `dev`, as Astro expects to find it there.
    external: ['astro', '@astrojs/*', 'react', 'react-dom', 'react/*', 'vite', 'tsx', 'tsx/*'],
    // ajv is CommonJS and calls require(); an ES module has none of its own.
    banner: { js: "import { createRequire as createRequireForBundle } from 'node:module'; const require = createRequireForBundle(import.meta.url);" },
    sourcemap: 'linked',
    plugins: [await precompiledSchemaValidators()],
    logLevel: 'warning',
  });
  utimesSync(path.join(outdir, 'main.js'), started, started);
}

async function hasEsbuild() {
  try {
    await import('esbuild');
    return true;
  } catch {
    return false;
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  // An install without dev dependencies (npm install --omit=dev) has no esbuild: the CLI then
  // runs from its TypeScript sources, which is slower to start but the same program.
  if (await hasEsbuild()) await buildCli();
  else console.warn('goalpost: esbuild is not installed, so the CLI is not compiled and runs from its TypeScript sources.');
}
