// Finds the 1-based character column at which given cells start, by streaming the file a
// second time. Papaparse hands over cell values, not their raw offsets (quotes and doubled
// quotes change the width), so positions are recovered here, and only for files that have
// findings. Columns count Unicode code points; the BOM is not counted. Lines the first pass
// numbered the same way: a quoted cell's inner newlines advance the line.
import type { Readable } from 'node:stream';
import { decodeText, newTextState } from './read-csv-rows.ts';

const QUOTE = 0x22;
const COMMA = 0x2c;
const LF = 0x0a;

/** wanted: line -> cell indexes (0-based). Returns line -> cell index -> column. */
export async function locateCells(
  input: Readable,
  wanted: ReadonlyMap<number, ReadonlySet<number>>,
): Promise<Map<number, Map<number, number>>> {
  const found = new Map<number, Map<number, number>>();
  const lastLine = Math.max(0, ...wanted.keys());
  let line = 1;
  let column = 1;
  let cell = 0;
  let atCellStart = true;
  let inQuotes = false;
  let quoteInQuotes = false;
  let targets = wanted.get(1);
  const record = (): void => {
    if (!targets?.has(cell)) return;
    let cells = found.get(line);
    if (!cells) found.set(line, (cells = new Map()));
    if (!cells.has(cell)) cells.set(cell, column);
  };
  // Row ends are marked below for decodeText's guard against a row held open by a quote.
  const state = newTextState();
  try {
    for await (const text of decodeText(input, state)) {
      let i = 0;
      let slowUntil = -1;
      while (i < text.length) {
        if (line > lastLine) return found;
        if (!targets && !inQuotes && !quoteInQuotes && i > slowUntil) {
          // Lines without wanted cells are skipped whole unless a quote could open a multi-line cell.
          const lineEnd = text.indexOf('\n', i);
          const quote = text.indexOf('"', i);
          if (quote < 0 || (lineEnd >= 0 && quote > lineEnd)) {
            if (lineEnd < 0) {
              atCellStart = text.charCodeAt(text.length - 1) === COMMA;
              break;
            }
            i = lineEnd;
          } else slowUntil = lineEnd < 0 ? text.length : lineEnd;
        }
        const ch = text.charCodeAt(i);
        if (quoteInQuotes) {
          quoteInQuotes = false;
          if (ch === QUOTE) {
            column++;
            i++;
            continue;
          }
          inQuotes = false;
        }
        if (inQuotes) {
          if (ch === QUOTE) quoteInQuotes = true;
        } else {
          if (atCellStart) {
            record();
            atCellStart = false;
            if (ch === QUOTE) inQuotes = true;
          }
          if (ch === COMMA) {
            cell++;
            atCellStart = true;
          }
        }
        if (ch === LF) {
          line++;
          column = 1;
          if (!inQuotes) {
            cell = 0;
            atCellStart = true;
            targets = wanted.get(line);
          }
        } else if (ch < 0xdc00 || ch > 0xdfff) {
          column++;
        }
        i++;
      }
      if (!inQuotes) state.fedAtRowEnd = state.fed;
    }
    if (atCellStart && !inQuotes) record();
    return found;
  } finally {
    input.destroy();
  }
}
