// Every CLI command, in the order `goalpost --help` lists them.
import type { Command } from '../command.ts';
import { checkCommand } from './check.ts';
import { initCommand } from './init.ts';
import { schemaCommand } from './schema.ts';

export const COMMANDS: readonly Command[] = [checkCommand, initCommand, schemaCommand];
