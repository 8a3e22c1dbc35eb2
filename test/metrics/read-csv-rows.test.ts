import { Readable } from 'node:stream';
import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { RowTooLongError, MAX_ROW_CHARS, readCsvRows, type ByteSource } from '../../src/metrics/read-csv-rows.ts';
import { byteChunks, reusedChunks } from './chunked-fs.ts';

async function rowsOf(input: ByteSource): Promise<{ rows: [number, string[]][]; malformed: [number, string, number][] }> {
  const rows: [number, string[]][] = [];
  const malformed: [number, string, number][] = [];
  await readCsvRows(input, { row: (fields, line) => rows.push([line, [...fields]]), malformed: (line, m, lastLine) => malformed.push([line, m, lastLine]) });
  return { rows, malformed };
}

const CHUNK_SIZES = [1, 2, 3, 5, 64 * 1024];

// A stream makes a buffer per chunk; FileSystem.readChunks reads every chunk into one buffer.
const SOURCES: [string, (content: string | Uint8Array, size: number) => ByteSource][] = [
  ['a stream', byteChunks],
  ['chunks in a reused buffer', reusedChunks],
];

describe.each(SOURCES)('readCsvRows from %s', (_, chunks) => {
  it.each(CHUNK_SIZES)('reads LF rows with their lines, skipping blank ones (chunks of %i bytes)', async (size) => {
    const { rows } = await rowsOf(chunks('period,value\n\n2026-04,1\n  \n,,\n2026-05,2', size));
    expect(rows).toEqual([
      [1, ['period', 'value']],
      [3, ['2026-04', '1']],
      [6, ['2026-05', '2']],
    ]);
  });

  it.each(CHUNK_SIZES)('reads CRLF with a BOM and quoted cells (chunks of %i bytes)', async (size) => {
    const text = '\uFEFFperiod,note\r\n"2026-04","a, ""quoted"" cell"\r\n\r\n2026-05,"two\r\nlines"\r\n2026-06,x\r\n';
    const { rows } = await rowsOf(chunks(text, size));
    expect(rows).toEqual([
      [1, ['period', 'note']],
      [2, ['2026-04', 'a, "quoted" cell']],
      [4, ['2026-05', 'two\r\nlines']],
      [6, ['2026-06', 'x']],
    ]);
  });

  it.each(CHUNK_SIZES)('keeps multi-byte characters split between chunks (chunks of %i bytes)', async (size) => {
    const { rows } = await rowsOf(chunks('scope,v\nteam:zürich,—\n€,😀\n', size));
    expect(rows.map(([, fields]) => fields)).toEqual([['scope', 'v'], ['team:zürich', '—'], ['€', '😀']]);
  });

  it('accepts object-mode streams of Buffers', async () => {
    const { rows } = await rowsOf(Readable.from([Buffer.from('a,b\n1,'), Buffer.from([0xc3]), Buffer.from([0xa9, 0x0a])]));
    expect(rows).toEqual([[1, ['a', 'b']], [2, ['1', 'é']]]);
  });

  it('reports an unterminated quote at the row it starts on', async () => {
    const { rows, malformed } = await rowsOf(chunks('period,value\n2026-04,1\n2026-05,"2\n2026-06,3\n', 4));
    expect(rows).toEqual([[1, ['period', 'value']], [2, ['2026-04', '1']]]);
    expect(malformed).toEqual([[3, 'Quoted field unterminated', 4]]);
  });

  it('gives the last line a quote never closed takes, with or without a final line break', async () => {
    expect((await rowsOf(chunks('period,value\n2026-04,"2\n2026-05,3\n\n2026-06,3', 3))).malformed).toEqual([[2, 'Quoted field unterminated', 5]]);
    expect((await rowsOf(chunks('period,value\r\n2026-04,"2\r\n2026-05,3\r\n', 3))).malformed).toEqual([[2, 'Quoted field unterminated', 3]]);
  });

  it('reports a stray quote within one line as that line only', async () => {
    const { rows, malformed } = await rowsOf(chunks('period,value\n2026-04,"2"x,"y"\n2026-05,3\n', 5));
    expect(malformed).toEqual([[2, 'Trailing quote on quoted field is malformed', 2]]);
    expect(rows.at(-1)).toEqual([3, ['2026-05', '3']]);
  });

  it.each(CHUNK_SIZES)('names the first cell holding bytes that are not UTF-8, and not a U+FFFD the file holds (chunks of %i bytes)', async (size) => {
    const badCells = async (bytes: Uint8Array) => {
      const found: [number, number][] = [];
      await readCsvRows(chunks(bytes, size), { row: () => undefined, malformed: () => undefined, notUtf8: (line, cell) => found.push([line, cell]) });
      return found;
    };
    const latin1 = Buffer.concat([Buffer.from('period,scope,v\n2026-04,org,1\n2026-05,'), Buffer.from([0xc9]), Buffer.from('quipe,2\n2026-06,'), Buffer.from([0xe9]), Buffer.from(',3\n')]);
    expect(await badCells(latin1)).toEqual([[3, 1]]);
    expect(await badCells(Buffer.from('period,scope,v\n2026-04,\uFFFD\uFFFD,1\n'))).toEqual([]);
    // A character the file never finishes.
    expect(await badCells(Buffer.concat([Buffer.from('period,v\n2026-04,1\n2026-05,2'), Buffer.from([0xe2, 0x82])]))).toEqual([[3, 1]]);
  });

  it('reads an empty stream as no rows', async () => {
    expect(await rowsOf(chunks('', 4))).toEqual({ rows: [], malformed: [] });
  });
});

