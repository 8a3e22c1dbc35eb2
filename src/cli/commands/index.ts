// Every CLI command, in the order `goalpost --help` lists them.
import type { Command } from '../command.ts';
import { buildCommand } from './build.ts';
import { checkCommand } from './check.ts';
import { devCommand } from './dev.ts';
import { diffCommand } from './diff.ts';
import { initCommand } from './init.ts';
import { metricsCommand } from './metrics.ts';
import { schemaCommand } from './schema.ts';
import { previewCommand } from './preview.ts';
import { statusCommand } from './status.ts';

export const COMMANDS: readonly Command[] = [checkCommand, statusCommand, metricsCommand, diffCommand, buildCommand, devCommand, previewCommand, initCommand, schemaCommand];
