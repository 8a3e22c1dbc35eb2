// The wording of the metric findings that ingest-file.ts reports once per file, kept apart so
// the row loop stays readable. Cell text is always shown through showCell.
import { closestMatch } from '../util/closest-match.ts';
import type { FindingDraft } from './finding-drafts.ts';
import type { GrowingSeries } from './growing-series.ts';
import { GRANULARITY_NOUN } from './periods.ts';
import { showCell } from './show-cell.ts';
import type { Granularity } from './types.ts';

export type DraftBody = Omit<FindingDraft, 'at'>;

/** How many findings of one rule one column of a file gets before the rest are only counted. */
export const MAX_CELL_FINDINGS = 20;

export const PERIOD_HINT = 'Write periods as 2026-04-07 (day), 2026-W15 (ISO week), 2026-04 (month) or 2026-Q2 (quarter).';

/**
 * The hint for a cell or column that names no KPI id: the KPI whose name it holds (exports often
 * use the names people read), else the closest id, else `otherwise`.
 */
export function kpiHint(text: string, kpis: ReadonlyMap<string, { name?: string }>, otherwise: string): string {
  const wanted = text.trim().toLowerCase();
  for (const [id, { name }] of kpis) {
    if (name !== undefined && name !== id && name.toLowerCase() === wanted) return `Use the KPI's id, \`${id}\`: "${name}" is its name.`;
  }
  const suggestion = closestMatch(text, kpis.keys());
  return suggestion ? `Did you mean \`${suggestion}\`?` : otherwise;
}

export function unknownKpiInRow(kpi: string, kpis: ReadonlyMap<string, { name?: string }>): DraftBody {
  if (kpi === '') {
    return { code: 'metric-unknown-kpi', message: 'the kpi cell is empty, so the value belongs to no KPI', hint: 'Fill in the KPI id.' };
  }
  return {
    code: 'metric-unknown-kpi',
    message: `no KPI has the id ${showCell(kpi)}; its rows are ignored`,
    hint: kpiHint(kpi, kpis, 'Use a KPI id, or define the KPI under strategy/.'),
  };
}

export function mixedGranularity(series: GrowingSeries, granularity: Granularity, files: readonly string[]): DraftBody {
  const first = { file: series.firstFile, line: series.firstLine, cell: series.firstCell };
  const was = GRANULARITY_NOUN[series.granularity];
  return {
    code: 'metric-granularity',
    message:
      `\`${series.kpi}\` at ${series.scope} is ${was} (from ${files[first.file]} line ${first.line}), ` +
      `but this value is ${GRANULARITY_NOUN[granularity]}; it is ignored`,
    hint: 'Give one series one period length: export it at one granularity, or drop the other rows.',
    related: [{ at: first, message: `the first ${was} value of this series` }],
  };
}

/** The finding that counts a column's cells (or a file's rows) past the first findings of one rule. */
export function moreCells(first: DraftBody): DraftBody {
  const what =
    first.code === 'metric-period' ? 'cells that are not periods' : first.code === 'metric-file' ? 'rows that cannot be read as CSV' : 'cells that cannot be read as numbers';
  return {
    code: first.code,
    message: `from here on, this column has more ${what}; only the first ${MAX_CELL_FINDINGS} are listed one by one, the rest are counted here`,
    ...(first.hint === undefined ? {} : { hint: first.hint }),
  };
}

export const MORE_UNKNOWN_KPIS: DraftBody = {
  code: 'metric-unknown-kpi',
  message: `from here on, more rows name KPIs that do not exist; only the first ${MAX_CELL_FINDINGS} ids are listed one by one, the rest are counted here`,
  hint: 'Check that the kpi column holds KPI ids defined under strategy/.',
};

export const MORE_MIXED_SERIES: DraftBody = {
  code: 'metric-granularity',
  message: `from here on, more series mix period lengths; only the first ${MAX_CELL_FINDINGS} are listed one by one, the rest of their values are ignored and counted here`,
  hint: 'Give one series one period length: keep weekly and monthly exports of the same KPIs apart, or drop one.',
};

export const MORE_UNKNOWN_SCOPES: DraftBody = {
  code: 'metric-unknown-scope',
  message: `from here on, more scopes name nothing in the strategy; only the first ${MAX_CELL_FINDINGS} are listed one by one, the rest are counted here`,
  hint: 'Check that the scope column holds org, or team:, person:, channel:, segment: or sla: and an existing id.',
};

const QUOTE_HINT = 'A quoted cell starts and ends with a double quote; write a quote inside it as two ("").';

/** A row papaparse could not read, spanning `line` to `lastLine`; `header` when it is the file's first. */
export function malformedRow(papaparseMessage: string, line: number, lastLine: number, header: boolean): DraftBody {
  const why = papaparseMessage.toLowerCase();
  const lost = header ? 'the file is not read' : lastLine > line ? `lines ${line} to ${lastLine} are ignored` : 'it is ignored';
  const runsOn = lastLine > line ? `: a quoted cell in it runs on to line ${lastLine}, so ` : '; ';
  return {
    code: 'metric-file',
    message: `${header ? 'the header row' : 'this row'} cannot be read as CSV (${why})${runsOn}${lost}`,
    hint: lastLine > line ? `${QUOTE_HINT} Close or remove the quote that opens on line ${line}.` : QUOTE_HINT,
  };
}

export const NOT_UTF8: DraftBody = {
  code: 'metric-file',
  message: 'this cell holds bytes that are not UTF-8 text (shown as \uFFFD): the file was saved in another encoding, such as Latin-1 or Windows-1252',
  hint: 'Save or export the file as UTF-8 ("CSV UTF-8" in Excel). Until then, names with accents match nothing in the strategy.',
};

/** A header and nothing under it: most often an export that failed or a filter that matched nothing. */
export const NO_ROWS: DraftBody = {
  code: 'file-empty',
  message: 'the file has a header row and no data rows',
  hint: 'Export it again, or delete it if it is not needed.',
};

export const EMPTY_FILE: DraftBody = {
  code: 'metric-file',
  message: 'the file is empty: it has no header row',
  hint: 'Start the file with a header row such as period,kpi,value,scope.',
};

/** A row with a value in cell `cell`, past the header's last named cell `lastNamed` (both 0-based). */
export function shiftedRow(cell: number, lastNamed: number): DraftBody {
  return {
    code: 'metric-file',
    message: `this row has a value past the header's last named column (in cell ${cell + 1}; the last named is cell ${lastNamed + 1}), so its values may sit in the wrong columns; it is ignored`,
    hint: 'A decimal comma (88,5) or a comma in a cell that is not quoted shifts the cells: write 88.5, and quote a cell that holds a comma.',
  };
}

export function strayCell(text: string): DraftBody {
  return {
    code: 'metric-file',
    message: `this cell has no column name in the header row, so its value ${showCell(text)} is ignored`,
    hint: 'Name the column in the header row, or remove the value.',
  };
}
