// The one way through: files -> parse -> validate -> model -> metrics -> progress. Every
// command (check, status, build, dev, diff) calls runPipeline and renders what it returns;
// `check` is `build` without the rendering.
import path from 'node:path';
import { computeProgress } from './compute/compute-progress.ts';
import { findMissingCheckins, findOverdueDecisions, findPercentFractions } from './compute/review-findings.ts';
import { findStaleData } from './compute/stale-data.ts';
import type { ProgressReport } from './compute/types.ts';
import { compareDiagnostics, type Diagnostic, type Finding } from './diagnostics/diagnostic.ts';
import type { FileSystem } from './effects.ts';
import { ingestMetrics } from './metrics/ingest.ts';
import { seriesKey, type MetricCatalog, type Series, type SeriesSet } from './metrics/types.ts';
import { buildModel } from './model/build-model.ts';
import type { IsoDate } from './spec/values.ts';
import type { Model } from './model/types.ts';
import { loadStrategy } from './parse/load-strategy.ts';
import type { ParsedFile } from './parse/parse-yaml.ts';
import { applyRuleSettings } from './validate/apply-rule-settings.ts';
import { validateStrategy, type ValidatedStrategy } from './validate/validate-strategy.ts';
import { matchTicketFiles } from './tickets/glob.ts';
import type { SlaBreach, SlaPeriodCount, TicketCatalog, TicketStatistic } from './tickets/types.ts';
import { compareText } from './util/compare-text.ts';

export interface PipelineOptions {
  root: string;
  /** From --as-of; else the Workspace's asOf; else `today()`. */
  asOf?: IsoDate;
  today: () => IsoDate;
  /** What a server that runs the pipeline again after each change keeps between runs (goalpost dev). */
  memo?: PipelineMemo;
  /** False for a caller that shows only the diagnostics (`check`): no progress is computed, and `progress` is null. */
  progress?: boolean;
}

/**
 * Results kept from earlier runs, so that a run after a change parses only the strategy files
 * whose text changed and reads the data only when a file it reads, or what it is given, changed.
 * The caller says which files changed (site/pipeline-memo.ts); a run without one reads all.
 */
export interface PipelineMemo {
  /** The parse of a strategy file's text (parseYamlFile's result for the same file and text). */
  parse(file: string, text: string): ParsedFile;
  /** `run`'s result: again from the last run when `inputs` (plain data) are equal and none of `files` (relative to the root) has changed since. */
  reuse<T>(stage: string, inputs: unknown, files: readonly string[], run: () => Promise<T>): Promise<T>;
}

const NO_MEMO: Pick<PipelineMemo, 'reuse'> = { reuse: (_stage, _inputs, _files, run) => run() };

export interface PipelineResult {
  /** Every diagnostic of every stage, sorted by file, line and column. */
  diagnostics: Diagnostic[];
  /** Null when there is no usable Workspace document. */
  model: Model | null;
  asOf: IsoDate;
  /** Strategy files read, relative to the root. */
  strategyFiles: string[];
  /** Every series, read from metric CSVs or computed from ticket exports, keyed by seriesKey(kpi, scope), in key order. */
  series: SeriesSet;
  /**
   * What the site shows of the ticket exports (the SLA page, and where a computed KPI's numbers
   * come from: each TicketSource's files, in model order); null when the workspace reads none.
   */
  tickets: { breaches: SlaBreach[]; slaCounts: SlaPeriodCount[]; files: { source: string; files: string[] }[] } | null;
  /** Where every goal stands at `asOf`; null when there is no model, or when `progress: false` was asked. */
  progress: ProgressReport | null;
}

/**
 * What metric ingestion needs, from every document that passed the schema, so a broken goal
 * elsewhere does not turn every CSV row into an unknown-KPI error.
 */
function metricCatalog({ docs, known }: ValidatedStrategy): MetricCatalog {
  const specs = new Map(docs.kpis.map((kpi) => [kpi.spec.id, kpi.spec]));
  return {
    fiscalYearStart: docs.workspace?.spec.fiscalYearStart ?? 1,
    kpis: [...known.kpi].sort().map((id) => ({ id, unit: (specs.get(id)?.unit as string | undefined) ?? '', name: specs.get(id)?.name ?? id, computed: specs.get(id)?.tickets !== undefined })),
    teams: [...known.team],
    people: [...known.person],
    channels: [...known.channel],
    segments: [...known.segment],
    slaPolicies: [...known.sla],
  };
}

/** The files each TicketSource reads (relative to the root), from every schema-valid source, so that a broken one's exports are still not read as metric CSVs. */
function ticketFiles({ docs }: ValidatedStrategy, dataFiles: readonly string[]): Map<string, string[]> {
  return new Map(
    docs.ticketSources.map(({ spec }) => {
      const globs = typeof spec.files === 'string' ? [spec.files] : spec.files;
      return [spec.id, [...new Set(globs.flatMap((glob) => matchTicketFiles(dataFiles, glob)))].sort()];
    }),
  );
}

