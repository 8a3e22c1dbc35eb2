#!/usr/bin/env node
// Entry point of the `goalpost` command. The sources are TypeScript written as erasable syntax
// only, so Node 22.18+ and 24 run them directly (type stripping); on older Node, tsx compiles
// them on the fly. Either way the CLI works straight after `npm install`, with no build step.
import module from 'node:module';

// Node 22.1+ keeps the compiled (and type-stripped) modules in a cache in the temporary folder,
// which halves the start of every later run on Node 24. Older Node lacks it; a folder that
// cannot be written just leaves the cache off.
module.enableCompileCache?.();
if (!process.features.typescript) {
  const { register } = await import('tsx/esm/api');
  register();
}
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
