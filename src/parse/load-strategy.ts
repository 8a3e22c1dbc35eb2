// Reads every *.yaml / *.yml under <root>/strategy in sorted path order and parses it.
// Files that are too large or not UTF-8 become findings instead of reaching the parser.
import path from 'node:path';
import type { Finding } from '../diagnostics/diagnostic.ts';
import type { FileSystem } from '../effects.ts';
import { describeReadError } from '../util/read-error.ts';
import { parseYamlFile, type BrokenDocument, type ParsedFile } from './parse-yaml.ts';
import type { SourceDocument } from './source-document.ts';

/** Strategy files are hand-written; anything this big is a mistake or an attack. */
export const MAX_STRATEGY_FILE_BYTES = 5 * 1024 * 1024;

export interface LoadedStrategy {
  documents: SourceDocument[];
  /** Documents with syntax errors whose kind and id could still be read. */
  brokenIds: BrokenDocument[];
  findings: Finding[];
  files: string[];
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** `parse` is parseYamlFile, or one that remembers files it parsed before (goalpost dev, see PipelineMemo). */
export async function loadStrategy(fs: FileSystem, root: string, parse: (file: string, text: string) => ParsedFile = parseYamlFile): Promise<LoadedStrategy> {
  const relativeFiles = await fs.listFiles(path.join(root, 'strategy'), ['.yaml', '.yml']);
  const documents: SourceDocument[] = [];
  const brokenIds: LoadedStrategy['brokenIds'] = [];
  const findings: Finding[] = [];
  const files: string[] = [];
  for (const relative of relativeFiles) {
    const file = `strategy/${relative}`;
    files.push(file);
    const full = path.join(root, 'strategy', relative);
    const at = { file, line: 1, column: 1 };
    let size: number;
    let bytes: Uint8Array;
    try {
      size = await fs.fileSize(full);
      bytes = size > MAX_STRATEGY_FILE_BYTES ? new Uint8Array() : await fs.readFile(full);
    } catch (error) {
      findings.push({ code: 'file-unreadable', message: `the file could not be read: ${describeReadError(error)}`, hint: 'Check that the file exists and is readable.', ...at });
      continue;
    }
    if (size > MAX_STRATEGY_FILE_BYTES) {
      findings.push({
        code: 'file-unreadable',
        message: `the file is ${(size / 1024 / 1024).toFixed(1)} MB, over the ${MAX_STRATEGY_FILE_BYTES / 1024 / 1024} MB limit for strategy files`,
        hint: 'Split it into several files; strategy files are read whole.',
        ...at,
      });
      continue;
    }
    let text: string;
    try {
      text = utf8.decode(bytes);
    } catch {
      findings.push({
        code: 'file-unreadable',
        message: 'the file is not valid UTF-8 text',
        hint: 'Save it as UTF-8 (most editors offer this under "Save with encoding").',
        ...at,
      });
      continue;
    }
    const parsed = parse(file, text.replace(/^\uFEFF/, ''));
    findings.push(...parsed.findings);
    documents.push(...parsed.documents);
    brokenIds.push(...parsed.brokenIds);
    if (parsed.documents.length === 0 && parsed.findings.length === 0) {
      findings.push({ code: 'file-empty', message: 'the file holds no document', ...at });
    }
  }
  return { documents, brokenIds, findings, files };
}
