// Many blobs in one git process: `git cat-file --batch` answers each object name on stdin with
// `<oid> <type> <size>\n<content>\n`, in order. Sizes come from git, so contents may hold any
// bytes, newlines included.
import { GitError, runGit } from './git.ts';

export async function readBlobs(cwd: string, objects: readonly string[]): Promise<Uint8Array[]> {
  if (objects.length === 0) return [];
  const output = await runGit(cwd, ['cat-file', '--batch'], `${objects.join('\n')}\n`);
  const blobs: Uint8Array[] = [];
  let at = 0;
  for (const object of objects) {
    const end = output.indexOf(0x0a, at);
    if (end < 0) throw new GitError(`git cat-file gave no answer for ${object}`, null, '');
    const header = output.subarray(at, end).toString('utf8').split(' ');
    if (header.length !== 3) throw new GitError(`git cat-file could not read ${object}: ${header.slice(1).join(' ')}`, null, '');
    const size = Number(header[2]);
    blobs.push(new Uint8Array(output.subarray(end + 1, end + 1 + size)));
    at = end + 1 + size + 1;
  }
  return blobs;
}
