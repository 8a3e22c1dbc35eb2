// The FileSystem of one commit, read straight from git's object store: no checkout, so it
// works in a shallow CI clone that has fetched the base. The pipeline sees the same absolute
// paths as on disk; they are mapped to repository paths through the workspace's prefix, and
// anything outside the workspace does not exist. Read-only: writes throw.
// Listing mirrors nodeFileSystem: blobs only (no symlinks), dot-folders and node_modules
// skipped, paths relative to the listed folder, sorted. A git submodule (strategy/ kept in a
// repository of its own, say) is read like the disk shows it: at the commit the revision records
// for it, from the submodule's own repository, which must be checked out in this working tree.
import path from 'node:path';
import type { Readable } from 'node:stream';
import type { FileSystem } from '../effects.ts';
import { MAX_STRATEGY_FILE_BYTES } from '../parse/load-strategy.ts';
import { readBlobs } from './read-blobs.ts';
import { runGit, gitSucceeds, spawnGit, GitError } from './git.ts';
import { RevisionError, type RepoLocation } from './git-revisions.ts';

interface Entry {
  /** The repository that holds the blob: the top one, or a submodule's. */
  cwd: string;
  oid: string;
  size: number;
  /** The paths listed together with this one; the first read fetches all of them at once. */
  group: string[];
}

/** One repository at one commit, and where it sits in the top repository ('' for the top one). */
interface TreeAt {
  cwd: string;
  commit: string;
  at: string;
}

const notFound = (file: string) => Object.assign(new Error(`ENOENT: ${file} is not in the revision`), { code: 'ENOENT' });
const joined = (...parts: string[]) => parts.filter(Boolean).join('/');

/** `git ls-tree -r -l` of `dir` (a path in the tree, '' for all): blobs, and gitlinks (submodules). */
async function listTree(tree: TreeAt, dir: string): Promise<{ blobs: { path: string; oid: string; size: number; mode: string }[]; submodules: { path: string; commit: string }[] }> {
  const output = (await runGit(tree.cwd, ['ls-tree', '-r', '-z', '-l', tree.commit, ...(dir ? ['--', dir] : [])])).toString('utf8');
  const blobs: { path: string; oid: string; size: number; mode: string }[] = [];
  const submodules: { path: string; commit: string }[] = [];
  for (const record of output.split('\0')) {
    const tab = record.indexOf('\t');
    if (tab < 0) continue;
    const [mode, type, oid, size] = record.slice(0, tab).split(/ +/);
    const entryPath = record.slice(tab + 1);
    if (type === 'commit') submodules.push({ path: entryPath, commit: oid! });
    else if (type === 'blob') blobs.push({ path: entryPath, oid: oid!, size: Number(size), mode: mode! });
  }
  return { blobs, submodules };
}

/** The submodule at `sub` (a path in `tree`) at `commit`, from its checkout in the working tree. */
async function openSubmodule(tree: TreeAt, sub: string, commit: string): Promise<TreeAt> {
  const cwd = path.join(tree.cwd, ...sub.split('/'));
  const at = joined(tree.at, sub);
  let toplevel = '';
  try {
    toplevel = (await runGit(cwd, ['rev-parse', '--show-toplevel'])).toString('utf8').trim();
  } catch (error) {
    if (!(error instanceof GitError)) throw error;
  }
  if (path.resolve(toplevel) !== path.resolve(cwd)) {
    throw new RevisionError(`${at} is a git submodule that is not checked out here, so its files at that revision cannot be read`, 'Check it out first: `git submodule update --init` (in CI: actions/checkout with `submodules: true`).');
  }
  if (!(await gitSucceeds(cwd, ['cat-file', '-e', `${commit}^{commit}`]))) {
    throw new RevisionError(`the submodule ${at} lacks commit ${commit.slice(0, 12)}, which the revision records for it`, `Fetch it: \`git -C ${at} fetch\` (or \`git submodule update --init\`).`);
  }
  return { cwd, commit, at };
}

