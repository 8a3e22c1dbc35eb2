// The data each page of the review site receives (see blocks.ts for the building blocks and
// site-data.ts for how it is built). Plain JSON-serialisable data only.
import type { ChartData, Figure, GoalRef, GoalStatus, Ref, SourceRef, StatusCount, TableData } from './blocks.ts';

/** What every view of an objective starts with. */
export interface ObjectiveHeading {
  id: string;
  title: string;
  why: string | null;
  owner: Ref;
  /** 0-1, or null when the objective has no goals. */
  progress: number | null;
  progressText: string;
}

export interface ObjectiveSummary extends ObjectiveHeading {
  table: TableData;
}

export interface OverviewPage {
  counts: StatusCount[];
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
  /** What to add to the file when missing. */
  missing: string;
}

export interface GoalPage {
  id: string;
  title: string;
  description: string | null;
  status: GoalStatus;
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
  attainmentText: string;
  children: CascadeNode[];
}

export interface CascadePage {
  roots: { objective: Ref | null; title: string; progressText: string; goals: CascadeNode[] }[];
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
  chart: ChartData;
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
  /** The date statuses are taken at: the quarter's end, or the as-of date while it runs. */
  evaluatedAt: string | null;
  previous: { label: string; end: string } | null;
  counts: StatusCount[];
  improved: number;
  slipped: number;
  changes: TableData;
  due: TableData;
  gaps: TableData;
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
