// Streams one CSV file and hands over each non-blank row with the file line it starts on. The
// file is never held whole: text flows chunk by chunk, decoded as UTF-8 so that a character
// split between two chunks survives, a leading BOM is dropped, and the line ending (LF or CRLF)
// is decided from the first line, not guessed from a tiny chunk.
//
// Text without a quote is split here, by line ending and comma, exactly as papaparse splits text
// that holds no quote; a sink that takes rows as ranges of the text (CsvCellSink) then gets them
// with no string made per cell, which halves the cost of a row. From the first quote on, the rest
// of the file goes through papaparse, which numbers rows, not lines: a row spans 1 + (newlines
// inside its quoted cells) lines.
import { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import Papa from 'papaparse';
import type { FileSystem } from '../effects.ts';
import { countOf } from '../util/count-of.ts';
import { CsvRow } from './csv-row.ts';

interface CsvSink {
  /**
   * A row papaparse could not read as CSV (an unbalanced or stray quote), from `line` to
   * `lastLine`: a quote never closed takes every line after it into the row.
   */
  malformed(line: number, message: string, lastLine: number, fields: readonly string[]): void;
  /** The first cell holding bytes that are not UTF-8, each read as U+FFFD (called after its row). */
  notUtf8?(line: number, cell: number): void;
  /** How many bytes of the input have been read, called before each batch of rows (which they run ahead of by up to 64 KB). */
  progress?(bytesRead: number): void;
}

export interface CsvRowSink extends CsvSink {
  /** A row with at least one non-blank cell; `line` is the 1-based line the row starts on. */
  row(fields: string[], line: number): void;
}

export interface CsvCellSink extends CsvSink {
  /** As CsvRowSink.row, the row given as ranges of a text; `row` is reused for the next row. */
  rowOfCells(row: CsvRow, line: number): void;
}

function takesCells(sink: CsvRowSink | CsvCellSink): sink is CsvCellSink {
  return typeof (sink as Partial<CsvCellSink>).rowOfCells === 'function';
}

export interface TextState {
  /** Whether any text handed to the parser so far held a quote, i.e. cells may span lines. */
  quoted: boolean;
  /** Characters handed to the parser so far, and how many of them when a row last ended. */
  fed: number;
  fedAtRowEnd: number;
  /** Whether the bytes held a sequence that is not UTF-8 (decoded as U+FFFD). */
  notUtf8: boolean;
  /** Bytes taken from the stream so far (characters, for a stream of strings). */
  bytesRead: number;
}

/**
 * The longest row read, in characters. A metric row is a few dozen characters. A row that runs
 * on (a file with no line breaks, or a quote never closed) would otherwise be gathered into
 * one string that papaparse parses again at every chunk: minutes, then out of memory.
 */
export const MAX_ROW_CHARS = 1024 * 1024;

/** Raised when a row passes MAX_ROW_CHARS; `line` is the line it starts on (0 until known). */
export class RowTooLongError extends Error {
  readonly line: number;

  constructor(line = 0) {
    super(`the row on line ${line} runs on for more than ${MAX_ROW_CHARS.toLocaleString('en-US')} characters`);
    this.name = 'RowTooLongError';
    this.line = line;
  }
}

/**
 * A file's bytes: a stream, or chunks read into a reused buffer (FileSystem.readChunks). Strings
 * are taken as text already decoded (tests).
 */
export type ByteSource = Readable | AsyncIterable<Uint8Array | string>;

/** The file's bytes through the FileSystem, in reused buffers where it can. */
export function readBytes(fs: Pick<FileSystem, 'readChunks' | 'createReadStream'>, file: string): ByteSource {
  return fs.readChunks?.(file) ?? fs.createReadStream(file);
}

export function newTextState(): TextState {
  return { quoted: false, fed: 0, fedAtRowEnd: 0, notUtf8: false, bytesRead: 0 };
}

const REPLACEMENT = '\uFFFD';
/** U+FFFD written in UTF-8: a file may hold the character itself. */
const ENCODED_REPLACEMENT = Buffer.from(REPLACEMENT, 'utf8');

/**
 * Whether decoding `bytes` (after `before`, the last two bytes ahead of it) made a U+FFFD of
 * bytes that are not UTF-8, rather than of a U+FFFD the file holds: more of them in `text` than
 * encoded ones ending in `bytes`. Only called when `text` holds one, which valid exports almost never do.
 */
function decodedBadBytes(text: string, before: Uint8Array, bytes: Uint8Array): boolean {
  // `before` is shorter than a match, so each match counted ends in `bytes`, counted once.
  return countOf(text, REPLACEMENT) > countOf(Buffer.concat([before, bytes]), ENCODED_REPLACEMENT);
}

/** A copy of the last two bytes of `before` followed by `bytes` (a chunk may be a single byte, and its buffer reused). */
function lastTwoBytes(before: Uint8Array, bytes: Uint8Array): Uint8Array {
  return bytes.length >= 2 ? Uint8Array.prototype.slice.call(bytes, bytes.length - 2) : Buffer.concat([before, bytes]).subarray(-2);
}

/**
 * The stream's text chunk by chunk, without a leading BOM. Decoding is done here with a
 * StringDecoder (what setEncoding('utf8') uses), which keeps a character split between chunks
 * whole. Not setEncoding itself: a stream that pushes one partial character per read can stall
 * under it, because Node stops asking for more when a read adds no decoded text. The caller
 * keeps `state.fedAtRowEnd` up to date as rows end: a row held open longer than MAX_ROW_CHARS
 * is counted from there (so a caller that never set it would stop after the first megabyte).
 * Each chunk is decoded before the next is asked for, and no byte of it is kept, so the source
 * may reuse its buffer (FileSystem.readChunks).
 */
export async function* decodeText(input: ByteSource, state: TextState): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  let first = true;
  let sinceLineBreak = 0;
  const prepare = (text: string): string => {
    if (first && text.length > 0) {
      first = false;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    if (!state.quoted && text.includes('"')) state.quoted = true;
    // Rows are measured where they cross chunks: a row inside one chunk is no longer than it.
    // A line without a break is caught exactly; a row held open by a quote within a chunk.
    const firstBreak = text.indexOf('\n');
    const lastBreak = firstBreak < 0 ? -1 : text.lastIndexOf('\n');
    if (sinceLineBreak + (firstBreak < 0 ? text.length : firstBreak) > MAX_ROW_CHARS) throw new RowTooLongError();
    if (state.fed - state.fedAtRowEnd > MAX_ROW_CHARS) throw new RowTooLongError();
    sinceLineBreak = lastBreak < 0 ? sinceLineBreak + text.length : text.length - lastBreak - 1;
    state.fed += text.length;
    return text;
  };
  let before: Uint8Array = new Uint8Array();
  for await (const chunk of input as AsyncIterable<string | Uint8Array>) {
    state.bytesRead += chunk.length;
    const text = prepare(typeof chunk === 'string' ? chunk : decoder.write(chunk));
    if (typeof chunk !== 'string') {
      if (!state.notUtf8 && text.includes(REPLACEMENT) && decodedBadBytes(text, before, chunk)) state.notUtf8 = true;
      before = lastTwoBytes(before, chunk);
    }
    if (text.length > 0) yield text;
  }
  // What is left is the start of a character the file never finishes.
  const rest = prepare(decoder.end());
  if (rest.includes(REPLACEMENT)) state.notUtf8 = true;
  if (rest.length > 0) yield rest;
}

async function detectNewline(texts: AsyncGenerator<string>): Promise<{ newline: '\n' | '\r\n'; head: string }> {
  let head = '';
  let lineEnd = -1;
  while (lineEnd < 0) {
    const next = await texts.next();
    if (next.done) break;
    head += next.value;
    lineEnd = head.indexOf('\n');
  }
  return { newline: lineEnd > 0 && head[lineEnd - 1] === '\r' ? '\r\n' : '\n', head };
}

async function* prepend(head: string, rest: AsyncGenerator<string>): AsyncGenerator<string> {
  if (head) yield head;
  yield* rest;
}

function isBlankRow(fields: string[]): boolean {
  // Almost every row starts with a non-blank period cell: decide on it before trimming.
  const first = fields[0]!;
  if (first !== '' && first.charCodeAt(0) > 32) return false;
  for (const field of fields) if (field.trim() !== '') return false;
  return true;
}

function newlinesInside(fields: string[]): number {
  let count = 0;
  for (const field of fields) count += countOf(field, '\n');
  return count;
}

/** The last line holding text of a row that starts on `line` and holds `breaks` line breaks. */
function lastLineOf(fields: string[], line: number, breaks: number): number {
  if (breaks === 0) return line;
  // A quote never closed ends its row with the file: with its last line break and blank lines.
  // (Walked back by hand: /\s*$/ would rescan every run of spaces, for a cell of up to 1 MB.)
  const last = fields[fields.length - 1]!;
  let blankFrom = last.length;
  while (blankFrom > 0 && /\s/.test(last[blankFrom - 1]!)) blankFrom--;
  return line + breaks - countOf(last.slice(blankFrom), '\n');
}

/** What both ways of reading share: where the next row starts, and the search for bytes that are not UTF-8. */
class RowCounter {
  line = 1;
  private badTextFound = false;
  private readonly state: TextState;
  private readonly sink: CsvSink;

  constructor(state: TextState, sink: CsvSink) {
    this.state = state;
    this.sink = sink;
  }

  /** Whether rows from here on must be searched for the first cell holding bytes that are not UTF-8. */
  seekingBadText(): boolean {
    // Set by decodeText before the text is split, so the first bad cell is at or after here.
    return this.state.notUtf8 && !this.badTextFound && this.sink.notUtf8 !== undefined;
  }

  /** Reports the cell of the row on the current line that holds U+FFFD, if any; true once reported. */
  foundBadText(cell: number): boolean {
    if (cell < 0) return false;
    this.sink.notUtf8!(this.line, cell);
    this.badTextFound = true;
    return true;
  }
}

/**
 * Splits text that holds no quote into rows, as papaparse does (by the line ending, then by
 * comma), keeping the unfinished last line for the next chunk.
 */
class QuoteFreeRows {
  /** The text after the last line ending so far. */
  partial = '';
  private readonly row = new CsvRow();
  private readonly newline: '\n' | '\r\n';
  private readonly counter: RowCounter;
  private readonly deliver: (row: CsvRow, line: number) => void;

  constructor(newline: '\n' | '\r\n', counter: RowCounter, sink: CsvRowSink | CsvCellSink) {
    this.newline = newline;
    this.counter = counter;
    this.deliver = takesCells(sink) ? (row, line) => sink.rowOfCells(row, line) : (row, line) => sink.row(row.fields(), line);
  }

  /** Hands over the rows that `chunk` completes; true when it completed one. */
  add(chunk: string): boolean {
    const newline = this.newline;
    let start = 0;
    if (this.partial !== '') {
      // The row the last chunk left open is the only text put together: every other row is
      // read in the decoder's own string, which V8 reads faster than a joined one.
      const { partial } = this;
      let row: string;
      if (newline === '\r\n' && partial.endsWith('\r') && chunk.startsWith('\n')) {
        row = partial.slice(0, -1);
        start = 1;
      } else {
        const end = chunk.indexOf(newline);
        if (end < 0) {
          this.partial = partial + chunk;
          return false;
        }
        row = partial + chunk.slice(0, end);
        start = end + newline.length;
      }
      this.partial = '';
      this.split(row, 0, row.length, row.indexOf(','));
    }
    // The next comma at or after `start`, searched for once however many rows lie before it.
    let comma = chunk.indexOf(',', start);
    for (let end = chunk.indexOf(newline, start); end >= 0; end = chunk.indexOf(newline, start)) {
      if (comma >= 0 && comma < start) comma = chunk.indexOf(',', start);
      comma = this.split(chunk, start, end, comma);
      start = end + newline.length;
    }
    this.partial = chunk.slice(start);
    return start > 0;
  }

  /** The last line, when the text does not end with a line ending. */
  end(): void {
    if (this.partial !== '') this.split(this.partial, 0, this.partial.length, this.partial.indexOf(','));
  }

  /** Hands over the row from `start` to `end`, given the first comma at or after `start`; returns the first past it. */
  private split(text: string, start: number, end: number, comma: number): number {
    const row = this.row;
    row.reset(text);
    let cellStart = start;
    while (comma >= 0 && comma < end) {
      row.addCell(cellStart, comma);
      cellStart = comma + 1;
      comma = text.indexOf(',', cellStart);
    }
    // A lone CR before LF stays in a cell when LF ends lines, as papaparse leaves it; it is cut from the last cell.
    row.addCell(cellStart, this.newline === '\n' && end > cellStart && text.charCodeAt(end - 1) === 13 ? end - 1 : end);
    // Almost every row starts with a non-blank period cell: only other rows are looked at closer.
    const startsWithText = row.end(0) > row.start(0) && text.charCodeAt(row.start(0)) > 32;
    if (startsWithText || !isBlankRow(row.fields())) this.deliver(row, this.counter.line);
    if (this.counter.seekingBadText()) {
      const bad = text.indexOf(REPLACEMENT, start);
      if (bad >= 0 && bad < end) this.counter.foundBadText(row.fields().findIndex((field) => field.includes(REPLACEMENT)));
    }
    this.counter.line++;
    return comma;
  }
}

/** Reads `text` and the rest of `texts` through papaparse, from the row on `counter.line`. */
function readThroughPapaparse(text: string, texts: AsyncGenerator<string>, newline: '\n' | '\r\n', sink: CsvRowSink | CsvCellSink, state: TextState, counter: RowCounter): Promise<void> {
  const source = Readable.from(prepend(text, texts));
  const asCells = takesCells(sink) ? new CsvRow() : null;
  return new Promise<void>((resolve, reject) => {
    Papa.parse<string[]>(source, {
      delimiter: ',',
      newline,
      quoteChar: '"',
      header: false,
      dynamicTyping: false,
      skipEmptyLines: false,
      chunk(results) {
        const rows = results.data;
        let bad: Map<number, string> | undefined;
        for (const error of results.errors) {
          // Errors on the unfinished last row come back when the next chunk completes it.
          if (error.type !== 'Quotes' || error.row === undefined || error.row >= rows.length) continue;
          (bad ??= new Map()).set(error.row, error.message);
        }
        const quoted = state.quoted;
        let findBadText = counter.seekingBadText();
        if (rows.length > 0) state.fedAtRowEnd = state.fed;
        sink.progress?.(state.bytesRead);
        for (let i = 0; i < rows.length; i++) {
          const fields = rows[i]!;
          const last = fields.length - 1;
          const end = fields[last]!;
          if (newline === '\n' && end.charCodeAt(end.length - 1) === 13) fields[last] = end.slice(0, -1);
          const breaks = quoted ? newlinesInside(fields) : 0;
          const problem = bad === undefined ? undefined : bad.get(i);
          if (problem !== undefined) sink.malformed(counter.line, problem, lastLineOf(fields, counter.line, breaks), fields);
          else if (!isBlankRow(fields)) {
            if (asCells === null) (sink as CsvRowSink).row(fields, counter.line);
            else {
              asCells.setFields(fields);
              (sink as CsvCellSink).rowOfCells(asCells, counter.line);
            }
          }
          if (findBadText && counter.foundBadText(fields.findIndex((field) => field.includes(REPLACEMENT)))) findBadText = false;
          counter.line += 1 + breaks;
        }
      },
      complete: () => resolve(),
      error: (error: Error) => reject(error),
    });
  }).finally(() => source.destroy());
}

/** Hands every row of `input` to `sink`, and returns the line after the last row. */
export async function readCsvRows(input: ByteSource, sink: CsvRowSink | CsvCellSink): Promise<number> {
  const state = newTextState();
  const texts = decodeText(input, state);
  const counter = new RowCounter(state, sink);
  try {
    const { newline, head } = await detectNewline(texts);
    const rows = new QuoteFreeRows(newline, counter, sink);
    let next: IteratorResult<string> = { done: false, value: head };
    for (; !next.done; next = await texts.next()) {
      // Set by decodeText as it hands over a text holding a quote: from there on, papaparse reads.
      if (state.quoted) {
        await readThroughPapaparse(rows.partial + next.value, texts, newline, sink, state, counter);
        return counter.line;
      }
      sink.progress?.(state.bytesRead);
      if (rows.add(next.value)) state.fedAtRowEnd = state.fed;
    }
    rows.end();
  } catch (error) {
    // The rows before the long one have all been handed over, so it starts on `line`.
    throw error instanceof RowTooLongError ? new RowTooLongError(counter.line) : error;
  } finally {
    // Ends the reading of the input (and so closes its file) however far it got.
    await texts.return(undefined);
    if (input instanceof Readable) input.destroy();
  }
  return counter.line;
}
