// The data each page of the review site receives (see blocks.ts for the building blocks and
// site-data.ts for how it is built). Plain JSON-serialisable data only.
import type { Confidence } from '../../spec/spec-types.ts';
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
  /** Decisions still open after their due date, oldest due first. */
  overdueDecisions: OverdueDecision[];
}

/** How a KPI computed from tickets is computed (ticket-origin.ts). */
export interface TicketOrigin {
  /** "Median first reply time in calendar hours, per week, from 1 Zendesk export file". */
  summary: string;
  /** Measure, statistic and clock (durations), period. */
  details: { label: string; text: string }[];
  /** The TicketSources it reads, each with the files it read (relative to the workspace). */
  sources: { id: string; name: string; files: string[] }[];
  /** Whether its tables show the tickets behind each point (a count's value is that number already). */
  countsShown: boolean;
}

/** One check-in of a goal's owner, at a review. */
export interface CheckinView {
  date: string;
  /** The review, and its section on the quarter page (null when the site has no page for that quarter). */
  review: { id: string; quarter: string; href: string | null };
  confidence: Confidence;
  /** "On track". */
  label: string;
  note: string | null;
}

export interface GoalCheckins {
  /** The latest check-in dated on or before the as-of date: the owner's confidence now. */
  latest: CheckinView;
  /** "The owner says on track; the numbers say at risk.", or null when they agree. */
  disagreement: string | null;
  /** Earlier check-ins, newest first. */
  history: CheckinView[];
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
  /** Its KPI is computed from tickets: how. */
  computed: TicketOrigin | null;
  /** The owner's check-ins at reviews; null when none was given by the as-of date. */
  checkins: GoalCheckins | null;
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

/** Small charts of the scopes of one kind ("Teams", "Channels"...). */
export interface OtherScopes {
  heading: string;
  scopes: { scope: string; label: string; latest: string; chart: ChartData }[];
  /** The small charts' figures, a column per scope: every chart has its data beside it. */
  table: TableData;
}

export interface KpiPage {
  id: string;
  name: string;
  description: string | null;
  unitLabel: string;
  direction: string;
  /** The organisation and the scopes goals are set on. */
  chart: ChartData;
  /** Every other scope with data but people: one small chart each, over the organisation's line, by kind. */
  others: OtherScopes[];
  /** Every person with data, their latest value: a row each; null when no person has data. */
  people: TableData | null;
  series: TableData;
  goals: TableData;
  related: RelatedKpi[];
  /** Computed from tickets: how. */
  computed: TicketOrigin | null;
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
  /** Adherence by period, with the tickets met and breached when computed from tickets. */
  table: TableData;
  /** The tickets that breached it most recently; null when the workspace reads no ticket export. */
  breaches: TableData | null;
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
  /** `text`: "3 planned, 2 hired"; `hired` null when not recorded. */
  headcount: { quarter: string; hires: number; hired: number | null; text: string }[];
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

/** An overdue decision, as the overview flags it. */
export interface OverdueDecision {
  id: string;
  text: string;
  owner: string;
  due: string;
  review: string;
  /** Its row on the quarter page; null when the site has no page for the review's quarter. */
  href: string | null;
}

/** The review(s) of a quarter held by the as-of date: who came, the check-ins beside the goals, the decisions. */
export interface QuarterReview {
  reviews: { id: string; date: string; attendees: string[]; source: SourceRef }[];
  checkins: TableData;
  decisions: TableData;
  /** Decisions by state at the as-of date. */
  states: { open: number; done: number; overdue: number };
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
  /** Null when no review of the quarter was held by the as-of date. */
  review: QuarterReview | null;
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
