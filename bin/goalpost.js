#!/usr/bin/env node
// Entry point of the `goalpost` command. The sources are TypeScript; tsx compiles them on the
// fly so that the CLI works straight after `npm install`, with no build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
