// The only door to the outside world. The CLI passes real effects; tests pass fakes, so the
// whole program runs in-process with no disk, clock or terminal of its own.
import { closeSync, promises as fs, createReadStream, openSync, readFileSync, readSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';

export interface FileSystem {
  /** Files below `dir` (recursive) whose names end with one of `extensions`, as paths relative to `dir` with `/`, sorted. Missing dir: []. */
  listFiles(dir: string, extensions: readonly string[]): Promise<string[]>;
  readFile(file: string): Promise<Uint8Array>;
  fileSize(file: string): Promise<number>;
  createReadStream(file: string): Readable;
  /**
   * The file's bytes in order, read into buffers that are reused: a chunk is valid only until
   * the next one is asked for. Optional (readers fall back to createReadStream): a stream makes
   * a new 64 KB buffer per chunk, and for a 400 MB CSV that garbage set off full collections.
   */
  readChunks?(file: string): AsyncIterable<Uint8Array>;
  exists(file: string): Promise<boolean>;
  /** Creates the file; fails if it exists (nothing is ever overwritten by accident). */
  writeFile(file: string, content: string): Promise<void>;
  appendFile(file: string, content: string): Promise<void>;
  mkdir(dir: string): Promise<void>;
}

export interface Effects {
  fs: FileSystem;
  stdout(text: string): void;
  stderr(text: string): void;
  env: Record<string, string | undefined>;
  /** Today's date as YYYY-MM-DD in local time; only the CLI asks. */
  today(): string;
  cwd: string;
  /** Whether stdout is a terminal that shows colour. */
  color: boolean;
}

/**
 * Collects the files under `dir` whose names end with one of `extensions`. Symbolic links are
 * followed, as git checks them out: a link to a folder is walked (once: `seen` holds the real
 * paths of the folders walked, so a link cycle ends), and a link whose target is missing is
 * listed, so that reading it reports the broken link instead of skipping it silently. A folder
 * below `dir` that cannot be listed (no permission, a path longer than the system allows, a name
 * that is not UTF-8) is listed itself for the same reason: reading it says why.
 * Two things are refused with an error that names them (the CLI prints it in one line), since
 * reading them is never what the workspace means: a link that leads out of the workspace (the
 * folder above `dir`, as in <root>/strategy), whose content findings would quote (a pull request
 * linking goals.yaml to /proc/self/environ would print CI's secrets); and a named pipe, device or
 * socket, which a read would wait on forever (a FIFO) or never finish (/dev/zero).
 */
async function walk(dir: string, extensions: readonly string[], prefix: string, out: string[], seen: Set<string>, workspace?: string): Promise<void> {
  const inside = workspace ?? (await fs.realpath(path.dirname(dir)).catch(() => path.resolve(path.dirname(dir))));
  const refuse = (full: string, code: string, cause: string) => Object.assign(new Error(cause), { code, path: full });
  let entries;
  try {
    const real = await fs.realpath(dir);
    if (seen.has(real)) return;
    seen.add(real);
    if (prefix === '' && !isWithin(real, inside)) throw refuse(dir, 'EOUTSIDE', `it leads to ${real}, outside the workspace ${inside}, and Goalpost reads nothing outside it`);
    entries = await fs.readdir(dir, { withFileTypes: true });
  } catch (error) {
    if (prefix !== '') out.push(prefix);
    else if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    return;
  }
  const wanted = (name: string) => extensions.some((ext) => name.toLowerCase().endsWith(ext));
  for (const entry of entries) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
    const full = path.join(dir, entry.name);
    const target = entry.isSymbolicLink() ? await fs.stat(full).catch(() => null) : entry;
    if (!target?.isDirectory() && !wanted(entry.name)) continue;
    if (target !== null && entry.isSymbolicLink()) {
      const real = await fs.realpath(full).catch(() => null);
      if (real !== null && !isWithin(real, inside)) throw refuse(full, 'EOUTSIDE', `it is a symbolic link to ${real}, outside the workspace ${inside}, and Goalpost reads nothing outside it`);
    }
    if (target?.isDirectory()) await walk(full, extensions, relative, out, seen, inside);
    else if (target === null || target.isFile()) out.push(relative);
    else throw refuse(full, 'EFTYPE', `it is ${target.isFIFO() ? 'a named pipe' : target.isSocket() ? 'a socket' : 'a device'}, not a file, and reading it would wait or never end`);
  }
}

/** Whether the real path `file` is `folder` or below it. */
function isWithin(file: string, folder: string): boolean {
  return file === folder || file.startsWith(folder.endsWith(path.sep) ? folder : `${folder}${path.sep}`);
}

/** What a read stream reads at a time. */
const CHUNK_BYTES = 64 * 1024;

export const nodeFileSystem: FileSystem = {
  async listFiles(dir, extensions) {
    const out: string[] = [];
    await walk(dir, extensions, '', out, new Set());
    return out.sort();
  },
  // Synchronous under the promise: strategy files are small and read one after another, and
  // fs.promises takes four thread-pool round trips a file (open, stat, read, close), which left
  // `check` of 1,000 goal files idle for 0.4 s.
  async readFile(file) {
    return readFileSync(file);
  },
  async fileSize(file) {
    return statSync(file).size;
  },
  createReadStream(file) {
    return createReadStream(file);
  },
  // Synchronous, as readFile: a thread-pool round trip per chunk cost more than the read.
  async *readChunks(file) {
    const handle = openSync(file, 'r');
    try {
      const buffer = Buffer.allocUnsafeSlow(CHUNK_BYTES);
      for (let bytesRead = readSync(handle, buffer); bytesRead > 0; bytesRead = readSync(handle, buffer)) yield buffer.subarray(0, bytesRead);
    } finally {
      closeSync(handle);
    }
  },
  async exists(file) {
    try {
      await fs.access(file);
      return true;
    } catch {
      return false;
    }
  },
  async writeFile(file, content) {
    await fs.writeFile(file, content, { flag: 'wx' });
  },
  async appendFile(file, content) {
    await fs.appendFile(file, content);
  },
  async mkdir(dir) {
    await fs.mkdir(dir, { recursive: true });
  },
};

function localToday(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export function nodeEffects(): Effects {
  return {
    fs: nodeFileSystem,
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    env: process.env,
    today: localToday,
    cwd: process.cwd(),
    color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
  };
}
