// The data each page of the review site receives (see blocks.ts for the building blocks and
// site-data.ts for how it is built). Plain JSON-serialisable data only.
import type { ChartData, Figure, GoalRef, GoalStatus, Ref, RowFilter, SourceRef, StatusCount, TableData } from './blocks.ts';

/** A goal that needs attention: missed, off track or at risk (see attention.ts). */
export interface AttentionItem {
  id: string;
  title: string;
  href: string;
  status: GoalStatus;
  owner: Ref;
  /** Expected minus attainment, in points of progress (0-100, one decimal), or null. */
  gap: number | null;
  /** The gap in the KPI's unit: "1 h 12 min behind plan"; null when not behind. */
  gapText: string | null;
  /** One line: attainment against expected, and the forecast. */
  reason: string;
  filter: RowFilter;
}

/** What every view of an objective starts with. */
export interface ObjectiveHeading {
  id: string;
  title: string;
  why: string | null;
  owner: Ref;
  /** 0-1, or null when the objective has no goals. */
  progress: number | null;
  progressText: string;
  /** Where the progress is expected to be by now (the same weighted mean over expected), 0-1. */
  expected: number | null;
  expectedText: string;
}

export interface ObjectiveSummary extends ObjectiveHeading {
  table: TableData;
}

export interface OverviewPage {
  counts: StatusCount[];
  attention: AttentionItem[];
  total: number;
  staleCount: number;
  objectives: ObjectiveSummary[];
  /** Goals under no objective (orphans and their children). */
  unassigned: TableData | null;
  teams: Ref[];
  owners: Ref[];
}

export interface SmartItem {
  key: 'specific' | 'measurable' | 'achievable' | 'relevant' | 'time-bound';
  label: string;
  /** Filled from the file, or null when missing. */
  text: string | null;
  /** More from the file that adds to `text` (the description beside the title). */
  detail?: string | null;
  /** What to add to the file when missing. */
  missing: string;
}

export interface GoalPage {
  id: string;
  title: string;
  description: string | null;
  status: GoalStatus;
  /** The status and the forecast in one sentence: "On track; forecast 3 h 32 min misses the 3 h 30 min target by 2 min". */
  verdict: string;
  stale: boolean;
  type: 'reach' | 'maintain';
  level: 'organisation' | 'team' | 'person';
  kpi: Ref;
  scope: string;
  owner: Ref;
  objective: Ref | null;
  parent: GoalRef | null;
  figures: Figure[];
  chart: ChartData;
  smart: SmartItem[];
  children: TableData;
  points: TableData;
  plan: TableData;
  source: SourceRef;
}

export interface ObjectivePage extends ObjectiveHeading {
  counts: StatusCount[];
  contributions: TableData;
  goals: TableData;
  source: SourceRef;
}

export interface CascadeNode {
  id: string;
  title: string;
  status: GoalStatus;
  level: 'organisation' | 'team' | 'person';
  levelLabel: string;
  owner: string;
  /** Attainment (1 when achieved) and expected by now, for the bar and its mark. */
  attainment: number | null;
  attainmentText: string;
  expected: number | null;
  expectedText: string;
  children: CascadeNode[];
}

export interface CascadePage {
  roots: { objective: Ref | null; title: string; progress: number | null; progressText: string; expected: number | null; expectedText: string; goals: CascadeNode[] }[];
}

export interface RelatedKpi {
  kpi: Ref;
  scopeLabel: string;
  direction: string;
  latest: string;
  chart: ChartData;
  table: TableData;
}

export interface KpiPage {
  id: string;
  name: string;
  description: string | null;
  unitLabel: string;
  direction: string;
  rollup: string;
  /** The organisation and the scopes goals are set on. */
  chart: ChartData;
  /** Every other scope with data: one small chart each, over the organisation's line. */
  others: { scope: string; label: string; latest: string; chart: ChartData }[];
  series: TableData;
  goals: TableData;
  related: RelatedKpi[];
  source: SourceRef;
}

export interface SlaPolicyView {
  id: string;
  name: string;
  priority: number;
  firstResponse: string;
  resolution: string;
  clock: string;
  target: string;
  when: string | null;
  channels: Ref[];
  latest: string;
  meets: boolean | null;
  chart: ChartData;
  table: TableData;
  source: SourceRef;
}

export interface SlaPage {
  /** Null when the workspace defines no `sla_adherence` KPI. */
  adherenceKpi: Ref | null;
  summary: TableData;
  policies: SlaPolicyView[];
  goals: TableData;
}

export interface ChannelView {
  id: string;
  name: string;
  role: string;
  owner: Ref | null;
  hours: string | null;
  staffing: string;
  slas: Ref[];
  why: string | null;
  /** The goals scoped to the channel, as a list that fits its card; `goals` has them as a table (the CSV). */
  goalRefs: GoalRef[];
  goals: TableData;
  source: SourceRef;
}

export interface ChannelsPage {
  summary: TableData;
  channels: ChannelView[];
}

export interface HiringProfileView {
  id: string;
  role: string;
  team: Ref;
  level: string;
  totalHires: number;
  headcount: { quarter: string; hires: number }[];
  must: { name: string; type: string }[];
  nice: { name: string; type: string }[];
  traits: string[];
  interview: string[];
  supports: GoalRef[];
  source: SourceRef;
}

export interface HiringPage {
  plan: TableData;
  profiles: HiringProfileView[];
}

export interface QuarterRef {
  label: string;
  href: string;
  state: 'closed' | 'current' | 'upcoming';
}

export interface QuarterPage {
  label: string;
  start: string;
  end: string;
  state: 'closed' | 'current' | 'upcoming';
  /** The date statuses are taken at: the quarter's end once closed, else the as-of date (today's status). */
  evaluatedAt: string;
  previous: { label: string; end: string } | null;
  /** "14 goals: 11 under way (3 due in 2026-Q2), 2 closed in 2026-Q1, 1 starts in 2026-Q4". */
  summary: string;
  /** underWay + closed + later is every goal; due is part of underWay. */
  groups: { underWay: number; due: number; closed: number; later: number };
  /** Statuses of the goals under way. */
  counts: StatusCount[];
  attention: AttentionItem[];
  improved: number;
  slipped: number;
  /** The goals under way: status and value at this and the previous quarter's end. */
  changes: TableData;
  due: TableData;
  closed: TableData;
  later: TableData;
  sla: TableData;
  hiring: TableData;
}

export interface DiagnosticView {
  severity: 'error' | 'warning';
  code: string;
  message: string;
  file: string;
  line: number;
  column: number;
  hint: string | null;
}

export interface SiteMeta {
  workspace: string;
  asOf: string;
  quarters: QuarterRef[];
  /** The review page to open first: the as-of date's quarter, else the latest one. */
  currentQuarter: string | null;
  errors: number;
  warnings: number;
}

export interface SiteData {
  meta: SiteMeta;
  diagnostics: DiagnosticView[];
  overview: OverviewPage;
  goals: GoalPage[];
  objectives: ObjectivePage[];
  cascade: CascadePage;
  kpis: KpiPage[];
  sla: SlaPage;
  channels: ChannelsPage;
  hiring: HiringPage;
  quarters: QuarterPage[];
  checks: TableData;
}
