// Turns the rows of one metric CSV into series points and findings. The first non-blank row is
// the header. Every row or cell that cannot be used yields a finding; problems that repeat on
// many rows (an unknown KPI, an unknown scope, a mixed period length) are reported once per file
// at their first place, with the number of rows concerned. The per-row path allocates nothing
// beyond what papaparse already made: lookups are cached by scope and by period label.
import type { FileLayout } from './csv-header.ts';
import { readHeader } from './csv-header.ts';
import type { FindingDraft } from './finding-drafts.ts';
import type { IngestContext } from './ingest-context.ts';
import { explainBadValue, parseMetricValue } from './metric-value.ts';
import type { DraftBody } from './metric-messages.ts';
import { EMPTY_FILE, malformedRow, mixedGranularity, PERIOD_HINT, strayCell, unknownKpiInRow } from './metric-messages.ts';
import { explainBadPeriod } from './periods.ts';
import type { CsvRowSink } from './read-csv-rows.ts';
import { SeriesBuilder } from './series-builder.ts';
import type { ParsedPeriod } from './types.ts';

interface Counted {
  draft: FindingDraft;
  rows: number;
}

interface ScopeSlot {
  scope: string;
  builders: Map<string, SeriesBuilder>;
  unknown?: Counted;
}

/** The trimmed cell; trim() is skipped when it has nothing to do, which is almost always. */
function cellText(fields: readonly string[], cell: number): string {
  const text = fields[cell];
  if (text === undefined || text === '') return '';
  return text.charCodeAt(0) > 32 && text.charCodeAt(text.length - 1) > 32 ? text : text.trim();
}

export class FileIngester implements CsvRowSink {
  /** undefined until the header row has been read; null when the file is unusable. */
  private layout: FileLayout | null | undefined;
  private readonly slots = new Map<string, ScopeSlot>();
  private lastSlot: ScopeSlot | undefined;
  private readonly repeated = new Map<string, Counted>();

  private readonly context: IngestContext;
  private readonly file: number;
  /** A counting pass only counts each series' points and reports nothing (see ingest.ts). */
  private readonly counting: boolean;

  constructor(context: IngestContext, file: number, counting = false) {
    this.context = context;
    this.file = file;
    this.counting = counting;
  }

  row(fields: string[], line: number): void {
    const layout = this.layout;
    if (layout === undefined) return this.readHeader(fields, line);
    if (layout === null) return;
    if (fields.length > layout.headerLength || layout.unnamedCells.length > 0) this.checkStray(fields, line, layout);
    const periodText = cellText(fields, layout.periodCell);
    const period = this.context.period(periodText);
    if (!period) {
      this.report({ code: 'metric-period', message: explainBadPeriod(periodText), hint: PERIOD_HINT }, line, layout.periodCell);
      return;
    }
    const scope = (layout.scopeCell < 0 ? '' : cellText(fields, layout.scopeCell)) || 'org';
    const slot = this.slot(scope, line, layout.scopeCell);
    if (slot.unknown) slot.unknown.rows++;
    if (layout.shape === 'wide') {
      for (const column of layout.kpiColumns) {
        const text = cellText(fields, column.cell);
        if (text !== '') this.addValue(slot, column.kpi, column.unit, text, period, line, column.cell);
      }
      return;
    }
    const kpi = cellText(fields, layout.kpiCell);
    const text = cellText(fields, layout.valueCell);
    const unit = this.context.kpiUnits.get(kpi);
    if (unit !== undefined) {
      if (text !== '') this.addValue(slot, kpi, unit, text, period, line, layout.valueCell);
    } else if (kpi !== '' || text !== '') {
      this.once(`kpi\u0000${kpi}`, line, layout.kpiCell, () => unknownKpiInRow(kpi, this.context.kpiUnits.keys()));
    }
  }

  malformed(line: number, message: string): void {
    if (this.layout !== null) this.report(malformedRow(message), line, 0);
  }

  /** Call once the file has been read: completes the counts of repeated findings. */
  end(): void {
    if (this.layout === undefined) this.report(EMPTY_FILE, 1, 0);
    for (const counted of [...this.repeated.values(), ...[...this.slots.values()].flatMap((s) => s.unknown ?? [])]) {
      if (counted.rows > 1) counted.draft.message += ` (${counted.rows} rows)`;
    }
  }

  private readHeader(fields: string[], line: number): void {
    const { layout, drafts } = readHeader(fields, { file: this.file, line }, this.context.kpiUnits);
    this.layout = layout;
    this.context.layouts[this.file] = layout;
    if (!this.counting) this.context.drafts.push(...drafts);
  }

  private slot(scope: string, line: number, cell: number): ScopeSlot {
    if (this.lastSlot?.scope === scope) return this.lastSlot;
    let slot = this.slots.get(scope);
    if (!slot) {
      slot = { scope, builders: this.context.buildersOf(scope) };
      const problem = this.context.scopes.problem(scope);
      if (problem) slot.unknown = { draft: this.report({ code: 'metric-unknown-scope', ...problem }, line, cell), rows: 0 };
      this.slots.set(scope, slot);
    }
    return (this.lastSlot = slot);
  }

  private addValue(slot: ScopeSlot, kpi: string, unit: string, text: string, period: ParsedPeriod, line: number, cell: number): void {
    const value = parseMetricValue(text, unit === 'percent');
    if (Number.isNaN(value)) {
      this.report({ code: 'metric-value', ...explainBadValue(text, kpi, unit) }, line, cell);
      return;
    }
    let builder = slot.builders.get(kpi);
    if (!builder) {
      builder = new SeriesBuilder(kpi, slot.scope, period.granularity, { file: this.file, line, cell });
      slot.builders.set(kpi, builder);
    } else if (builder.granularity !== period.granularity) {
      const key = `granularity\u0000${kpi}\u0000${slot.scope}\u0000${period.granularity}`;
      this.once(key, line, cell, () => mixedGranularity(builder!, period.granularity, this.context.files));
      return;
    }
    if (this.counting) builder.counted++;
    else builder.add(period.endDay, value, line, this.file);
  }

  /** Values in cells that have no column name: one finding per file, counting the rows. */
  private checkStray(fields: readonly string[], line: number, layout: FileLayout): void {
    for (let cell = 0; cell < fields.length; cell++) {
      const text = fields[cell]!.trim();
      if ((cell < layout.headerLength && !layout.unnamedCells.includes(cell)) || text === '') continue;
      return this.once('stray', line, cell, () => strayCell(text));
    }
  }

  /** A finding reported at its first place in the file; later rows only add to its count. */
  private once(key: string, line: number, cell: number, make: () => DraftBody): void {
    const counted = this.repeated.get(key);
    if (counted) counted.rows++;
    else this.repeated.set(key, { draft: this.report(make(), line, cell), rows: 1 });
  }

  private report(body: DraftBody, line: number, cell: number): FindingDraft {
    const draft: FindingDraft = { ...body, at: { file: this.file, line, cell } };
    if (!this.counting) this.context.drafts.push(draft);
    return draft;
  }
}
