// One side's strategy read together with the head's metric files. The diff asks "what does
// this strategy change do to the goals?", so both strategies are judged against the same data
// at the same as-of date; a status that moves is then due to the strategy, never to new rows.
import path from 'node:path';
import type { FileSystem } from '../effects.ts';

export function withDataFrom(strategy: FileSystem, data: FileSystem, root: string): FileSystem {
  const dataDir = path.join(root, 'data');
  const pick = (file: string) => (file === dataDir || file.startsWith(`${dataDir}${path.sep}`) ? data : strategy);
  return {
    listFiles: (dir, extensions) => pick(dir).listFiles(dir, extensions),
    readFile: (file) => pick(file).readFile(file),
    fileSize: (file) => pick(file).fileSize(file),
    createReadStream: (file) => pick(file).createReadStream(file),
    exists: (file) => pick(file).exists(file),
    writeFile: (file, content) => pick(file).writeFile(file, content),
    appendFile: (file, content) => pick(file).appendFile(file, content),
    mkdir: (dir) => pick(dir).mkdir(dir),
  };
}
