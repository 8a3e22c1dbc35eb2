// A FileSystem over in-memory files whose read streams deliver bytes in tiny chunks, to prove
// that multi-byte characters and line endings split between chunks survive.
import path from 'node:path';
import { Readable } from 'node:stream';
import type { FileSystem } from '../../src/effects.ts';
import { memoryFileSystem, type FileMap } from '../helpers/memory-fs.ts';

export function byteChunks(content: string | Uint8Array, size: number): Readable {
  const bytes = Buffer.from(typeof content === 'string' ? new TextEncoder().encode(content) : content);
  let offset = 0;
  return new Readable({
    read() {
      if (offset >= bytes.length) this.push(null);
      else this.push(bytes.subarray(offset, (offset += size)));
    },
  });
}

export function chunkedFileSystem(files: FileMap, chunkSize: number, root = '/ws'): FileSystem {
  const base = memoryFileSystem(files, root);
  return {
    ...base,
    createReadStream(file) {
      const content = base.files.get(path.resolve(file));
      if (content === undefined) throw Object.assign(new Error(`ENOENT: ${file}`), { code: 'ENOENT' });
      return byteChunks(content, chunkSize);
    },
  };
}
