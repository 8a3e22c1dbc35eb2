// The shape every subcommand has. Options are declared for node:util's parseArgs, so unknown
// flags are refused (exit 2) and `--help` text is generated from the same declarations.
import type { Effects } from '../effects.ts';
import { CliError } from './cli-error.ts';

export interface OptionSpec {
  name: string;
  type: 'string' | 'boolean';
  short?: string;
  /** Shown in --help, e.g. `DIR`. */
  value?: string;
  description: string;
  multiple?: boolean;
}

export interface CommandInput {
  effects: Effects;
  values: Record<string, string | boolean | string[] | undefined>;
  positionals: string[];
}

export interface Command {
  name: string;
  summary: string;
  /** e.g. `goalpost check [--root DIR] [--format pretty|json|github|sarif]` */
  usage: string;
  examples: string[];
  options: OptionSpec[];
  /** Positional arguments allowed at most. */
  maxPositionals: number;
  /** Resolves to the process exit code. Throws CliError when the command cannot run. */
  run(input: CommandInput): Promise<number>;
}

export const ROOT_OPTION: OptionSpec = {
  name: 'root',
  type: 'string',
  value: 'DIR',
  description: 'the workspace folder holding strategy/ and data/ (default: the nearest folder holding strategy/, from the current one up)',
};

export const AS_OF_OPTION: OptionSpec = {
  name: 'as-of',
  type: 'string',
  value: 'YYYY-MM-DD',
  description: "the date to compute progress at (default: the Workspace's asOf, else today)",
};

export const STRICT_OPTION: OptionSpec = { name: 'strict', type: 'boolean', description: 'fail (exit 1) on warnings too' };

/** The --format value: one of `formats`, the first when none is given; any other stops the command (exit 2). */
export function chosenFormat<Format extends string>(value: unknown, formats: readonly Format[]): Format {
  const format = value ?? formats[0];
  if (!formats.includes(format as Format)) throw new CliError(`unknown format "${String(format)}"`, 2, `Use one of ${formats.join(', ')}.`);
  return format as Format;
}