/** What the ticket stage needs, resolved from the model. */
function ticketCatalog(model: Model, files: ReadonlyMap<string, string[]>): TicketCatalog {
  const { workspace } = model;
  return {
    timezone: workspace.timezone,
    defaultSchedule: workspace.schedule ?? null,
    fiscalYearStart: workspace.fiscalYearStart,
    schedules: model.schedules.map(({ id, timezone, hours, holidays }) => ({ id, timezone, hours, holidays })),
    sources: model.ticketSources.map((source) => ({
      id: source.id,
      files: files.get(source.id) ?? [],
      glob: source.files.join(', '),
      preset: source.preset,
      columns: source.columns,
      map: source.map,
      timezone: source.timezone,
      ...(source.url ? { url: source.url } : {}),
      at: source.filesAt,
    })),
    kpis: model.kpis.flatMap((kpi) => (kpi.tickets ? [{ id: kpi.id, unit: kpi.unit, tickets: { ...kpi.tickets, statistic: kpi.tickets.statistic as TicketStatistic, schedule: kpi.tickets.schedule ?? null, source: kpi.tickets.source ?? null } }] : [])),
    slaPolicies: model.slaPolicies.map((p) => ({
      id: p.id,
      priority: p.priority,
      ...(p.when ? { when: p.when } : {}),
      firstResponseMinutes: p.firstResponseMinutes,
      resolutionMinutes: p.resolutionMinutes,
      clock: p.clock,
      schedule: p.schedule ?? null,
    })),
    teams: workspace.teams.map(({ id, name, parent }) => ({ id, name, ...(parent ? { parent } : {}) })),
    people: workspace.people.map(({ id, name, team }) => ({ id, name, ...(team ? { team } : {}) })),
    channels: model.channels.map(({ id, name }) => ({ id, name })),
    segments: workspace.segments.map(({ id, name }) => ({ id, name })),
  };
}

/** Read and computed series in one set, in key order, so every output is deterministic. */
function joinSeries(read: SeriesSet, computed: readonly Series[]): SeriesSet {
  if (computed.length === 0) return read;
  const all = [...read.entries(), ...computed.map((s): [string, Series] => [seriesKey(s.kpi, s.scope), s])];
  return new Map(all.sort(([a], [b]) => compareText(a, b)));
}

/** The rules that need the data or the as-of date, not only the strategy. */
function findDataFindings(model: Model, series: SeriesSet, asOf: IsoDate): Finding[] {
  return [...findStaleData(model, series, asOf), ...findMissingCheckins(model, series), ...findOverdueDecisions(model, asOf), ...findPercentFractions(model, series)];
}

export async function runPipeline(fs: FileSystem, options: PipelineOptions): Promise<PipelineResult> {
  const memo = options.memo ?? NO_MEMO;
  const loaded = await loadStrategy(fs, options.root, options.memo && ((file, text) => options.memo!.parse(file, text)));
  const validated = validateStrategy(loaded.documents, loaded.brokenIds);
  const settings = validated.docs.workspace?.spec.rules ?? {};
  const strategyDiagnostics = applyRuleSettings([...loaded.findings, ...validated.findings], settings);
  const model = buildModel(validated.docs, strategyDiagnostics);
  const asOf = options.asOf ?? model?.workspace.asOf ?? options.today();

  const dataFiles = await fs.listFiles(path.join(options.root, 'data'), ['.csv']);
  const exports = ticketFiles(validated, dataFiles);
  const exported = new Set([...exports.values()].flat());
  const metricFiles = dataFiles.filter((file) => !exported.has(`data/${file}`));
  const catalog = metricCatalog(validated);
  const metrics = await memo.reuse('metrics', [options.root, catalog], metricFiles.map((file) => `data/${file}`), () => ingestMetrics(fs, options.root, catalog, metricFiles));
  // Loaded only for a workspace that reads ticket exports: the stage and its time-zone library
  // are a third of the CLI's code, which every `check` would otherwise load.
  const readTickets = async (model: Model) => {
    const catalog = ticketCatalog(model, exports);
    return memo.reuse('tickets', [options.root, catalog], [...exported].sort(), async () => (await import('./tickets/ingest-tickets.ts')).ingestTickets(fs, options.root, catalog));
  };
  const tickets = model && model.ticketSources.length > 0 ? await readTickets(model) : null;
  const series = joinSeries(metrics.series, tickets?.series ?? []);
  const dataFindings = model ? findDataFindings(model, series, asOf) : [];
  const findings = [...metrics.findings, ...(tickets?.findings ?? []), ...dataFindings];
  const diagnostics = [...strategyDiagnostics, ...applyRuleSettings(findings, settings)].sort(compareDiagnostics);
  const progress = model && options.progress !== false ? computeProgress(model, series, asOf) : null;
  const sla = tickets && model ? { breaches: tickets.breaches, slaCounts: tickets.slaCounts, files: model.ticketSources.map((source) => ({ source: source.id, files: exports.get(source.id) ?? [] })) } : null;
  return { diagnostics, model, asOf, strategyFiles: loaded.files, series, tickets: sla, progress };
}
