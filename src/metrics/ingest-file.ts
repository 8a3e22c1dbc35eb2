// Turns the rows of one metric CSV into series points and findings. The first non-blank row is
// the header. Every row or cell that cannot be used yields a finding; problems that repeat on
// many rows (an unknown KPI, an unknown scope, a mixed period length) are reported once per file
// at their first place, with the number of rows concerned. Rows come as ranges of the file's
// text (see CsvRow), and the per-row path makes no string and no object: cells are resolved and
// numbers read where they lie, and a cell is cut out only to be shown in a finding.
import { CellMemo } from './cell-memo.ts';
import type { FileLayout } from './csv-header.ts';
import { notCsvText, otherSeparator, readHeader } from './csv-header.ts';
import type { FindingDraft } from './finding-drafts.ts';
import type { IngestContext, KpiEntry, ScopeSeries } from './ingest-context.ts';
import type { CsvRow } from './csv-row.ts';
import { explainBadValue, parseMetricValue, parsePlainDecimalAt } from './metric-value.ts';
import type { DraftBody } from './metric-messages.ts';
import {
  EMPTY_FILE,
  NO_ROWS,
  MAX_CELL_FINDINGS,
  malformedRow,
  mixedGranularity,
  MORE_MIXED_SERIES,
  MORE_UNKNOWN_KPIS,
  MORE_UNKNOWN_SCOPES,
  moreCells,
  NOT_UTF8,
  PERIOD_HINT,
  shiftedRow,
  strayCell,
  unknownKpiInRow,
} from './metric-messages.ts';
import { explainBadPeriod } from './periods.ts';
import type { GrowingSeries } from './growing-series.ts';
import type { CsvCellSink } from './read-csv-rows.ts';
import type { Granularity, ParsedPeriod } from './types.ts';

interface Counted {
  draft: FindingDraft;
  rows: number;
}

interface WideColumn {
  cell: number;
  kpi: KpiEntry;
}

/** The cell without surrounding spaces; trim() is skipped when it has nothing to do. */
function trimmed(text: string): string {
  return text === '' || (text.charCodeAt(0) > 32 && text.charCodeAt(text.length - 1) > 32) ? text : text.trim();
}

export class FileIngester implements CsvCellSink {
  /** undefined until the header row has been read; null when the file is unusable. */
  private layout: FileLayout | null | undefined;
  /** Whether a row came after the header: a header alone is reported (file-empty). */
  private sawRow = false;
  private wideColumns: WideColumn[] = [];
  private readonly repeated = new Map<string, Counted>();
  /** Keys listed so far by group (see onceInGroup). */
  private readonly listedInGroup = new Map<string, number>();
  /** Findings made so far by rule and cell index (see reportCell). */
  private readonly cellFindings = new Map<string, number>();
  private readonly periods: CellMemo<ParsedPeriod>;
  private readonly scopes: CellMemo<ScopeSeries>;
  private readonly kpis: CellMemo<KpiEntry>;

  private readonly context: IngestContext;
  private readonly file: number;

  /** `fileBytes`: the file's size, or 0 when unknown (see GrowingSeries.nextCapacity). */
  constructor(context: IngestContext, file: number, fileBytes = 0) {
    this.context = context;
    this.file = file;
    context.progress.file = file;
    context.progress.fileBytes = fileBytes;
    context.progress.bytesRead = 0;
    this.periods = new CellMemo((text) => context.period(trimmed(text)) ?? undefined);
    this.scopes = new CellMemo((text) => context.scope(trimmed(text) || 'org'));
    this.kpis = new CellMemo((text) => context.kpis.get(trimmed(text)));
  }

