// Text of one strategy file -> its documents with source positions, or yaml-syntax findings.
// Never throws: duplicate keys, alias bombs and broken syntax all become findings, and the
// other documents of the file still load.
import { LineCounter, parseAllDocuments, isScalar, type Document } from 'yaml';
import type { Finding } from '../diagnostics/diagnostic.ts';
import { createSourceDocument, type SourceDocument } from './source-document.ts';

/** Aliases a document may expand; a billion-laughs bomb needs far more. */
export const MAX_ALIAS_COUNT = 1000;

export interface ParsedFile {
  documents: SourceDocument[];
  findings: Finding[];
  /** Kind and id of documents that have syntax errors, when they can still be read, so references to them are not reported as unknown too. */
  brokenIds: { kind: string; id: string }[];
}

function firstLine(message: string): string {
  const line = message.split('\n')[0] ?? message;
  return line.replace(/ at line \d+, column \d+:?$/, '');
}

export function parseYamlFile(file: string, text: string): ParsedFile {
  const lineCounter = new LineCounter();
  const findings: Finding[] = [];
  const documents: SourceDocument[] = [];
  const brokenIds: ParsedFile['brokenIds'] = [];
  const docs = parseAllDocuments(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  if (!Array.isArray(docs)) {
    // An empty stream comes back as an EmptyStream object.
    return { documents, findings, brokenIds };
  }
  docs.forEach((doc, index) => {
    if (doc.errors.length > 0) {
      for (const error of doc.errors) {
        const pos = lineCounter.linePos(error.pos[0]);
        findings.push({
          code: 'yaml-syntax',
          message: error.code === 'DUPLICATE_KEY' ? 'duplicate key: a key may appear only once in a mapping' : firstLine(error.message),
          file,
          line: pos.line,
          column: pos.col,
          hint: error.code === 'DUPLICATE_KEY' ? 'Remove or rename one of the two keys.' : undefined,
        });
      }
      const partial = readPartially(doc);
      if (partial) brokenIds.push(partial);
      return;
    }
    const contents = doc.contents;
    if (contents === null || (isScalar(contents) && contents.value === null)) return;
    let data: unknown;
    try {
      data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (error) {
      const pos = lineCounter.linePos(doc.range[0]);
      findings.push({
        code: 'yaml-syntax',
        message: `the document expands too many aliases (${(error as Error).message})`,
        file,
        line: pos.line,
        column: pos.col,
        hint: `Write the values out instead of using more than ${MAX_ALIAS_COUNT} alias expansions.`,
      });
      return;
    }
    documents.push(createSourceDocument(file, index, doc, lineCounter, data));
  });
  return { documents, findings, brokenIds };
}

function readPartially(doc: Document.Parsed): { kind: string; id: string } | null {
  try {
    const data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) as Record<string, unknown> | null;
    return data && typeof data.kind === 'string' && typeof data.id === 'string' ? { kind: data.kind, id: data.id } : null;
  } catch {
    return null;
  }
}
