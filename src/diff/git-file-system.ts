// The FileSystem of one commit, read straight from git's object store: no checkout, so it
// works in a shallow CI clone that has fetched the base. The pipeline sees the same absolute
// paths as on disk; they are mapped to repository paths through the workspace's prefix, and
// anything outside the workspace does not exist. Read-only: writes throw.
// Listing mirrors nodeFileSystem: blobs only (no symlinks or submodules), dot-folders and
// node_modules skipped, paths relative to the listed folder, sorted.
import path from 'node:path';
import type { Readable } from 'node:stream';
import type { FileSystem } from '../effects.ts';
import { MAX_STRATEGY_FILE_BYTES } from '../parse/load-strategy.ts';
import { readBlobs } from './read-blobs.ts';
import { runGit, gitSucceeds, spawnGit, GitError } from './git.ts';
import type { RepoLocation } from './git-revisions.ts';

interface Entry {
  oid: string;
  size: number;
  /** The paths listed together with this one; the first read fetches all of them at once. */
  group: string[];
}

const notFound = (file: string) => Object.assign(new Error(`ENOENT: ${file} is not in the revision`), { code: 'ENOENT' });

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
    const blobs = await readBlobs(location.toplevel, wanted.map((p) => entries.get(p)!.oid));
    wanted.forEach((p, i) => fetched.set(p, blobs[i]!));
  }

  return {
    async listFiles(dir, extensions) {
      const repoDir = toRepo(dir);
      if (repoDir === null) return [];
      const args = ['ls-tree', '-r', '-z', '-l', commit, ...(repoDir ? ['--', repoDir] : [])];
      const output = (await runGit(location.toplevel, args)).toString('utf8');
      const listed: [string, Entry][] = [];
      const group: string[] = [];
      for (const record of output.split('\0')) {
        const tab = record.indexOf('\t');
        if (tab < 0) continue;
        const [mode, type, oid, size] = record.slice(0, tab).split(/ +/);
        const repoPath = record.slice(tab + 1);
        if (type !== 'blob' || mode === '120000' || (repoDir && !repoPath.startsWith(`${repoDir}/`))) continue;
        const relative = repoDir ? repoPath.slice(repoDir.length + 1) : repoPath;
        const name = relative.toLowerCase();
        if (relative.split('/').some((part) => part.startsWith('.') || part === 'node_modules')) continue;
        if (!extensions.some((ext) => name.endsWith(ext))) continue;
        listed.push([relative, { oid: oid!, size: Number(size), group }]);
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
        return new Uint8Array(await runGit(location.toplevel, ['cat-file', 'blob', objectName(repoPath)]));
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
      const child = spawnGit(location.toplevel, ['cat-file', 'blob', objectName(repoPath)]);
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
