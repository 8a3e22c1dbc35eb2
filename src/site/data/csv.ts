// A table as CSV (RFC 4180, CRLF line ends, UTF-8 with BOM so spreadsheets pick the encoding).
// Text cells that start with `=`, `+`, `-`, `@`, a tab or a carriage return are prefixed with
// `'` so that a spreadsheet shows them as text instead of running them as a formula (OWASP
// "CSV injection"). Numbers are written as plain numbers (a negative one is not a formula).
// `goalpost build` writes the downloads itself, beside the pages Astro wrote; `goalpost dev`
// serves them from the same function.
import { createHash } from 'node:crypto';
import { csvFile } from '../site-paths.ts';
import type { Cell, TableData } from './types.ts';

const FORMULA_START = /^[=+\-@\t\r]/;

export function neutralise(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

function quote(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function cellValue(cell: Cell | undefined): string {
  if (!cell) return '';
  // Computed figures (attainment) are rounded to 6 decimals: 0.65, not 0.6499999999999999.
  if (cell.num !== undefined) return cell.num === null || !Number.isFinite(cell.num) ? '' : String(Number(cell.num.toFixed(6)));
  return quote(neutralise(cell.text));
}

export function tableToCsv(table: TableData): string {
  const header = table.columns.map((c) => quote(neutralise(c.label))).join(',');
  const rows = table.rows.map((row) => table.columns.map((_, i) => cellValue(row.cells[i])).join(','));
  return `\uFEFF${[header, ...rows].join('\r\n')}\r\n`;
}

export interface CsvDownload {
  /** The file under the site's root, as its Download link names it (site-paths.ts). */
  file: string;
  text: string;
}

/**
 * The CSV download of each table that has rows: an empty table's page shows no download link
 * (DataTable.astro), so it gets no file (a fifth of the files of a large site were such
 * headers alone). A table listed twice (or two tables of the same text) gives
 * one file; two tables of different text under one file name are an error, since writing one
 * over the other would drop a table without a word. `written` (file -> digest of its text) may
 * be shared between calls, to hold for a whole build.
 */
export function* csvDownloads(tables: Iterable<TableData>, written = new Map<string, string>()): Generator<CsvDownload> {
  for (const table of tables) {
    if (table.rows.length === 0) continue;
    const file = csvFile(table.csv);
    const text = tableToCsv(table);
    const digest = createHash('sha256').update(text).digest('base64');
    const seen = written.get(file);
    if (seen === digest) continue;
    if (seen !== undefined) throw new Error(`two different tables would both be downloaded as ${file} (the second is ${table.csv})`);
    written.set(file, digest);
    yield { file, text };
  }
}
