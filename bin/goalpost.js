#!/usr/bin/env node
// Entry point of the `goalpost` command. It runs the compiled CLI in lib/cli/ (built from src/
// by `npm install`, see scripts/build-cli.mjs) when that build is newer than every source or
// belongs to an installed package (see compiled-cli.js), and otherwise the TypeScript sources
// themselves, whose types Node 22.18+ and 24 strip natively. So an edited source is never run
// stale.
import module from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { freshCompiledEntry } from './compiled-cli.js';
import { allowTypeScriptSources } from './typescript-sources.js';

// Node 22.1+ keeps compiled (and type-stripped) modules in a cache in the temporary folder,
// which halves the start of every later run on Node 24. Older Node lacks it; a folder that
// cannot be written just leaves the cache off.
module.enableCompileCache?.();
const compiled = freshCompiledEntry(fileURLToPath(new URL('../lib/cli/main.js', import.meta.url)), fileURLToPath(new URL('../src', import.meta.url)));
const argv = process.argv.slice(2);
let main;
if (compiled) {
  // Stack traces (shown with --debug) then point into src/, not into the bundle.
  if (argv.includes('--debug')) process.setSourceMapsEnabled(true);
  ({ main } = await import(pathToFileURL(compiled).href));
} else {
  allowTypeScriptSources();
  ({ main } = await import('../src/cli/main.ts'));
}
process.exitCode = await main(argv);
