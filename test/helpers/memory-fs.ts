// An in-memory FileSystem and Effects so that commands run in-process with no disk.
import path from 'node:path';
import { Readable } from 'node:stream';
import type { Effects, FileSystem } from '../../src/effects.ts';

export type FileMap = Record<string, string | Uint8Array>;

export function memoryFileSystem(files: FileMap, root = '/ws'): FileSystem & { files: Map<string, string | Uint8Array> } {
  const store = new Map<string, string | Uint8Array>(Object.entries(files).map(([name, content]) => [path.join(root, name), content]));
  const bytes = (file: string) => {
    const content = store.get(file);
    if (content === undefined) throw Object.assign(new Error(`ENOENT: ${file}`), { code: 'ENOENT' });
    return typeof content === 'string' ? new TextEncoder().encode(content) : content;
  };
  return {
    files: store,
    async listFiles(dir, extensions) {
      const prefix = dir.endsWith('/') ? dir : `${dir}/`;
      return [...store.keys()]
        .filter((file) => file.startsWith(prefix) && extensions.some((ext) => file.toLowerCase().endsWith(ext)))
        .map((file) => file.slice(prefix.length))
        .sort();
    },
    async readFile(file) {
      return bytes(file);
    },
    async fileSize(file) {
      return bytes(file).length;
    },
    createReadStream(file) {
      return Readable.from([Buffer.from(bytes(file))]);
    },
    async exists(file) {
      if (store.has(file)) return true;
      const prefix = `${file}/`;
      return [...store.keys()].some((name) => name.startsWith(prefix)) || file === root;
    },
    async writeFile(file, content) {
      if (store.has(file)) throw Object.assign(new Error(`EEXIST: ${file}`), { code: 'EEXIST' });
      store.set(file, content);
    },
    async appendFile(file, content) {
      const previous = store.get(file);
      store.set(file, `${previous === undefined ? '' : typeof previous === 'string' ? previous : new TextDecoder().decode(previous)}${content}`);
    },
    async mkdir() {},
  };
}

export interface CapturedEffects extends Effects {
  out: () => string;
  err: () => string;
}

export function memoryEffects(fs: FileSystem, options: { cwd?: string; today?: string; env?: Record<string, string> } = {}): CapturedEffects {
  let out = '';
  let err = '';
  return {
    fs,
    stdout: (text) => void (out += text),
    stderr: (text) => void (err += text),
    env: options.env ?? {},
    today: () => options.today ?? '2026-06-30',
    cwd: options.cwd ?? '/ws',
    color: false,
    out: () => out,
    err: () => err,
  };
}
