// The only place that starts git. Always an argument array through spawn (never a shell), so
// no revision or path is ever interpreted by one. Pathspecs are literal (GIT_LITERAL_PATHSPECS)
// so a folder named `:(glob)*` is just a folder, and messages are in English for our hints.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';

export class GitError extends Error {
  readonly exitCode: number | null;
  readonly stderr: string;

  constructor(message: string, exitCode: number | null, stderr: string) {
    super(message);
    this.exitCode = exitCode;
    this.stderr = stderr;
    this.name = 'GitError';
  }
}

function gitEnv(): NodeJS.ProcessEnv {
  return { ...process.env, GIT_LITERAL_PATHSPECS: '1', GIT_TERMINAL_PROMPT: '0', GIT_OPTIONAL_LOCKS: '0', LC_ALL: 'C' };
}

export function spawnGit(cwd: string, args: readonly string[]): ChildProcessWithoutNullStreams {
  return spawn('git', [...args], { cwd, env: gitEnv(), stdio: ['pipe', 'pipe', 'pipe'], shell: false, windowsHide: true });
}

/** Runs git to completion and resolves to its stdout; rejects with GitError on a non-zero exit. */
export function runGit(cwd: string, args: readonly string[], input?: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = spawnGit(cwd, args);
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', (error) => reject(new GitError(`could not run git: ${error.message}`, null, '')));
    child.on('close', (code) => {
      const stderr = Buffer.concat(err).toString('utf8').trim();
      if (code === 0) resolve(Buffer.concat(out));
      else reject(new GitError(stderr.split('\n')[0] || `git ${args[0]} failed`, code, stderr));
    });
    // git may exit before reading all of stdin (e.g. a bad revision); that is reported by the exit code.
    child.stdin.on('error', () => {});
    child.stdin.end(input ?? '');
  });
}

/** True when git exits 0, false on any other exit (for `--verify --quiet` and `cat-file -e`). */
export async function gitSucceeds(cwd: string, args: readonly string[]): Promise<boolean> {
  try {
    await runGit(cwd, args);
    return true;
  } catch (error) {
    if (error instanceof GitError && error.exitCode !== null) return false;
    throw error;
  }
}
