// Reads a metric CSV's header row into a layout. Long shape: `period`, `kpi`, `value` and an
// optional `scope`; wide shape: `period`, optional `scope`, one column per KPI id. The reserved
// names are matched trimmed and case-insensitively; KPI ids exactly (trimmed). Columns that are
// unusable (repeated, unknown, unnamed) are reported here once, never once per row.
import { countOf } from '../util/count-of.ts';
import type { FindingDraft } from './finding-drafts.ts';
import { kpiHint } from './metric-messages.ts';
import { showCell } from './show-cell.ts';

export interface KpiColumn {
  cell: number;
  kpi: string;
  unit: string;
}

export interface FileLayout {
  shape: 'long' | 'wide';
  periodCell: number;
  /** -1 when the file has no scope column: every row is `org`. */
  scopeCell: number;
  /** Long shape only (else -1). */
  kpiCell: number;
  valueCell: number;
  /** Wide shape: the usable KPI columns. */
  kpiColumns: KpiColumn[];
  /** Header cells left empty between named ones: a value below one has no column to belong to. */
  unnamedCells: number[];
  /** Cells from this index on lie past the header's last named column (empty header cells after it are trailing commas). */
  namedLength: number;
}

const RESERVED = ['period', 'scope', 'kpi', 'value'] as const;
const EXAMPLE = 'period,kpi,value,scope (one value a row) or period,scope,<KPI ids> (one column per KPI)';

const EXPORT_HINT = 'Export the sheet as "CSV UTF-8 (comma delimited)".';

