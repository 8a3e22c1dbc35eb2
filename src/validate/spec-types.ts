// Documents as written in YAML, after the schema has accepted them. Fields that the schema
// leaves to a semantic rule (a goal's kpi and target) stay optional here; the model's
// resolved types (model/types.ts) have every default filled in.
import type { RuleSetting } from '../diagnostics/rules.ts';
import type { Channel, Direction, GoalType, HiringProfile, Objective, Rollup, Team, Person, Segment, Unit } from '../model/types.ts';
import type { SourceDocument } from '../parse/source-document.ts';

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
}

export type ObjectiveSpec = Omit<Objective, 'source'> & { kind: 'Objective' };

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

export type ChannelSpec = Omit<Channel, 'source' | 'sla'> & { kind: 'Channel'; sla?: string[] };

export interface SlaPolicySpec {
  kind: 'SLAPolicy';
  id: string;
  name: string;
  priority: number;
  when?: Record<string, string | number | boolean>;
  firstResponse: string;
  resolution: string;
  clock?: 'calendar' | 'business';
  target: number;
}

export type HiringProfileSpec = Omit<HiringProfile, 'source' | 'headcount' | 'skills' | 'traits' | 'interview' | 'supports'> &
  Partial<Pick<HiringProfile, 'headcount' | 'skills' | 'traits' | 'interview' | 'supports'>> & { kind: 'HiringProfile' };

/** A schema-valid document with where it came from. */
export interface SpecDoc<T> {
  spec: T;
  source: SourceDocument;
}

/** Every schema-valid document, by kind, in file order. */
export interface SpecDocs {
  workspace?: SpecDoc<WorkspaceSpec>;
  kpis: SpecDoc<KpiSpec>[];
  objectives: SpecDoc<ObjectiveSpec>[];
  goals: SpecDoc<GoalSpec>[];
  channels: SpecDoc<ChannelSpec>[];
  slaPolicies: SpecDoc<SlaPolicySpec>[];
  hiringProfiles: SpecDoc<HiringProfileSpec>[];
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
}
