// The git repository a folder lies in, found by its `.git` (a folder, or a file in a worktree or
// submodule): where GitHub reads workflows from and names files from.
import path from 'node:path';
import type { Effects } from '../effects.ts';

/** The nearest folder at or above `from` that holds `.git`, or null outside a repository. */
export async function repositoryTop(effects: Effects, from: string): Promise<string | null> {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (await effects.fs.exists(path.join(dir, '.git'))) return dir;
    if (path.dirname(dir) === dir) return null;
  }
}
