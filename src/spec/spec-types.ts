// Documents as written in YAML, after the schema has accepted them. Fields that the schema
// leaves to a semantic rule (a goal's kpi and target) stay optional here; the model's
// resolved types (model/types.ts) have every default filled in. A leaf module: validation
// produces these and the model reads them, so neither has to import the other.
import type { ChannelRole, Direction, GoalType, HiringLevel, Person, Rollup, RuleSetting, Segment, Skill, Team, Unit } from './values.ts';

export interface WorkspaceSpec {
  kind: 'Workspace';
  id: string;
  name: string;
  fiscalYearStart?: number;
  tolerance?: number;
  asOf?: string;
  teams?: Team[];
  people?: Person[];
  segments?: Segment[];
  rules?: Record<string, RuleSetting>;
  /** IANA zone for ticket timestamps written without an offset (TICKETS.md 7.1). */
  timezone?: string;
  /** Id of the default Schedule for business-hour clocks. */
  schedule?: string;
}

export interface KpiSpec {
  kind: 'KPI';
  id: string;
  name: string;
  description?: string;
  unit: Unit;
  direction: Direction;
  rollup?: Rollup;
  range?: { min?: number; max?: number };
  related?: string[];
  tickets?: KpiTicketsSpec;
}

export type TicketMeasure = 'volume' | 'backlog' | 'first-reply' | 'resolution' | 'one-touch' | 'reopened' | 'csat' | 'sla-adherence';
export type TicketPeriod = 'day' | 'week' | 'month' | 'quarter';
export type Clock = 'calendar' | 'business';

/** A KPI computed from help-desk tickets (TICKETS.md 7.2). */
export interface KpiTicketsSpec {
  measure: TicketMeasure;
  /** `mean`, `median` or `p<NN>`; durations only. */
  statistic?: string;
  clock?: Clock;
  schedule?: string;
  period?: TicketPeriod;
  source?: string;
}

export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';

export interface ScheduleSpec {
  kind: 'Schedule';
  id: string;
  name?: string;
  timezone: string;
  hours: Partial<Record<Weekday, string[]>>;
  holidays?: string[];
}

/** The fields a TicketSource reads from its files' columns (TICKETS.md 7.1), in the order of the table. */
export const TICKET_FIELDS = [
  'id',
  'created',
  'firstReply',
  'firstReplyMinutes',
  'firstReplyBusinessMinutes',
  'solved',
  'resolutionMinutes',
  'resolutionBusinessMinutes',
  'priority',
  'type',
  'team',
  'person',
  'channel',
  'segment',
  'csat',
  'reopens',
  'replies',
] as const;

export type TicketField = (typeof TICKET_FIELDS)[number];

/** The fields matched to workspace ids (through `map`, else by id or name). */
export type MappedField = 'team' | 'person' | 'channel' | 'segment';

export interface TicketSourceSpec {
  kind: 'TicketSource';
  id: string;
  name?: string;
  /** Glob (or globs) relative to data/. */
  files: string | string[];
  preset?: 'zendesk' | 'freshdesk' | 'none';
  timezone?: string;
  columns?: Record<string, string>;
  map?: Partial<Record<MappedField, Record<string, string>>>;
  url?: string;
}

export interface ObjectiveSpec {
  kind: 'Objective';
  id: string;
  title: string;
  why?: string;
  owner: string;
}

export interface DatedValueSpec {
  value?: unknown;
  date?: string;
}

export interface GoalSpec {
  kind: 'Goal';
  id: string;
  title: string;
  description?: string;
  objective?: string;
  parent?: string;
  owner: string;
  kpi?: string;
  scope?: string;
  type?: GoalType;
  baseline?: { value: number; date: string };
  target?: DatedValueSpec;
  start?: string;
  milestones?: { value: number; date: string }[];
  weight?: number;
  achievable?: string;
}

export interface ChannelSpec {
  kind: 'Channel';
  id: string;
  name: string;
  role: ChannelRole;
  owner?: string;
  hours?: string;
  staffing?: number;
  sla?: string[];
  why?: string;
}

export interface SlaPolicySpec {
  kind: 'SLAPolicy';
  id: string;
  name: string;
  priority: number;
  when?: Record<string, string | number | boolean | (string | number | boolean)[]>;
  firstResponse: string;
  resolution: string;
  clock?: Clock;
  /** Schedule id for the business clock; default: the Workspace's schedule. */
  schedule?: string;
  target: number;
}

export interface HiringProfileSpec {
  kind: 'HiringProfile';
  id: string;
  role: string;
  team: string;
  level: HiringLevel;
  headcount?: { quarter: string; hires: number; hired?: number }[];
  skills?: Skill[];
  traits?: string[];
  interview?: string[];
  supports?: string[];
}

export type Confidence = 'on-track' | 'at-risk' | 'off-track';

/** Decisions and the owners' own reading written back after a review meeting (FORMAT.md 1.1). */
export interface ReviewSpec {
  kind: 'Review';
  id: string;
  date: string;
  quarter?: string;
  attendees?: string[];
  checkins?: { goal: string; confidence: Confidence; note?: string }[];
  decisions?: { id: string; text: string; owner: string; due: string; goals?: string[]; done?: string }[];
}

/** Ids that exist, by what a reference can name. Filled from every document with a usable id, valid or not, so one broken document does not make every reference to it an error too. */
export interface KnownIds {
  person: Set<string>;
  team: Set<string>;
  segment: Set<string>;
  kpi: Set<string>;
  objective: Set<string>;
  goal: Set<string>;
  channel: Set<string>;
  sla: Set<string>;
  schedule: Set<string>;
  ticketSource: Set<string>;
  review: Set<string>;
}
