// Where the workspace sits in its repository, and which commits BASE and HEAD name. Every
// revision is verified as a commit before use; one that starts with `-` is refused outright,
// since git would read it as an option (and `--end-of-options` only guards rev-parse).
// Nothing here knows the CLI: problems are RevisionErrors with a hint.
import { GitError, gitSucceeds, runGit } from './git.ts';

/** The revisions cannot be used as given; the CLI turns this into exit 2 with the hint. */
export class RevisionError extends Error {
  readonly hint?: string;

  constructor(message: string, hint?: string) {
    super(message);
    this.hint = hint;
    this.name = 'RevisionError';
  }
}

export interface RepoLocation {
  /** Absolute path of the working tree's top folder. */
  toplevel: string;
  /** The workspace root relative to the toplevel, with `/` and no trailing slash; '' at the top. */
  prefix: string;
}

export interface Revision {
  commit: string;
  /** How the report names it: what the user typed, or "merge base with main". */
  label: string;
}

/** Where the default branch may live, most specific first. */
const DEFAULT_BRANCHES = ['refs/remotes/origin/HEAD', 'main', 'refs/remotes/origin/main', 'master', 'refs/remotes/origin/master'];

export async function locateRepo(root: string): Promise<RepoLocation> {
  let output: string;
  try {
    output = (await runGit(root, ['rev-parse', '--show-toplevel', '--show-prefix'])).toString('utf8');
  } catch (error) {
    if (!(error instanceof GitError)) throw error;
    if (error.exitCode === null) throw new RevisionError(error.message, 'goalpost diff needs git on the PATH.');
    throw new RevisionError(`${root} is not inside a git repository`, 'goalpost diff reads both strategies from git; run it in a clone of the strategy repository.');
  }
  const [toplevel = '', prefix = ''] = output.split('\n');
  return { toplevel, prefix: prefix.replace(/\/$/, '') };
}

async function resolveCommit(toplevel: string, revision: string): Promise<string | null> {
  try {
    return (await runGit(toplevel, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${revision}^{commit}`])).toString('utf8').trim();
  } catch (error) {
    if (error instanceof GitError && error.exitCode !== null) return null;
    throw error;
  }
}

export async function verifyRevision(toplevel: string, revision: string): Promise<Revision> {
  if (revision === '' || revision.startsWith('-')) {
    throw new RevisionError(`refusing the revision "${revision}": it looks like an option, not a commit`, 'Name a branch, tag or commit, e.g. `goalpost diff origin/main`.');
  }
  const commit = await resolveCommit(toplevel, revision);
  if (commit === null) {
    throw new RevisionError(`"${revision}" does not name a commit in this repository`, 'Check the spelling, or fetch it first (in a shallow CI clone: `git fetch --depth=1 origin <sha>`).');
  }
  return { commit, label: revision };
}

/** The merge base of HEAD with the default branch: what a pull request from HEAD would change. */
export async function defaultBase(toplevel: string): Promise<Revision> {
  let branch: string | undefined;
  for (const candidate of DEFAULT_BRANCHES) {
    if ((await resolveCommit(toplevel, candidate)) !== null) {
      branch = candidate;
      break;
    }
  }
  if (branch === undefined) {
    throw new RevisionError('found no default branch to compare with (origin/HEAD, main or master)', 'Pass the base revision: `goalpost diff origin/main`.');
  }
  const name = branch.replace(/^refs\/remotes\//, '');
  if (!(await gitSucceeds(toplevel, ['rev-parse', '--verify', '--quiet', 'HEAD^{commit}']))) {
    throw new RevisionError('the repository has no commit yet, so there is no base to compare with');
  }
  try {
    const commit = (await runGit(toplevel, ['merge-base', 'HEAD', branch])).toString('utf8').trim();
    return { commit, label: `merge base with ${name}` };
  } catch (error) {
    if (!(error instanceof GitError)) throw error;
    throw new RevisionError(`HEAD and ${name} have no common commit in this clone`, 'In a shallow clone fetch more history (actions/checkout with `fetch-depth: 0`), or pass the base revision explicitly.');
  }
}
