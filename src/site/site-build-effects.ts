// What a site build needs from the outside, in one object that `goalpost build` passes in: the
// file system around the output folder, the working directory (Astro places its server chunks
// by process.cwd()), the environment Astro and Vite read, and which processes are alive (to
// tell a killed build's work folder from a running one's).
import { promises as fs } from 'node:fs';

export interface SiteBuildEffects {
  /** Names in `dir`; throws with `code` ENOENT or ENOTDIR as node:fs does. */
  readdir(dir: string): Promise<string[]>;
  /** Whether `file` is a folder; null when nothing is there. Does not follow a symbolic link. */
  isDirectory(file: string): Promise<boolean | null>;
  mkdir(dir: string): Promise<void>;
  /** Removes a file or a whole folder; nothing there is fine. */
  remove(file: string): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  /** A link at `link` to the folder `target` (a junction on Windows, which needs no privilege). */
  linkFolder(target: string, link: string): Promise<void>;
  writeFile(file: string, content: string): Promise<void>;
  /** Runs `task` with the working directory at `dir`, and restores it afterwards. */
  inDirectory<T>(dir: string, task: () => Promise<T>): Promise<T>;
  /** The environment Astro and Vite read (NODE_ENV, telemetry). */
  env: Record<string, string | undefined>;
  /** This process's id, part of its work folder's name. */
  pid: number;
  isRunning(pid: number): boolean;
}

export function nodeSiteBuildEffects(): SiteBuildEffects {
  return {
    readdir: (dir) => fs.readdir(dir),
    async isDirectory(file) {
      try {
        return (await fs.lstat(file)).isDirectory();
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
    },
    mkdir: async (dir) => void (await fs.mkdir(dir, { recursive: true })),
    remove: (file) => fs.rm(file, { recursive: true, force: true }),
    rename: (from, to) => fs.rename(from, to),
    linkFolder: (target, link) => fs.symlink(target, link, 'junction'),
    writeFile: (file, content) => fs.writeFile(file, content),
    async inDirectory(dir, task) {
      const before = process.cwd();
      process.chdir(dir);
      try {
        return await task();
      } finally {
        process.chdir(before);
      }
    },
    env: process.env,
    pid: process.pid,
    isRunning(pid) {
      try {
        process.kill(pid, 0);
        return true;
      } catch (error) {
        // EPERM: the process exists but belongs to someone else.
        return (error as NodeJS.ErrnoException).code === 'EPERM';
      }
    },
  };
}
