// Text of one strategy file -> its documents with source positions, or yaml-syntax findings.
// Never throws: duplicate keys, alias bombs and broken syntax all become findings, and the
// other documents of the file still load.
import { LineCounter, parseAllDocuments, isMap, isScalar, type Document, type YAMLError } from 'yaml';
import type { Finding } from '../diagnostics/diagnostic.ts';
import { NOT_PLAIN, readDocument, type KeyProblem } from './read-document.ts';
import { createSourceDocument, type SourceDocument } from './source-document.ts';

const TAG_HINT = 'Remove the tag: Goalpost reads plain YAML values (text, numbers, true or false, lists and mappings).';

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

/** The rest of the line from `offset`, and the line after it. */
function linesAround(text: string, offset: number): { rest: string; next: string; indent: number; nextIndent: number } {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  const end = text.indexOf('\n', offset);
  const lineEnd = end < 0 ? text.length : end;
  const nextEnd = end < 0 ? -1 : text.indexOf('\n', end + 1);
  const next = end < 0 ? '' : text.slice(end + 1, nextEnd < 0 ? text.length : nextEnd);
  const indentOf = (line: string) => line.length - line.trimStart().length;
  return { rest: text.slice(offset, lineEnd), next, indent: indentOf(text.slice(start, lineEnd)), nextIndent: indentOf(next) };
}

/** What to do about the YAML errors people make most, by the parser's error code. */
function syntaxHint(error: YAMLError, text: string): string | undefined {
  switch (error.code) {
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY': {
      // The value where the parser stopped: `name: P1: Critical` holds a second `: `; else the
      // line below is indented deeper than this one, so YAML read it as part of this value.
      const { rest, next, indent, nextIndent } = linesAround(text, error.pos[0]);
      if (/:(\s|$)/.test(rest)) return `The value holds \`: \`, which YAML reads as a new key: quote the whole value, as in "${rest.trim().replaceAll('"', '\\"')}".`;
      if (next.trim() !== '' && nextIndent > indent) return 'The line below is indented further than this one, so YAML reads it as part of this value: line it up with the fields above it.';
      return error.code === 'MULTILINE_IMPLICIT_KEY' ? 'Write each field as `key: value`, with a colon and a space.' : undefined;
    }
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
    case 'RESOURCE_EXHAUSTION':
      return 'A strategy file needs a few levels of nesting at most: check for brackets opened by mistake, or write the values out flat.';
    default:
      return undefined;
  }
}

/**
 * Where each line of `text` starts. Counted here rather than by the parser, which notes only the
 * line breaks it reads as such: one inside a broken flow collection (a `{` never closed, CRLF
 * endings) went uncounted, and findings after it pointed past the end of their line.
 */
function linesOf(text: string): LineCounter {
  const lines = new LineCounter();
  lines.addNewLine(0);
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) lines.addNewLine(at + 1);
  return lines;
}

