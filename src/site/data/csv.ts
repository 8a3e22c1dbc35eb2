// A table as CSV (RFC 4180, CRLF line ends, UTF-8 with BOM so spreadsheets pick the encoding).
// Text cells that start with `=`, `+`, `-`, `@`, a tab or a carriage return are prefixed with
// `'` so that a spreadsheet shows them as text instead of running them as a formula (OWASP
// "CSV injection"). Numbers are written as plain numbers (a negative one is not a formula).
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
