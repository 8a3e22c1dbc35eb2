// Byte sources over in-memory content that deliver it in tiny chunks, to prove that multi-byte
// characters and line endings split between chunks survive: a stream, and chunks read into one
// buffer that is reused (as FileSystem.readChunks reads), scribbled over once the reader asks for
// the next, so that a reader that kept a chunk's bytes would read garbage.
import path from 'node:path';
import { Readable } from 'node:stream';
import type { FileSystem } from '../../src/effects.ts';
import { memoryFileSystem, type FileMap } from '../helpers/memory-fs.ts';

function bytesOf(content: string | Uint8Array): Buffer {
  return Buffer.from(typeof content === 'string' ? new TextEncoder().encode(content) : content);
}

export function byteChunks(content: string | Uint8Array, size: number): Readable {
  const bytes = bytesOf(content);
  let offset = 0;
  return new Readable({
    read() {
      if (offset >= bytes.length) this.push(null);
      else this.push(bytes.subarray(offset, (offset += size)));
    },
  });
}

export async function* reusedChunks(content: string | Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  const bytes = bytesOf(content);
  const buffer = new Uint8Array(size);
  for (let offset = 0; offset < bytes.length; offset += size) {
    const chunk = bytes.subarray(offset, offset + size);
    buffer.set(chunk);
    yield buffer.subarray(0, chunk.length);
    buffer.fill(0xff);
  }
}

/** Both ways of reading in chunks of `chunkSize` bytes; ingestion takes readChunks where there is one. */
export function chunkedFileSystem(files: FileMap, chunkSize: number, root = '/ws'): FileSystem {
  const base = memoryFileSystem(files, root);
  const content = (file: string) => {
    const found = base.files.get(path.resolve(file));
    if (found === undefined) throw Object.assign(new Error(`ENOENT: ${file}`), { code: 'ENOENT' });
    return found;
  };
  return {
    ...base,
    createReadStream: (file) => byteChunks(content(file), chunkSize),
    readChunks: (file) => reusedChunks(content(file), chunkSize),
  };
}
