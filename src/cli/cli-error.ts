// The one error the CLI throws on purpose: the command itself cannot run (bad flag, missing
// root). main() catches it once and exits with its code; anything else is a bug and shows a
// stack trace only under --debug.
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = 2,
    readonly hint?: string,
  ) {
    super(message);
    this.name = 'CliError';
  }
}
