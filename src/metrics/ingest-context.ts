// State shared by the files of one ingestion: the series being built, the period cache and the
// findings drafted so far. KPIs are numbered once, and each scope holds its series in an array
// indexed by KPI number, so the row loop finds a series with one Map lookup (the KPI) and an
// array read, and never builds a string key.
import { detachedText } from './cell-memo.ts';
import type { FileLayout } from './csv-header.ts';
import type { CellRef, FindingDraft } from './finding-drafts.ts';
import { GrowingSeries, type ReadProgress } from './growing-series.ts';
import { parsePeriod } from './periods.ts';
import { ScopeChecker } from './scope-check.ts';
import type { Granularity, MetricCatalog, ParsedPeriod } from './types.ts';
import { compareText } from '../util/compare-text.ts';

export interface KpiEntry {
  id: string;
  /** The KPI's name in the strategy (its id when unknown), for hints. */
  name: string;
  unit: string;
  percent: boolean;
  /** Position in the catalog: the index of the KPI's series in every ScopeSeries. */
  index: number;
  /** Computed from ticket exports: a metric CSV may not give it (kpi-computed). */
  computed: boolean;
}

export interface ScopeSeries {
  scope: string;
  /** By KPI index; undefined until the scope's first value of that KPI. */
  byKpi: (GrowingSeries | undefined)[];
  /** Why the scope is unknown to the strategy, or null. */
  problem: { message: string; hint: string } | null;
}

export class IngestContext {
  readonly fiscalYearStart: number;
  readonly kpis: ReadonlyMap<string, KpiEntry>;
  readonly drafts: FindingDraft[] = [];
  /** Relative paths (`data/x.csv`) and header layouts, by file index. */
  readonly files: string[] = [];
  readonly layouts: (FileLayout | null)[] = [];
  readonly progress: ReadProgress = { file: -1, fileBytes: 0, bytesRead: 0 };
  private readonly scopeChecker: ScopeChecker;
  private readonly scopes = new Map<string, ScopeSeries>();
  /** Parsed period labels, shared by the files; only valid ones are kept, so garbage cannot grow it. */
  private readonly periods = new Map<string, ParsedPeriod>();

  constructor(catalog: MetricCatalog) {
    this.fiscalYearStart = catalog.fiscalYearStart;
    this.kpis = new Map(catalog.kpis.map((kpi, index) => [kpi.id, { id: kpi.id, name: kpi.name ?? kpi.id, unit: kpi.unit, percent: kpi.unit === 'percent', index, computed: kpi.computed === true }]));
    this.scopeChecker = new ScopeChecker(catalog);
  }

  /** Adds a file to read; returns its index. */
  addFile(relativePath: string): number {
    this.layouts.push(null);
    return this.files.push(relativePath) - 1;
  }

  /** The period a trimmed cell names, or null. */
  period(text: string): ParsedPeriod | null {
    let period = this.periods.get(text);
    if (period === undefined) {
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
      entry = { scope, byKpi: new Array<GrowingSeries | undefined>(this.kpis.size).fill(undefined), problem: this.scopeChecker.problem(scope) };
      this.scopes.set(scope, entry);
    }
    return entry;
  }

  /**
   * Every series, in key order: by KPI id, then scope (seriesKey puts U+0000 between them, below
   * every character), so that the output does not depend on the order of the rows.
   */
  seriesInKeyOrder(): GrowingSeries[] {
    const byText = compareText;
    const kpis = [...this.kpis.values()].sort((a, b) => byText(a.id, b.id));
    const scopes = [...this.scopes.values()].sort((a, b) => byText(a.scope, b.scope));
    const ordered: GrowingSeries[] = [];
    for (const kpi of kpis) {
      for (const scope of scopes) {
        const series = scope.byKpi[kpi.index];
        if (series) ordered.push(series);
      }
    }
    return ordered;
  }

  newSeries(scope: ScopeSeries, kpi: KpiEntry, granularity: Granularity, first: CellRef): GrowingSeries {
    const series = new GrowingSeries(kpi.id, scope.scope, granularity, first, this.progress);
    scope.byKpi[kpi.index] = series;
    return series;
  }

  /** The cell holding the value of `kpi` in a file, for positions of conflicting points. */
  valueCell(file: number, kpi: string): number {
    const layout = this.layouts[file];
    if (!layout) return 0;
    if (layout.shape === 'long') return layout.valueCell;
    return layout.kpiColumns.find((column) => column.kpi === kpi)?.cell ?? 0;
  }
}