  rowOfCells(row: CsvRow, line: number): void {
    const layout = this.layout;
    if (layout === undefined) return this.readHeader(row.fields(), line);
    if (layout === null) return;
    this.sawRow = true;
    if ((row.count > layout.namedLength || layout.unnamedCells.length > 0) && this.hasShiftedCells(row, line, layout)) return;
    const { text } = row;
    const periodCell = layout.periodCell;
    const period = this.periods.get(text, row.start(periodCell), row.end(periodCell));
    if (period === undefined) {
      const shown = trimmed(row.cell(periodCell));
      return this.reportCell({ code: 'metric-period', message: explainBadPeriod(shown), hint: PERIOD_HINT }, line, periodCell);
    }
    // No scope column: every row is org, as an empty scope cell is.
    const scopeCell = layout.scopeCell < 0 ? row.count : layout.scopeCell;
    const scope = this.scopes.get(text, row.start(scopeCell), row.end(scopeCell))!;
    // Spellings that differ only in spaces name one scope, and so share one finding.
    if (scope.problem) this.unknownScope(scope, line, layout.scopeCell);
    if (layout.shape === 'wide') {
      for (const column of this.wideColumns) {
        if (!row.isEmpty(column.cell)) this.addValue(scope, column.kpi, row, column.cell, period, line);
      }
      return;
    }
    const { kpiCell, valueCell } = layout;
    const kpi = this.kpis.get(text, row.start(kpiCell), row.end(kpiCell));
    if (kpi === undefined) this.unknownKpi(trimmed(row.cell(kpiCell)), row.cell(valueCell), line, kpiCell);
    else if (!row.isEmpty(valueCell)) this.addValue(scope, kpi, row, valueCell, period, line);
  }

  malformed(line: number, message: string, lastLine: number, fields: readonly string[]): void {
    if (this.layout === null) return;
    if (this.layout !== undefined) {
      this.sawRow = true;
      return this.reportCell(malformedRow(message, line, lastLine, false), line, 0);
    }
    // Without its header row the file cannot be read (and is not empty). Its quotes are often
    // those of JSON, or of a file separated by semicolons, whose cells R and Excel quote.
    this.layout = null;
    // Only its first line: a quote never closed takes the lines after it (and their CRs) in.
    const firstLine = fields.join(',').split('\n')[0]!.replace(/\r$/, '');
    const known = notCsvText([firstLine]) ?? otherSeparator(firstLine);
    this.report(known ? { code: 'metric-file', ...known } : malformedRow(message, line, lastLine, true), line, 0);
  }

  progress(bytesRead: number): void {
    this.context.progress.bytesRead = bytesRead;
  }

  notUtf8(line: number, cell: number): void {
    // A header that could not be read already says what the file is.
    if (this.layout !== null) this.report(NOT_UTF8, line, cell);
  }

  /** Call once the file has been read: completes the counts of repeated findings. */
  end(): void {
    if (this.layout === undefined) this.report(EMPTY_FILE, 1, 0);
    else if (this.layout !== null && !this.sawRow) this.report(NO_ROWS, 1, 0);
    for (const counted of this.repeated.values()) {
      if (counted.rows > 1) counted.draft.message += ` (${counted.rows} rows)`;
    }
  }

  private readHeader(fields: string[], line: number): void {
    const { layout, drafts } = readHeader(fields, { file: this.file, line }, this.context.kpis, this.context.files[this.file]);
    this.layout = layout;
    this.context.layouts[this.file] = layout;
    this.wideColumns = (layout?.kpiColumns ?? []).map((column) => ({ cell: column.cell, kpi: this.context.kpis.get(column.kpi)! }));
    this.context.drafts.push(...drafts);
  }

  /** A row whose scope names nothing in the strategy: a warning, its rows still read. */
  private unknownScope(scope: ScopeSeries, line: number, cell: number): void {
    const problem = scope.problem!;
    this.onceInGroup('scope', scope.scope, line, cell, () => ({ code: 'metric-unknown-scope', ...problem }), MORE_UNKNOWN_SCOPES);
  }

  /** A KPI cell that names no KPI: its rows are ignored, and reported once. */
  private unknownKpi(kpi: string, value: string, line: number, cell: number): void {
    if (kpi === '' && value.trim() === '') return;
    // A kpi column holding ticket ids would otherwise make a finding per row.
    this.onceInGroup('kpi', kpi, line, cell, () => unknownKpiInRow(kpi, this.context.kpis), MORE_UNKNOWN_KPIS);
  }

