// The one way through: files -> parse -> validate -> model -> metrics -> progress. Every
// command (check, status, build, dev, diff) calls runPipeline and renders what it returns;
// `check` is `build` without the rendering.
import { applyRuleSettings } from './validate/apply-rule-settings.ts';
import type { Diagnostic, Finding } from './diagnostics/diagnostic.ts';
import type { FileSystem } from './effects.ts';
import { buildModel } from './model/build-model.ts';
import type { IsoDate, Model } from './model/types.ts';
import { loadStrategy } from './parse/load-strategy.ts';
import { validateStrategy } from './validate/validate-strategy.ts';
import type { SeriesSet } from './metrics/types.ts';
import type { ProgressReport } from './compute/types.ts';

export interface PipelineOptions {
  root: string;
  /** From --as-of; else the Workspace's asOf; else `today()`. */
  asOf?: IsoDate;
  today: () => IsoDate;
}

export interface PipelineResult {
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

export async function runPipeline(fs: FileSystem, options: PipelineOptions): Promise<PipelineResult> {
  const loaded = await loadStrategy(fs, options.root);
  const validated = validateStrategy(loaded.documents, loaded.brokenIds);
  const findings: Finding[] = [...loaded.findings, ...validated.findings];
  const settings = validated.docs.workspace?.spec.rules ?? {};
  const strategyDiagnostics = applyRuleSettings(findings, settings);
  const model = buildModel(validated.docs, strategyDiagnostics);
  const asOf = options.asOf ?? model?.workspace.asOf ?? options.today();
  // Metrics and progress are wired in by the metrics stage (in progress).
  return { diagnostics: strategyDiagnostics, model, asOf, strategyFiles: loaded.files, series: new Map(), progress: null };
}
