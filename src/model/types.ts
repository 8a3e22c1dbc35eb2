// The resolved strategy: what every stage after validation works on. Documents here have
// passed the schema and the semantic rules, references point at things that exist, dates are
// ISO strings (YYYY-MM-DD), durations are minutes and defaults are filled in. Everything is
// plain JSON-serialisable data so that the site can receive it unchanged.
import type { SourcePosition } from '../diagnostics/diagnostic.ts';
import type { RuleSetting } from '../diagnostics/rules.ts';

export type IsoDate = string;

export type Kind = 'Workspace' | 'KPI' | 'Objective' | 'Goal' | 'Channel' | 'SLAPolicy' | 'HiringProfile';

export const KINDS: readonly Kind[] = ['Workspace', 'KPI', 'Objective', 'Goal', 'Channel', 'SLAPolicy', 'HiringProfile'];

export interface Team {
  id: string;
  name: string;
  parent?: string;
  lead?: string;
}

export interface Person {
  id: string;
  name: string;
  team?: string;
  role?: string;
}

export interface Segment {
  id: string;
  name: string;
}

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
  source: SourcePosition;
}

export type Unit = 'minutes' | 'hours' | 'days' | 'percent' | 'score' | 'count' | 'ratio' | `currency:${string}`;
export type Direction = 'increase' | 'decrease';
export type Rollup = 'mean' | 'sum' | 'last' | 'min' | 'max';

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
  source: SourcePosition;
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

export type GoalType = 'reach' | 'maintain';

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
}

export type ChannelRole = 'core' | 'supporting' | 'pilot' | 'retired';

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
  when?: Record<string, string | number | boolean>;
  /** As written, e.g. `30m`. */
  firstResponse: string;
  resolution: string;
  firstResponseMinutes: number;
  resolutionMinutes: number;
  clock: 'calendar' | 'business';
  /** % of tickets that must meet the policy. */
  target: number;
  source: SourcePosition;
}

export type HiringLevel = 'agent' | 'lead' | 'manager' | 'specialist';

export interface Skill {
  name: string;
  type: 'hard' | 'soft';
  need: 'must' | 'nice';
}

export interface HiringProfile {
  id: string;
  role: string;
  team: string;
  level: HiringLevel;
  headcount: { quarter: string; hires: number }[];
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
}
