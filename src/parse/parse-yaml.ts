// Text of one strategy file -> its documents with source positions, or yaml-syntax findings.
// Never throws: duplicate keys, alias bombs and broken syntax all become findings, and the
// other documents of the file still load.
import { LineCounter, parseAllDocuments, isScalar, type Document, type YAMLError } from 'yaml';
import type { Finding } from '../diagnostics/diagnostic.ts';
import { createSourceDocument, type SourceDocument } from './source-document.ts';

/** Aliases a document may expand; a billion-laughs bomb needs far more. */
export const MAX_ALIAS_COUNT = 1000;

/**
 * A document with syntax errors whose kind and id could still be read, so that references to it
 * are not reported as unknown too. For a Workspace, also the ids of the teams, people and
 * segments that could be read, which every other file refers to.
 */
export interface BrokenDocument {
  kind: string;
  id: string;
  listed?: { team: string[]; person: string[]; segment: string[] };
}

export interface ParsedFile {
  documents: SourceDocument[];
  findings: Finding[];
  brokenIds: BrokenDocument[];
}

function firstLine(message: string): string {
  const line = message.split('\n')[0] ?? message;
  return line.replace(/ at line \d+, column \d+:?$/, '');
}

/** What to do about the YAML errors people make most, by the parser's error code. */
function syntaxHint(error: YAMLError): string | undefined {
  switch (error.code) {
    case 'DUPLICATE_KEY':
      return 'Remove or rename one of the two keys.';
    case 'BAD_INDENT':
      return /end with a [\]}]/.test(error.message)
        ? 'A [ or { opened above is not closed: close it with ] or }.'
        : 'Line this entry up with the ones above it: YAML reads the structure from the indentation.';
    case 'TAB_AS_INDENT':
      return 'Indent with spaces: YAML does not allow tabs there.';
    case 'MISSING_CHAR':
      return 'Close the quote or bracket opened before this point.';
    case 'MULTILINE_IMPLICIT_KEY':
      return 'Write each field as `key: value`, with a colon and a space.';
    default:
      return undefined;
  }
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
          hint: syntaxHint(error),
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

/** The ids of a list's entries; an entry indented too far is read as a list of its own, so one level is flattened. */
export function listedIds(list: unknown): string[] {
  if (!Array.isArray(list)) return [];
  return list.flat().flatMap((item: unknown) => (item && typeof item === 'object' && typeof (item as { id?: unknown }).id === 'string' ? [(item as { id: string }).id] : []));
}

function readPartially(doc: Document.Parsed): BrokenDocument | null {
  try {
    const data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) as Record<string, unknown> | null;
    if (!data || typeof data.kind !== 'string' || typeof data.id !== 'string') return null;
    if (data.kind !== 'Workspace') return { kind: data.kind, id: data.id };
    return { kind: data.kind, id: data.id, listed: { team: listedIds(data.teams), person: listedIds(data.people), segment: listedIds(data.segments) } };
  } catch {
    return null;
  }
}