  private addValue(scope: ScopeSeries, kpi: KpiEntry, row: CsvRow, cell: number, period: ParsedPeriod, line: number): void {
    let value = parsePlainDecimalAt(row.text, row.start(cell), row.end(cell));
    if (value !== value) {
      const written = trimmed(row.cell(cell));
      if (written === '') return;
      value = parseMetricValue(written, kpi.percent);
      if (Number.isNaN(value)) {
        this.reportCell({ code: 'metric-value', ...explainBadValue(written, kpi.id, kpi.unit) }, line, cell);
        return;
      }
    }
    // A new series takes the same path as a known one: an export's first rows create every
    // series, and code optimized on them alone would be thrown away at the second period.
    const series = scope.byKpi[kpi.index] ?? this.context.newSeries(scope, kpi, period.granularity, { file: this.file, line, cell });
    if (series.granularity === period.granularity) series.add(period.endDay, value, this.file, line);
    else this.mixedGranularity(series, period.granularity, line, cell);
  }

  /** A value whose period length differs from its series'. */
  private mixedGranularity(series: GrowingSeries, granularity: Granularity, line: number, cell: number): void {
    // A monthly export beside a weekly one of the same KPIs would make a finding per series.
    const key = `${series.kpi}\u0000${series.scope}\u0000${granularity}`;
    this.onceInGroup('granularity', key, line, cell, () => mixedGranularity(series, granularity, this.context.files), MORE_MIXED_SERIES);
  }

  /**
   * Values in cells that have no column name, each kind one finding per file, counting the rows.
   * A value past the header's last named column means the row's cells may be shifted (a decimal
   * comma, a comma in an unquoted cell), so the row is ignored: true. A value below an unnamed
   * header cell between named ones is only that cell's loss.
   */
  private hasShiftedCells(row: CsvRow, line: number, layout: FileLayout): boolean {
    for (let cell = layout.namedLength; cell < row.count; cell++) {
      if (row.isEmpty(cell) || row.cell(cell).trim() === '') continue;
      this.once('shifted', line, cell, () => shiftedRow(cell, layout.namedLength - 1));
      return true;
    }
    for (const cell of layout.unnamedCells) {
      const text = row.cell(cell).trim();
      if (text === '') continue;
      this.once('stray', line, cell, () => strayCell(text));
      break;
    }
    return false;
  }

  /**
   * A finding about one cell. A column of "n/a" in a long export would otherwise make a
   * finding per row (a million of them, and the memory and output to match): past the first
   * MAX_CELL_FINDINGS of one rule in one column, the cells are counted in a single finding.
   */
  private reportCell(body: DraftBody, line: number, cell: number): void {
    const key = `${body.code}\u0000${cell}`;
    const seen = this.cellFindings.get(key) ?? 0;
    this.cellFindings.set(key, seen + 1);
    if (seen < MAX_CELL_FINDINGS) this.report(body, line, cell);
    else this.once(`more\u0000${key}`, line, cell, () => moreCells(body));
  }

  /**
   * once() for one of many keys of a group (unknown KPI ids and scopes, series with mixed periods): the
   * first MAX_CELL_FINDINGS keys get a finding each, and the rows of all later keys are
   * counted in the one finding `more`.
   */
  private onceInGroup(group: string, key: string, line: number, cell: number, make: () => DraftBody, more: DraftBody): void {
    const full = `${group}\u0000${key}`;
    if (!this.repeated.has(full)) {
      const listed = this.listedInGroup.get(group) ?? 0;
      if (listed >= MAX_CELL_FINDINGS) return this.once(`more\u0000${group}`, line, cell, () => more);
      this.listedInGroup.set(group, listed + 1);
    }
    this.once(full, line, cell, make);
  }

  /** A finding reported at its first place in the file; later rows only add to its count. */
  private once(key: string, line: number, cell: number, make: () => DraftBody): void {
    const counted = this.repeated.get(key);
    if (counted) counted.rows++;
    else this.repeated.set(key, { draft: this.report(make(), line, cell), rows: 1 });
  }

  private report(body: DraftBody, line: number, cell: number): FindingDraft {
    const draft: FindingDraft = { ...body, at: { file: this.file, line, cell } };
    this.context.drafts.push(draft);
    return draft;
  }
}