export function parseYamlFile(file: string, text: string): ParsedFile {
  const lineCounter = linesOf(text);
  const findings: Finding[] = [];
  const documents: SourceDocument[] = [];
  const brokenIds: ParsedFile['brokenIds'] = [];
  // The core schema for every document, whatever its %YAML directive says: under `%YAML 1.1` an
  // unquoted 2026-03-31 would become a timestamp and `<<` a merge key.
  const docs = parseAllDocuments(text, { uniqueKeys: true, prettyErrors: false, schema: 'core' });
  if (!Array.isArray(docs)) {
    // An empty stream comes back as an EmptyStream object.
    return { documents, findings, brokenIds };
  }
  docs.forEach((doc, index) => {
    if (doc.errors.length > 0) {
      // The parser can report one slip twice at one place (an implicit key that is both nested
      // and multi-line): the reader needs it once.
      const places = new Set<number>();
      let exhausted = false;
      for (const error of doc.errors) {
        if (places.has(error.pos[0])) continue;
        places.add(error.pos[0]);
        // Nesting thousands deep runs the parser out of stack; its own words for that ("Maximum
        // call stack size exceeded", a regular expression's "Stack overflow") mean nothing here.
        if (error.code === 'RESOURCE_EXHAUSTION') {
          if (exhausted) continue;
          exhausted = true;
        }
        const pos = lineCounter.linePos(error.pos[0]);
        findings.push({
          code: 'yaml-syntax',
          message: error.code === 'DUPLICATE_KEY' ? 'duplicate key: a key may appear only once in a mapping' : error.code === 'RESOURCE_EXHAUSTION' ? 'the document nests lists or maps too deeply to be read' : firstLine(error.message),
          file,
          line: pos.line,
          column: pos.col,
          hint: syntaxHint(error, text),
        });
      }
      const partial = readPartially(doc);
      if (partial) brokenIds.push(partial);
      return;
    }
    const contents = doc.contents;
    if (contents === null || (isScalar(contents) && contents.value === null)) return;
    // A tag the parser does not know (`!custom`, or `!!binary` under `%YAML 1.1`) leaves the plain
    // text, and only a warning that would otherwise go unseen.
    for (const warning of doc.warnings) {
      if (warning.code !== 'TAG_RESOLVE_FAILED') continue;
      const pos = lineCounter.linePos(warning.pos[0]);
      const tag = /Unresolved tag: (\S+)/.exec(warning.message)?.[1]?.replace(/^tag:yaml\.org,2002:/, '!!') ?? 'this tag';
      findings.push({ code: 'yaml-syntax', message: `the tag ${tag} is not supported`, file, line: pos.line, column: pos.col, hint: TAG_HINT });
    }
    const read = readDocument(doc);
    const badKey = read.badKey;
    if (badKey !== null) {
      const pos = lineCounter.linePos(badKey.offset);
      findings.push({ code: 'yaml-syntax', message: badKey.message, file, line: pos.line, column: pos.col, hint: badKey.hint });
      const partial = readPartially(doc);
      if (partial) brokenIds.push(partial);
      return;
    }
    let data = read.data;
    try {
      if (data === NOT_PLAIN) data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
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
    documents.push(createSourceDocument(file, index, read.outline, doc.range?.[0] ?? 0, lineCounter, data));
  });
  return { documents, findings, brokenIds };
}

/**
 * The first key the format cannot take, or null: a merge key (YAML 1.1's `<<: *base` is a plain
 * key `<<` to a YAML 1.2 parser, so the document would be read without the fields it meant to
 * take in, and be reported as having no kind), or a key that is a list or mapping (`? [a, b]`) or a
 * tagged value (`!!timestamp 2026-01-01:`), which the parser would turn into text with a warning.
 */
function unsupportedKey(doc: Document.Parsed): KeyProblem | null {
  return readDocument(doc).badKey;
}

/** `kind` and `id` read from the syntax tree alone, for a document that is not turned into data. */
function topLevelIds(doc: Document.Parsed): BrokenDocument | null {
  if (!isMap(doc.contents)) return null;
  const text = (name: string) => {
    const pair = doc.contents && isMap(doc.contents) ? doc.contents.items.find((item) => isScalar(item.key) && item.key.value === name) : undefined;
    return pair && isScalar(pair.value) && typeof pair.value.value === 'string' ? pair.value.value : null;
  };
  const kind = text('kind');
  const id = text('id');
  return kind !== null && id !== null ? { kind, id } : null;
}

/** The ids of a list's entries; an entry indented too far is read as a list of its own, so one level is flattened. */
export function listedIds(list: unknown): string[] {
  if (!Array.isArray(list)) return [];
  return list.flat().flatMap((item: unknown) => (item && typeof item === 'object' && typeof (item as { id?: unknown }).id === 'string' ? [(item as { id: string }).id] : []));
}

function readPartially(doc: Document.Parsed): BrokenDocument | null {
  // Not turned into data: the parser would turn such a key into text, and warn on stderr.
  if (unsupportedKey(doc)?.collection) return topLevelIds(doc);
  try {
    const data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) as Record<string, unknown> | null;
    if (!data || typeof data.kind !== 'string' || typeof data.id !== 'string') return null;
    if (data.kind !== 'Workspace') return { kind: data.kind, id: data.id };
    return { kind: data.kind, id: data.id, listed: { team: listedIds(data.teams), person: listedIds(data.people), segment: listedIds(data.segments) } };
  } catch {
    return null;
  }
}