export function gitFileSystem(location: RepoLocation, root: string, commit: string): FileSystem {
  const entries = new Map<string, Entry>();
  const fetched = new Map<string, Uint8Array>();

  /** The repository path of an absolute path, or null outside the workspace. */
  const toRepo = (file: string): string | null => {
    const relative = path.relative(root, file);
    if (relative.startsWith('..') || path.isAbsolute(relative)) return null;
    return [location.prefix, ...relative.split(path.sep)].filter(Boolean).join('/');
  };
  const objectName = (repoPath: string) => entries.get(repoPath)?.oid ?? `${commit}:${repoPath}`;

  async function fetchGroup(entry: Entry): Promise<void> {
    // loadStrategy reads every listed file; one `cat-file --batch` beats a process per file.
    const wanted = entry.group.filter((p) => !fetched.has(p) && entries.get(p)!.size <= MAX_STRATEGY_FILE_BYTES);
    // One `cat-file --batch` a repository: a submodule's blobs are in its own object store.
    for (const cwd of new Set(wanted.map((p) => entries.get(p)!.cwd))) {
      const here = wanted.filter((p) => entries.get(p)!.cwd === cwd);
      const blobs = await readBlobs(cwd, here.map((p) => entries.get(p)!.oid));
      here.forEach((p, i) => fetched.set(p, blobs[i]!));
    }
  }

  /** Lists `dir` (a path in `tree`) into `found`, following submodules inside or around it. */
  async function collect(tree: TreeAt, dir: string, found: [string, { cwd: string; oid: string; size: number }][]): Promise<void> {
    const { blobs, submodules } = await listTree(tree, dir);
    for (const blob of blobs) if (blob.mode !== '120000') found.push([joined(tree.at, blob.path), { cwd: tree.cwd, oid: blob.oid, size: blob.size }]);
    for (const sub of submodules) {
      // `ls-tree -- strategy/goals` names the submodule `strategy` when it holds the folder.
      const inside = dir && dir !== sub.path && dir.startsWith(`${sub.path}/`) ? dir.slice(sub.path.length + 1) : '';
      if (dir && !inside && dir !== sub.path && !sub.path.startsWith(`${dir}/`)) continue;
      if (sub.path.split('/').some((part) => part.startsWith('.') || part === 'node_modules')) continue;
      await collect(await openSubmodule(tree, sub.path, sub.commit), inside, found);
    }
  }

  return {
    async listFiles(dir, extensions) {
      const repoDir = toRepo(dir);
      if (repoDir === null) return [];
      const found: [string, { cwd: string; oid: string; size: number }][] = [];
      await collect({ cwd: location.toplevel, commit, at: '' }, repoDir, found);
      const listed: [string, Entry][] = [];
      const group: string[] = [];
      for (const [repoPath, blob] of found) {
        if (repoDir && !repoPath.startsWith(`${repoDir}/`)) continue;
        const relative = repoDir ? repoPath.slice(repoDir.length + 1) : repoPath;
        const name = relative.toLowerCase();
        if (relative.split('/').some((part) => part.startsWith('.') || part === 'node_modules')) continue;
        if (!extensions.some((ext) => name.endsWith(ext))) continue;
        listed.push([relative, { ...blob, group }]);
        group.push(repoPath);
        entries.set(repoPath, listed.at(-1)![1]);
      }
      return listed.map(([relative]) => relative).sort();
    },
    async readFile(file) {
      const repoPath = toRepo(file);
      if (repoPath === null) throw notFound(file);
      const entry = entries.get(repoPath);
      if (entry && !fetched.has(repoPath)) await fetchGroup(entry);
      const content = fetched.get(repoPath);
      if (content) return content;
      try {
        return new Uint8Array(await runGit(entry?.cwd ?? location.toplevel, ['cat-file', 'blob', objectName(repoPath)]));
      } catch (error) {
        throw error instanceof GitError ? notFound(file) : error;
      }
    },
    async fileSize(file) {
      const repoPath = toRepo(file);
      if (repoPath === null) throw notFound(file);
      const entry = entries.get(repoPath);
      if (entry) return entry.size;
      try {
        return Number((await runGit(location.toplevel, ['cat-file', '-s', objectName(repoPath)])).toString('utf8').trim());
      } catch (error) {
        throw error instanceof GitError ? notFound(file) : error;
      }
    },
    createReadStream(file): Readable {
      const repoPath = toRepo(file);
      if (repoPath === null) throw notFound(file);
      const child = spawnGit(entries.get(repoPath)?.cwd ?? location.toplevel, ['cat-file', 'blob', objectName(repoPath)]);
      child.stdin.end();
      child.on('error', (error) => child.stdout.destroy(error));
      child.on('close', (code) => {
        if (code !== 0) child.stdout.destroy(notFound(file));
      });
      return child.stdout;
    },
    async exists(file) {
      const repoPath = toRepo(file);
      if (repoPath === null) return false;
      if (repoPath === '' || entries.has(repoPath)) return true;
      return gitSucceeds(location.toplevel, ['cat-file', '-e', `${commit}:${repoPath}`]);
    },
    async writeFile(file) {
      throw new Error(`cannot write ${file}: a git revision is read-only`);
    },
    async appendFile(file) {
      throw new Error(`cannot write ${file}: a git revision is read-only`);
    },
    async mkdir(dir) {
      throw new Error(`cannot create ${dir}: a git revision is read-only`);
    },
  };
}
