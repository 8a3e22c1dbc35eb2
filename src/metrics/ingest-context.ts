// State shared by the files of one ingestion: the series being built, the period cache and the
// findings drafted so far. KPIs are numbered once, and each scope holds its series in an array
// indexed by KPI number, so the row loop finds a series with one Map lookup (the KPI) and an
// array read, and never builds a string key.
import type { FileLayout } from './csv-header.ts';
import type { FindingDraft } from './finding-drafts.ts';
import { detachedText } from './cell-memo.ts';
import { parsePeriod, QUARTER } from './periods.ts';
import { ScopeChecker } from './scope-check.ts';
import { PointStore } from './point-store.ts';
import { SeriesBuilder } from './series-builder.ts';
import type { Granularity, MetricCatalog, ParsedPeriod } from './types.ts';

export interface KpiEntry {
  id: string;
  /** The KPI's name in the strategy (its id when unknown), for hints. */
  name: string;
  unit: string;
  percent: boolean;
  /** Position in the catalog: the index of the KPI's series in every ScopeSeries. */
  index: number;
}

export interface ScopeSeries {
  scope: string;
  /** By KPI index; undefined until the scope's first value of that KPI. */
  byKpi: (SeriesBuilder | undefined)[];
  /** Why the scope is unknown to the strategy, or null. */
  problem: { message: string; hint: string } | null;
}

/**
 * KPIs for a part of a file read before the strategy (see ingest-part.ts): every id met is taken
 * for a KPI, numbered in the order met, and checked against the strategy when the parts are
 * joined.
 */
class KpisMetSoFar extends Map<string, KpiEntry> {
  override get(id: string): KpiEntry | undefined {
    let entry = super.get(id);
    if (entry === undefined && id !== '') this.set(id, (entry = { id, name: id, unit: '', percent: false, index: this.size }));
    return entry;
  }
}

export class IngestContext {
  readonly fiscalYearStart: number;
  /** False before the strategy is read: a quarter then names no period, as its dates depend on the fiscal year. */
  private readonly quartersKnown: boolean;
  readonly kpis: ReadonlyMap<string, KpiEntry>;
  readonly drafts: FindingDraft[] = [];
  /** Every series builder, by id. */
  readonly series: SeriesBuilder[] = [];
  readonly store = new PointStore();
  /** Relative paths (`data/x.csv`) and header layouts, by file index. */
  readonly files: string[] = [];
  readonly layouts: (FileLayout | null)[] = [];
  /** null before the strategy is read: every scope is then taken as known. */
  private readonly scopeChecker: ScopeChecker | null;
  private readonly scopes = new Map<string, ScopeSeries>();
  /** Parsed period labels, shared by the files; only valid ones are kept, so garbage cannot grow it. */
  private readonly periods = new Map<string, ParsedPeriod>();

  /** `catalog` null: reading a part of a file before the strategy is read (see ingest-part.ts). */
  constructor(catalog: MetricCatalog | null) {
    this.fiscalYearStart = catalog?.fiscalYearStart ?? 1;
    this.quartersKnown = catalog !== null;
    this.kpis = catalog
      ? new Map(catalog.kpis.map((kpi, index) => [kpi.id, { id: kpi.id, name: kpi.name ?? kpi.id, unit: kpi.unit, percent: kpi.unit === 'percent', index }]))
      : new KpisMetSoFar();
    this.scopeChecker = catalog ? new ScopeChecker(catalog) : null;
  }

  /** The period a trimmed cell names, or null. */
  period(text: string): ParsedPeriod | null {
    let period = this.periods.get(text);
    if (period === undefined) {
      if (!this.quartersKnown && QUARTER.test(text)) return null;
      const parsed = parsePeriod(text, this.fiscalYearStart);
      if (parsed === null) return null;
      this.periods.set(text, (period = parsed));
    }
    return period;
  }

  /** The series of a trimmed scope cell, created (and checked against the strategy) on first use. */
  scope(text: string): ScopeSeries {
    let entry = this.scopes.get(text);
    if (!entry) {
      // Kept for the whole ingestion: a copy, so as not to keep the file's chunk it was cut from.
      const scope = detachedText(text);
      entry = { scope, byKpi: new Array<SeriesBuilder | undefined>(this.kpis.size).fill(undefined), problem: this.scopeProblem(scope) };
      this.scopes.set(scope, entry);
    }
    return entry;
  }

  /** Why a trimmed scope cell names nothing in the strategy, or null; without creating its entry. */
  scopeProblem(text: string): { message: string; hint: string } | null {
    return this.scopes.get(text)?.problem ?? this.scopeChecker?.problem(text) ?? null;
  }

  /** The series of a scope already met, without creating its entry. */
  knownScope(text: string): ScopeSeries | undefined {
    return this.scopes.get(text);
  }

  newSeries(scope: ScopeSeries, kpi: KpiEntry, granularity: Granularity, firstSource: { file: number; line: number; cell: number }): SeriesBuilder {
    const builder = new SeriesBuilder(this.series.length, kpi.id, scope.scope, granularity, firstSource, this.store);
    this.series.push(builder);
    scope.byKpi[kpi.index] = builder;
    return builder;
  }

  /** The cell holding the value of `kpi` in a file, for positions of conflicting points. */
  valueCell(file: number, kpi: string): number {
    const layout = this.layouts[file];
    if (!layout) return 0;
    if (layout.shape === 'long') return layout.valueCell;
    return layout.kpiColumns.find((column) => column.kpi === kpi)?.cell ?? 0;
  }
}