describe('readCsvRows: a line without end', () => {
  it('stops at a line longer than MAX_ROW_CHARS, naming the line it starts on, after handing over the rows before it', async () => {
    const rows: number[] = [];
    const text = `period,value\n2026-04,1\n${'x'.repeat(MAX_ROW_CHARS + 1)}\n2026-05,2\n`;
    const reading = readCsvRows(byteChunks(text, 64 * 1024), { row: (_, line) => rows.push(line), malformed: () => undefined });
    await expect(reading).rejects.toEqual(new RowTooLongError(3));
    expect(rows).toEqual([1, 2]);
  });

  it('reads a line of exactly MAX_ROW_CHARS', async () => {
    const { rows } = await rowsOf(byteChunks(`period\n${'x'.repeat(MAX_ROW_CHARS)}\n`, 64 * 1024));
    expect(rows.map(([line, fields]) => [line, fields[0]!.length])).toEqual([[1, 6], [2, MAX_ROW_CHARS]]);
  });
});

describe('readCsvRows: a row held open by a quote', () => {
  it('stops once more than MAX_ROW_CHARS have passed without a row ending', async () => {
    const rows: number[] = [];
    const text = `period,value\n2026-04,"1\n${'2026-05,2\n'.repeat(MAX_ROW_CHARS / 8)}`;
    const reading = readCsvRows(byteChunks(text, 64 * 1024), { row: (_, line) => rows.push(line), malformed: () => undefined });
    await expect(reading).rejects.toEqual(new RowTooLongError(2));
    expect(rows).toEqual([1]);
  });

  it('reads a large file handed over in one chunk, and a quoted cell across chunks', async () => {
    const many = `period,value\n${'2026-05,2\n'.repeat(300_000)}`;
    expect((await rowsOf(byteChunks(many, many.length))).rows).toHaveLength(300_001);
    const quoted = `period,note\n2026-05,"${'a\n'.repeat(100_000)}"\n2026-06,b\n`;
    expect((await rowsOf(byteChunks(quoted, 64 * 1024))).rows.map(([line]) => line)).toEqual([1, 2, 100_003]);
  });
});

