// The baseline of the check benchmark: one Node process that lists the workspace's strategy
// files, reads each and parses it with `yaml`, and does nothing else. Plain JavaScript, so that
// it starts as fast as Node can.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';

const strategy = path.join(process.argv[2], 'strategy');
let documents = 0;
for (const entry of readdirSync(strategy, { recursive: true, withFileTypes: true })) {
  if (!entry.isFile() || !/\.ya?ml$/.test(entry.name)) continue;
  documents += parseAllDocuments(readFileSync(path.join(entry.parentPath, entry.name), 'utf8')).length;
}
if (documents === 0) process.exit(1);
