// Every CLI command, in the order `goalpost --help` lists them.
import type { Command } from '../command.ts';
import { checkCommand } from './check.ts';
import { diffCommand } from './diff.ts';
import { initCommand } from './init.ts';
import { schemaCommand } from './schema.ts';
import { statusCommand } from './status.ts';

export const COMMANDS: readonly Command[] = [checkCommand, statusCommand, diffCommand, initCommand, schemaCommand];
