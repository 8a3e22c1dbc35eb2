// Temporary git repositories for the diff tests: copy a fixture workspace, commit it, edit,
// commit again. git runs without a shell and with a fixed identity, so no global config or
// hook of the machine leaks in.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const DIFF_FIXTURE = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'diff', 'base');

const GIT_ENV = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: os.devNull, GIT_AUTHOR_DATE: '2026-06-01T00:00:00Z', GIT_COMMITTER_DATE: '2026-06-01T00:00:00Z' };

export interface TempRepo {
  dir: string;
  /** The workspace root: `dir`, or a subfolder of it. */
  root: string;
  git(...args: string[]): string;
  read(file: string): string;
  write(file: string, text: string): void;
  /** Replaces text in a workspace file; fails when the text is not there. */
  edit(file: string, from: string | RegExp, to: string): void;
  remove(file: string): void;
  move(from: string, to: string): void;
  commit(message: string): string;
  cleanup(): void;
}

export function createRepo(options: { subfolder?: string; fixture?: string } = {}): TempRepo {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'goalpost-diff-'));
  const root = options.subfolder ? path.join(dir, options.subfolder) : dir;
  cpSync(options.fixture ?? DIFF_FIXTURE, root, { recursive: true });
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, env: GIT_ENV, encoding: 'utf8' }).trim();
  const full = (file: string) => path.join(root, file);
  const repo: TempRepo = {
    dir,
    root,
    git,
    read: (file) => readFileSync(full(file), 'utf8'),
    write(file, text) {
      mkdirSync(path.dirname(full(file)), { recursive: true });
      writeFileSync(full(file), text);
    },
    edit(file, from, to) {
      const before = repo.read(file);
      const after = before.replace(from, to);
      if (after === before) throw new Error(`the edit did not change ${file}`);
      writeFileSync(full(file), after);
    },
    remove: (file) => rmSync(full(file)),
    move(from, to) {
      mkdirSync(path.dirname(full(to)), { recursive: true });
      renameSync(full(from), full(to));
    },
    commit(message) {
      git('add', '-A');
      git('-c', 'user.email=test@example.com', '-c', 'user.name=Test', 'commit', '-q', '--no-gpg-sign', '--allow-empty', '-m', message);
      return git('rev-parse', 'HEAD');
    },
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
  git('init', '-q', '-b', 'main');
  repo.commit('base');
  return repo;
}
