// The one way through: files -> parse -> validate -> model -> metrics -> progress. Every
// command (check, status, build, dev, diff) calls runPipeline and renders what it returns;
// `check` is `build` without the rendering.
import { computeProgress } from './compute/compute-progress.ts';
import { findMissingCheckins, findOverdueDecisions, findPercentFractions } from './compute/review-findings.ts';
import { findStaleData } from './compute/stale-data.ts';
import type { ProgressReport } from './compute/types.ts';
import { compareDiagnostics, type Diagnostic, type Finding } from './diagnostics/diagnostic.ts';
import type { FileSystem } from './effects.ts';
import { ingestMetrics } from './metrics/ingest.ts';
import type { MetricCatalog, SeriesSet } from './metrics/types.ts';
import { buildModel } from './model/build-model.ts';
import type { IsoDate } from './spec/values.ts';
import type { Model } from './model/types.ts';
import { loadStrategy } from './parse/load-strategy.ts';
import { applyRuleSettings } from './validate/apply-rule-settings.ts';
import { validateStrategy, type ValidatedStrategy } from './validate/validate-strategy.ts';

export interface PipelineOptions {
  root: string;
  /** From --as-of; else the Workspace's asOf; else `today()`. */
  asOf?: IsoDate;
  today: () => IsoDate;
}

export interface PipelineResult {
  /** Every diagnostic of every stage, sorted by file, line and column. */
  diagnostics: Diagnostic[];
  /** Null when there is no usable Workspace document. */
  model: Model | null;
  asOf: IsoDate;
  /** Strategy files read, relative to the root. */
  strategyFiles: string[];
  /** Metric series from data/*.csv, keyed by seriesKey(kpi, scope). */
  series: SeriesSet;
  /** Where every goal stands at `asOf`; null when there is no model. */
  progress: ProgressReport | null;
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/**
 * What metric ingestion needs, from every document that passed the schema, so a broken goal
 * elsewhere does not turn every CSV row into an unknown-KPI error.
 */
function metricCatalog({ docs, known }: ValidatedStrategy): MetricCatalog {
  const specs = new Map(docs.kpis.map((kpi) => [kpi.spec.id, kpi.spec]));
  return {
    fiscalYearStart: docs.workspace?.spec.fiscalYearStart ?? 1,
    kpis: [...known.kpi].sort().map((id) => ({ id, unit: (specs.get(id)?.unit as string | undefined) ?? '', name: specs.get(id)?.name ?? id })),
    teams: [...known.team],
    people: [...known.person],
    channels: [...known.channel],
    segments: [...known.segment],
    slaPolicies: [...known.sla],
  };
}

/** The rules that need the data or the as-of date, not only the strategy. */
function findDataFindings(model: Model, series: SeriesSet, asOf: IsoDate): Finding[] {
  return [...findStaleData(model, series, asOf), ...findMissingCheckins(model, series), ...findOverdueDecisions(model, asOf), ...findPercentFractions(model, series)];
}

export async function runPipeline(fs: FileSystem, options: PipelineOptions): Promise<PipelineResult> {
  const loaded = await loadStrategy(fs, options.root);
  const validated = validateStrategy(loaded.documents, loaded.brokenIds);
  const settings = validated.docs.workspace?.spec.rules ?? {};
  const strategyDiagnostics = applyRuleSettings([...loaded.findings, ...validated.findings], settings);
  const model = buildModel(validated.docs, strategyDiagnostics);
  const asOf = options.asOf ?? model?.workspace.asOf ?? options.today();

  const metrics = await ingestMetrics(fs, options.root, metricCatalog(validated));
  const dataFindings = model ? findDataFindings(model, metrics.series, asOf) : [];
  const diagnostics = [...strategyDiagnostics, ...applyRuleSettings([...metrics.findings, ...dataFindings], settings)].sort(compareDiagnostics);
  const progress = model ? computeProgress(model, metrics.series, asOf) : null;
  return { diagnostics, model, asOf, strategyFiles: loaded.files, series: metrics.series, progress };
}
