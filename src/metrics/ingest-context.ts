// State shared by the files of one ingestion: the series being built, the period cache and the
// findings drafted so far. Series builders are found by scope, then KPI, through nested maps so
// that the hot path never concatenates strings to make a key.
import type { FileLayout } from './csv-header.ts';
import type { FindingDraft } from './finding-drafts.ts';
import { parsePeriod } from './periods.ts';
import { ScopeChecker } from './scope-check.ts';
import type { SeriesBuilder } from './series-builder.ts';
import type { MetricCatalog, ParsedPeriod } from './types.ts';

export class IngestContext {
  readonly fiscalYearStart: number;
  /** KPI id -> unit. */
  readonly kpiUnits: ReadonlyMap<string, string>;
  readonly scopes: ScopeChecker;
  /** scope -> KPI id -> builder. */
  readonly builders = new Map<string, Map<string, SeriesBuilder>>();
  readonly drafts: FindingDraft[] = [];
  /** Relative paths (`data/x.csv`) and header layouts, by file index. */
  readonly files: string[] = [];
  readonly layouts: (FileLayout | null)[] = [];
  /** Period labels repeat on every row; only valid ones are kept, so garbage cannot grow it. */
  private readonly periods = new Map<string, ParsedPeriod>();

  constructor(catalog: MetricCatalog) {
    this.fiscalYearStart = catalog.fiscalYearStart;
    this.kpiUnits = new Map(catalog.kpis.map((kpi) => [kpi.id, kpi.unit]));
    this.scopes = new ScopeChecker(catalog);
  }

  /** Rows come grouped by period, so the last label read is usually the next one too. */
  private lastPeriodText = '';
  private lastPeriod: ParsedPeriod | null = null;

  period(text: string): ParsedPeriod | null {
    if (text === this.lastPeriodText) return this.lastPeriod;
    let period = this.periods.get(text);
    if (period === undefined) {
      const parsed = parsePeriod(text, this.fiscalYearStart);
      if (parsed === null) return null;
      this.periods.set(text, (period = parsed));
    }
    this.lastPeriodText = text;
    this.lastPeriod = period;
    return period;
  }

  buildersOf(scope: string): Map<string, SeriesBuilder> {
    let byKpi = this.builders.get(scope);
    if (!byKpi) this.builders.set(scope, (byKpi = new Map()));
    return byKpi;
  }

  /** The cell holding the value of `kpi` in a file, for positions of conflicting points. */
  valueCell(file: number, kpi: string): number {
    const layout = this.layouts[file];
    if (!layout) return 0;
    if (layout.shape === 'long') return layout.valueCell;
    return layout.kpiColumns.find((column) => column.kpi === kpi)?.cell ?? 0;
  }
}