describe('readCsvRows: rows split without papaparse', () => {
  // Text without a quote is split by readCsvRows itself, with no string made per cell for a
  // sink that takes ranges; it must give the rows papaparse gives the whole text at once.
  const cell = fc.constantFrom('', 'a', ' b ', '12.5', '\r', 'é', '😀', '\t', '\u00a0');
  const line = fc.array(cell, { minLength: 1, maxLength: 5 }).map((cells) => cells.join(','));

  /** What papaparse makes of the whole text, with readCsvRows' own rules: the newline of the first line, a CR cut from an LF row's end, blank rows skipped. */
  function papaparseRows(text: string): [number, string[]][] {
    const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
    const firstBreak = body.indexOf('\n');
    const newline = firstBreak > 0 && body[firstBreak - 1] === '\r' ? '\r\n' : '\n';
    const parsed = Papa.parse<string[]>(body, { delimiter: ',', newline, quoteChar: '"', skipEmptyLines: false }).data;
    const rows: [number, string[]][] = [];
    let lineNumber = 1;
    for (const fields of parsed) {
      const last = fields.length - 1;
      if (newline === '\n' && fields[last]!.endsWith('\r')) fields[last] = fields[last]!.slice(0, -1);
      const breaks = body.includes('"') ? fields.reduce((sum, field) => sum + field.split('\n').length - 1, 0) : 0;
      // A row is blank when every cell is, except that a first cell starting above U+0020 (a no-break space too) is taken as text.
      const blank = !(fields[0]!.charCodeAt(0) > 32) && fields.every((field) => field.trim() === '');
      if (!blank) rows.push([lineNumber, fields]);
      lineNumber += 1 + breaks;
    }
    return rows;
  }

  async function asCells(input: ByteSource): Promise<[number, string[]][]> {
    const rows: [number, string[]][] = [];
    await readCsvRows(input, { rowOfCells: (row, at) => rows.push([at, row.fields()]), malformed: () => undefined });
    return rows;
  }

  it('gives what papaparse gives, in any chunks, as fields or as ranges', async () => {
    const texts = fc.tuple(fc.array(line, { minLength: 1, maxLength: 12 }), fc.constantFrom('\n', '\r\n'), fc.boolean(), fc.boolean());
    await fc.assert(
      fc.asyncProperty(texts, fc.integer({ min: 1, max: 40 }), async ([lines, newline, bom, endsWithBreak], size) => {
        const text = `${bom ? '\uFEFF' : ''}${lines.join(newline)}${endsWithBreak ? newline : ''}`;
        const want = papaparseRows(text);
        expect((await rowsOf(byteChunks(text, size))).rows).toEqual(want);
        expect(await asCells(byteChunks(text, size))).toEqual(want);
        expect(await asCells(reusedChunks(text, size))).toEqual(want);
      }),
      { numRuns: 300 },
    );
  });

  it('hands the rest of the file to papaparse from the first quote on, lines still counted', async () => {
    const quoted = fc.constantFrom('"q"', '"a,b"', '"two\nlines"', '"say ""hi"""');
    // LF lines without a CR, so that the first line says LF and every row ends as it says.
    const lfLine = line.filter((text) => !text.includes('\r'));
    const texts = fc.tuple(fc.array(lfLine, { minLength: 1, maxLength: 8 }), quoted, fc.array(lfLine, { maxLength: 8 }));
    await fc.assert(
      fc.asyncProperty(texts, fc.integer({ min: 1, max: 40 }), async ([before, quote, after], size) => {
        const text = `${[...before, `x,${quote}`, ...after].join('\n')}\n`;
        const want = papaparseRows(text);
        expect((await rowsOf(byteChunks(text, size))).rows).toEqual(want);
        expect(await asCells(byteChunks(text, size))).toEqual(want);
        expect(await asCells(reusedChunks(text, size))).toEqual(want);
      }),
      { numRuns: 200 },
    );
  });
});
