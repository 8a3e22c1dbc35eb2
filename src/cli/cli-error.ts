// The one error the CLI throws on purpose: the command itself cannot run (bad flag, missing
// root). main() catches it once and exits with its code; anything else is a bug and shows a
// stack trace only under --debug.
export class CliError extends Error {
  readonly exitCode: number;
  readonly hint?: string;

  constructor(message: string, exitCode = 2, hint?: string) {
    super(message);
    this.exitCode = exitCode;
    this.hint = hint;
    this.name = 'CliError';
  }
}
