// A parsed document together with its as-written type, once the schema has accepted it.
// Validation fills SpecDocs and the model reads them; the pairing sits beside SourceDocument
// so that neither of those two stages imports the other.
import type { ChannelSpec, GoalSpec, HiringProfileSpec, KpiSpec, ObjectiveSpec, ReviewSpec, ScheduleSpec, SlaPolicySpec, TicketSourceSpec, WorkspaceSpec } from '../spec/spec-types.ts';
import type { SourceDocument } from './source-document.ts';

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
  schedules: SpecDoc<ScheduleSpec>[];
  ticketSources: SpecDoc<TicketSourceSpec>[];
  reviews: SpecDoc<ReviewSpec>[];
}