/** Why a header row shows that the file is no CSV text at all (a workbook, UTF-16, CR-only lines), or null. */
export function notCsvText(fields: readonly string[]): { message: string; hint: string } | null {
  const first = fields.join(',');
  if (first.startsWith('PK\u0003\u0004')) return { message: 'this is a zip archive (an Excel .xlsx workbook?), not a CSV file', hint: EXPORT_HINT };
  // Compact JSON starts `[{"` or `{"`; pretty-printed, its first line is a lone bracket.
  if (/^\s*(\[\s*)*\{\s*"/.test(first) || /^\s*[[{]\s*$/.test(first)) return { message: 'this is JSON, not a CSV file', hint: 'Export the data as CSV, with a header row such as period,kpi,value,scope.' };
  const nuls = countOf(first, '\u0000');
  if (nuls > 0) {
    // UTF-16 writes the ASCII of a header as a byte and a NUL each: about every other character.
    return nuls * 3 >= first.length
      ? { message: 'the file is UTF-16 text (Excel\'s "Unicode text"), not UTF-8', hint: EXPORT_HINT }
      : { message: 'the file holds NUL bytes: it is not a text file', hint: EXPORT_HINT };
  }
  if (/\r\s*\S/.test(first)) {
    // With only CRs, the whole file reads as one line, and its rows as header cells.
    return { message: 'the lines of this file end with a carriage return only (CR), as old Mac programs write them, so it reads as one line', hint: 'Save the file with Windows (CRLF) or Unix (LF) line endings.' };
  }
  return null;
}

/**
 * The separator of a header line that is not separated by commas (semicolons, as Excel writes
 * CSV in much of Europe, or tabs), as a finding; null when it is not that.
 */
export function otherSeparator(headerLine: string): { message: string; hint: string } | null {
  // Quotes are dropped: R's write.csv2 quotes every cell of a header separated by semicolons.
  const text = headerLine.replaceAll('"', '');
  for (const [separator, name] of [[';', 'semicolons'], ['\t', 'tabs']] as const) {
    if (text.includes(separator) && /(^|[;\t\s])period([;\t\s]|$)/i.test(text)) {
      return { message: `the header row is separated by ${name}, not commas`, hint: `Export as "CSV UTF-8 (comma delimited)", or replace the ${name} with commas.` };
    }
  }
  return null;
}

/**
 * A help-desk ticket export (one row a ticket) dropped into data/ without a TicketSource: its
 * header names a ticket id and a creation time. The help desk is told by the preset's headers.
 */
export function ticketExportOf(names: readonly string[]): 'zendesk' | 'freshdesk' | 'none' | null {
  const has = (name: string) => names.includes(name);
  if (has('Id') && has('Created at')) return 'zendesk';
  if (has('Ticket ID') && has('Created time')) return 'freshdesk';
  const lower = names.map((name) => name.toLowerCase());
  return lower.some((name) => /^(ticket[ _]?)?id$/.test(name)) && lower.some((name) => /^created([ _]?(at|time|date))?$/.test(name)) ? 'none' : null;
}

function ticketExportHint(preset: 'zendesk' | 'freshdesk' | 'none', file: string | undefined): { message: string; hint: string } {
  const desk = preset === 'none' ? 'a help desk' : preset === 'zendesk' ? 'Zendesk' : 'Freshdesk';
  const glob = file?.replace(/^data\//, '') ?? 'tickets/*.csv';
  return {
    message: `this looks like a ticket export from ${desk} (one row a ticket), not a metric file (one value a row, with a \`period\` column)`,
    hint: `To compute KPIs from it, add to a file under strategy/:\n  kind: TicketSource\n  id: ${preset === 'none' ? 'helpdesk' : preset}\n  files: ${glob}\n  preset: ${preset}\nthen give each KPI to compute a \`tickets:\` block (see docs/helpdesk.md).`,
  };
}

export function readHeader(
  fields: readonly string[],
  at: { file: number; line: number },
  kpis: ReadonlyMap<string, { unit: string; name?: string }>,
  fileName?: string,
): { layout: FileLayout | null; drafts: FindingDraft[] } {
  const drafts: FindingDraft[] = [];
  const report = (cell: number, code: FindingDraft['code'], message: string, hint?: string): void => {
    drafts.push({ code, message, at: { ...at, cell }, ...(hint === undefined ? {} : { hint }) });
  };
  const notText = notCsvText(fields);
  if (notText) {
    report(0, 'metric-file', notText.message, notText.hint);
    return { layout: null, drafts };
  }
  const names = fields.map((field) => field.trim());
  const reserved = new Map<string, number>();
  const others: number[] = [];
  names.forEach((name, cell) => {
    const lower = name.toLowerCase();
    if (!(RESERVED as readonly string[]).includes(lower)) {
      if (name !== '') others.push(cell);
    } else if (reserved.has(lower)) {
      report(cell, 'metric-file', `the column \`${lower}\` appears twice; this one is ignored`, 'Remove the repeated column.');
    } else reserved.set(lower, cell);
  });
  const periodCell = reserved.get('period');
  if (periodCell === undefined) {
    // Joined: a quoted cell of a header separated by semicolons may hold a comma.
    const ticketExport = ticketExportOf(names);
    const { message, hint } = otherSeparator(fields.join(',')) ??
      (ticketExport ? ticketExportHint(ticketExport, fileName) : null) ?? {
        message: 'the header row has no `period` column',
        hint: `Start the file with a header row such as ${EXAMPLE}.`,
      };
    report(0, 'metric-file', message, hint);
    return { layout: null, drafts };
  }
  const namedLength = names.reduce((end, name, cell) => (name === '' ? end : cell + 1), 0);
  const kpiCell = reserved.get('kpi') ?? -1;
  const valueCell = reserved.get('value') ?? -1;
  const layout: FileLayout = {
    shape: kpiCell >= 0 || valueCell >= 0 ? 'long' : 'wide',
    periodCell,
    scopeCell: reserved.get('scope') ?? -1,
    kpiCell,
    valueCell,
    kpiColumns: [],
    unnamedCells: names.flatMap((name, cell) => (name === '' && cell < namedLength ? [cell] : [])),
    namedLength,
  };
  if (layout.shape === 'long') {
    if (kpiCell < 0 || valueCell < 0) {
      const missing = kpiCell < 0 ? 'kpi' : 'value';
      report(Math.max(kpiCell, valueCell), 'metric-file', `a file with a \`${kpiCell < 0 ? 'value' : 'kpi'}\` column also needs a \`${missing}\` column`, `Use ${EXAMPLE}.`);
      return { layout: null, drafts };
    }
    for (const cell of others) {
      // Help-desk exports often carry a note or id column: worth a warning, not a failed CI.
      report(cell, 'metric-column-ignored', `the column ${showCell(names[cell]!)} is not period, kpi, value or scope; its cells are ignored`, `The columns are period, kpi, value and optionally scope.`);
    }
    return { layout, drafts };
  }
  const seen = new Set<string>();
  for (const cell of others) {
    const kpi = names[cell]!;
    const unit = kpis.get(kpi)?.unit;
    if (seen.has(kpi)) {
      report(cell, 'metric-file', `the KPI column ${showCell(kpi)} appears twice; this one is ignored`, 'Remove the repeated column.');
    } else if (unit === undefined) {
      report(cell, 'metric-unknown-kpi', `no KPI has the id ${showCell(kpi)}; this column is ignored`, kpiHint(kpi, kpis, 'Name the column after a KPI id, or define the KPI under strategy/.'));
    } else layout.kpiColumns.push({ cell, kpi, unit });
    seen.add(kpi);
  }
  if (others.length === 0) report(periodCell, 'metric-file', 'the file has a `period` column but no KPI columns', `Use ${EXAMPLE}.`);
  return { layout, drafts };
}
