#!/usr/bin/env node
// Entry point of the `goalpost` command. The sources are TypeScript written as erasable syntax
// only, so Node 22.18+ and 24 run them directly (type stripping); on older Node, tsx compiles
// them on the fly. Either way the CLI works straight after `npm install`, with no build step.
if (!process.features.typescript) {
  const { register } = await import('tsx/esm/api');
  register();
}
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
