// The CLI's top: picks the command, parses its flags with node:util (unknown flags are
// refused), runs it, and turns a CliError, or a file-system error about a path the user gave
// (a folder it cannot read, a path too long), into a one-line message and exit code 2. A stack
// trace is shown only with --debug.
import { parseArgs } from 'node:util';
import { nodeEffects, type Effects } from '../effects.ts';
import { describeReadError, isFileSystemError } from '../util/read-error.ts';
import { CliError } from './cli-error.ts';
import type { Command } from './command.ts';
import { COMMANDS } from './commands/index.ts';
import { toolVersion } from './version.ts';
import { closestMatch, closestMatches, listOfChoices } from '../util/closest-match.ts';

function commandHelp(command: Command): string {
  const width = Math.max(...command.options.map((o) => `--${o.name}${o.value ? ` ${o.value}` : ''}`.length), 10);
  const options = command.options.map((o) => `  ${`--${o.name}${o.value ? ` ${o.value}` : ''}`.padEnd(width)}  ${o.description}`);
  return [
    `${command.summary}`,
    '',
    `Usage: ${command.usage}`,
    ...(options.length ? ['', 'Options:', ...options] : []),
    '',
    'Examples:',
    ...command.examples.map((e) => `  ${e}`),
    '',
  ].join('\n');
}

function mainHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    'goalpost: run a customer-service strategy as code.',
    '',
    'Usage: goalpost <command> [options]',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Run `goalpost <command> --help` for a command\'s options.',
    'Exit codes: 0 clean, 1 the workspace has errors, 2 the command could not run.',
    '',
  ].join('\n');
}

/**
 * The process's own effects, with a stdout that falls silent once the program reading it has
 * gone: `goalpost check --format json | head -1` closes the pipe after one line, and the next
 * write's EPIPE, emitted on a stream without an error listener, ended the process with a stack
 * trace. Any other write error (a full disk under `> out.json`) is told on stderr, and `main`
 * then exits 2, since the output is incomplete.
 */
function processEffects(): Effects & { outputFailed(): string | null } {
  const effects = nodeEffects();
  let closed = false;
  let failure: string | null = null;
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (!closed && error.code !== 'EPIPE') {
      failure = describeReadError(error);
      process.stderr.write(`goalpost: the output could not be written: ${failure}\n`);
    }
    closed = true;
  });
  return {
    ...effects,
    stdout: (text) => {
      if (!closed) effects.stdout(text);
    },
    outputFailed: () => failure,
  };
}

/** Runs one command; `effects` defaults to the process's own (tests pass fakes). */
export async function main(argv: readonly string[], given?: Effects): Promise<number> {
  if (given) return runCommand(argv, given);
  const effects = processEffects();
  const code = await runCommand(argv, effects);
  return effects.outputFailed() === null ? code : 2;
}

async function runCommand(argv: readonly string[], effects: Effects): Promise<number> {
  const debug = argv.includes('--debug');
  const args = argv.filter((arg) => arg !== '--debug');
  const [name, ...rest] = args;
  try {
    if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
      effects.stdout(mainHelp());
      return name === undefined ? 2 : 0;
    }
    if (name === '--version' || name === '-v') {
      effects.stdout(`${toolVersion()}\n`);
      return 0;
    }
    const command = COMMANDS.find((c) => c.name === name);
    if (!command) throw unknownCommand(name);
    if (rest.includes('--help') || rest.includes('-h')) {
      effects.stdout(commandHelp(command));
      return 0;
    }
    let parsed;
    try {
      parsed = parseArgs({
        args: [...rest],
        options: Object.fromEntries(command.options.map((o) => [o.name, { type: o.type, ...(o.short ? { short: o.short } : {}), ...(o.multiple ? { multiple: true } : {}) }])),
        allowPositionals: true,
        strict: true,
        tokens: true,
      });
    } catch (error) {
      throw optionError(error as Error & { code?: string }, command);
    }
    // parseArgs keeps the last of a repeated option: `--kpi frt --kpi csat` would quietly print
    // csat. The same value twice (a flag an npm script already passes) is harmless.
    const given = new Map<string, string | undefined>();
    for (const token of parsed.tokens ?? []) {
      if (token.kind !== 'option' || command.options.find((o) => o.name === token.name)?.multiple) continue;
      if (given.has(token.name) && given.get(token.name) !== token.value) {
        throw new CliError(`--${token.name} is given twice, as ${given.get(token.name)} and ${token.value}`, 2, `Give it once. Usage: ${command.usage}`);
      }
      given.set(token.name, token.value);
    }
    if (parsed.positionals.length > command.maxPositionals) {
      throw new CliError(`unexpected argument "${parsed.positionals[command.maxPositionals]}"`, 2, `Usage: ${command.usage}`);
    }
    return await command.run({ effects, values: parsed.values as Record<string, string | boolean | string[] | undefined>, positionals: parsed.positionals });
  } catch (error) {
    if (error instanceof CliError) {
      effects.stderr(`goalpost: ${error.message}\n${error.hint ? `hint: ${error.hint}\n` : ''}`);
      if (debug) effects.stderr(`${error.stack ?? ''}\n`);
      return error.exitCode;
    }
    if (isFileSystemError(error)) {
      // A path the user pointed at (or a folder inside the workspace) that the command cannot use.
      effects.stderr(`goalpost: ${error.path}: ${describeReadError(error)}\n`);
      if (debug) effects.stderr(`${error.stack ?? ''}\n`);
      return 2;
    }
    effects.stderr(`goalpost: internal error: ${(error as Error)?.message ?? String(error)}\n`);
    effects.stderr(debug ? `${(error as Error)?.stack ?? ''}\n` : 'Run again with --debug for the stack trace, and report it as a bug.\n');
    return 2;
  }
}

/** `goalpost stauts`: the closest commands (every one as close), then the list of all. */
function unknownCommand(name: string): CliError {
  const names = COMMANDS.map((c) => c.name);
  const closest = closestMatches(name, names);
  return new CliError(`unknown command "${name}"`, 2, `${closest.length > 0 ? `Did you mean ${listOfChoices(closest)}? ` : ''}Commands: ${names.join(', ')}.`);
}

/** parseArgs' complaint in the CLI's words: an unknown option gets the closest known one. */
function optionError(error: Error & { code?: string }, command: Command): CliError {
  const usage = `Usage: ${command.usage}`;
  const unknown = /^Unknown option '([^']+)'/.exec(error.message)?.[1];
  if (error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && unknown) {
    const names = command.options.map((option) => option.name);
    // `status --json` is a flag, `check` writes JSON as one of its formats.
    const asFormat = /^--js[a-z]*$/.test(unknown) && names.includes('format') ? 'format json' : undefined;
    const suggestion = asFormat ?? closestMatch(unknown.replace(/^-+/, ''), names);
    return new CliError(`unknown option ${unknown} for \`goalpost ${command.name}\``, 2, suggestion ? `Did you mean --${suggestion}? ${usage}` : usage);
  }
  const missing = /^Option '(--[a-z-]+) <value>' argument missing/.exec(error.message)?.[1];
  if (missing) {
    const option = command.options.find((o) => `--${o.name}` === missing);
    return new CliError(`${missing} needs a value${option?.value ? ` (${option.value})` : ''}`, 2, usage);
  }
  return new CliError(error.message.split('\n')[0]!, 2, usage);
}
