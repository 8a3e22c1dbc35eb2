// The resolved strategy: what every stage after validation works on. Documents here have
// passed the schema and the semantic rules, references point at things that exist, dates are
// ISO strings (YYYY-MM-DD), durations are minutes and defaults are filled in. Everything is
// plain JSON-serialisable data so that the site can receive it unchanged.
// The words shared with the as-written documents (IsoDate, Unit, Team...) are in spec/values.ts.
import type { SourcePosition } from '../diagnostics/diagnostic.ts';
import type { Clock, Confidence, MappedField, TicketMeasure, TicketPeriod, Weekday } from '../spec/spec-types.ts';
import type { ChannelRole, Direction, GoalType, HiringLevel, IsoDate, Person, Rollup, RuleSetting, Segment, Skill, Team, Unit } from '../spec/values.ts';

export interface Workspace {
  id: string;
  name: string;
  /** Month 1-12 in which the fiscal year starts. */
  fiscalYearStart: number;
  /** Percentage points of the baseline-to-target distance. */
  tolerance: number;
  asOf?: IsoDate;
  teams: Team[];
  people: Person[];
  segments: Segment[];
  rules: Record<string, RuleSetting>;
  /** IANA zone of ticket timestamps written without an offset; default `UTC`. */
  timezone: string;
  /** Default Schedule id for business-hour clocks. */
  schedule?: string;
  source: SourcePosition;
}

export interface Kpi {
  id: string;
  name: string;
  description?: string;
  unit: Unit;
  direction: Direction;
  rollup: Rollup;
  /** Plausible bounds; percent KPIs always carry min 0 and max 100. */
  range: { min?: number; max?: number };
  related: string[];
  /** Present when the KPI is computed from tickets (TICKETS.md 7.2), with its defaults filled. */
  tickets?: KpiTickets;
  source: SourcePosition;
}

export interface KpiTickets {
  measure: TicketMeasure;
  /** `mean`, `median` or `p<NN>`. */
  statistic: string;
  clock: Clock;
  /** The schedule for the business clock: the KPI's, else the Workspace's. */
  schedule?: string;
  period: TicketPeriod;
  /** Absent: every TicketSource. */
  source?: string;
}

export interface Schedule {
  id: string;
  name?: string;
  timezone: string;
  hours: Partial<Record<Weekday, string[]>>;
  holidays: IsoDate[];
  source: SourcePosition;
}

export interface TicketSource {
  id: string;
  name?: string;
  /** Globs relative to data/. */
  files: string[];
  preset: 'zendesk' | 'freshdesk' | 'none';
  /** The source's zone, else the Workspace's. */
  timezone: string;
  columns: Record<string, string>;
  map: Partial<Record<MappedField, Record<string, string>>>;
  url?: string;
  source: SourcePosition;
  /** Where `files` is written: ticket-no-files points there. */
  filesAt: SourcePosition;
}

export interface Objective {
  id: string;
  title: string;
  why?: string;
  owner: string;
  source: SourcePosition;
}

export interface DatedValue {
  date: IsoDate;
  value: number;
}

export interface Goal {
  id: string;
  title: string;
  description?: string;
  objective?: string;
  parent?: string;
  owner: string;
  kpi: string;
  /** `org`, or `team:<id>`, `person:<id>`, `channel:<id>`, `segment:<id>`, `sla:<id>`. */
  scope: string;
  type: GoalType;
  baseline?: DatedValue;
  target: DatedValue;
  /** goal.start, else baseline.date. */
  start: IsoDate;
  milestones: DatedValue[];
  weight: number;
  achievable?: string;
  source: SourcePosition;
  /** Where `target.value` is written (percent-fraction points there). */
  targetAt: SourcePosition;
}

export interface Channel {
  id: string;
  name: string;
  role: ChannelRole;
  owner?: string;
  hours?: string;
  staffing?: number;
  sla: string[];
  why?: string;
  source: SourcePosition;
}

export interface SlaPolicy {
  id: string;
  name: string;
  priority: number;
  when?: Record<string, string | number | boolean | (string | number | boolean)[]>;
  /** As written, e.g. `30m`. */
  firstResponse: string;
  resolution: string;
  firstResponseMinutes: number;
  resolutionMinutes: number;
  clock: Clock;
  /** The schedule for the business clock: the policy's, else the Workspace's. */
  schedule?: string;
  /** % of tickets that must meet the policy. */
  target: number;
  source: SourcePosition;
  targetAt: SourcePosition;
}

export interface HiringProfile {
  id: string;
  role: string;
  team: string;
  level: HiringLevel;
  headcount: { quarter: string; hires: number; hired?: number }[];
  skills: Skill[];
  traits: string[];
  interview: string[];
  supports: string[];
  source: SourcePosition;
}

/** The whole resolved strategy. Every list is sorted by id. */
export interface Model {
  workspace: Workspace;
  kpis: Kpi[];
  objectives: Objective[];
  goals: Goal[];
  channels: Channel[];
  slaPolicies: SlaPolicy[];
  hiringProfiles: HiringProfile[];
  schedules: Schedule[];
  ticketSources: TicketSource[];
  /** Sorted by date, then id. */
  reviews: Review[];
}

export interface Checkin {
  goal: string;
  confidence: Confidence;
  note?: string;
}

export interface Decision {
  id: string;
  text: string;
  owner: string;
  due: IsoDate;
  goals: string[];
  done?: IsoDate;
  /** Where its `due` is written, for decision-overdue. */
  dueAt: SourcePosition;
}

export interface Review {
  id: string;
  date: IsoDate;
  quarter?: string;
  attendees: string[];
  checkins: Checkin[];
  decisions: Decision[];
  /** Where a missing check-in is reported: the `checkins` key, else the review's id. */
  checkinsAt: SourcePosition;
  source: SourcePosition;
}
