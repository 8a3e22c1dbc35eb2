// The ticket stage's input and output, as plain data (TICKETS.md section 7). The input is
// already resolved from the strategy (ids checked, defaults filled, globs expanded), so this
// stage neither parses YAML nor reports problems in it, apart from ticket-no-files.
import type { Finding, SourcePosition } from '../diagnostics/diagnostic.ts';
import type { Granularity, Series } from '../metrics/types.ts';
import { TICKET_FIELDS, type Clock, type MappedField, type TicketField, type TicketMeasure, type Weekday } from '../spec/spec-types.ts';

// The words of the format, from the leaf every stage shares.
export { TICKET_FIELDS };
export type { Clock, MappedField, TicketField, TicketMeasure, Weekday };

/** A field's number: its index in TICKET_FIELDS, by which cells, masks and stores hold it. */
export function fieldIndex(field: TicketField): number {
  return TICKET_FIELDS.indexOf(field);
}

export interface ScheduleDef {
  id: string;
  /** IANA zone name. */
  timezone: string;
  /** Open intervals per weekday as written, `HH:MM-HH:MM` (`24:00` allowed as an end). */
  hours: Partial<Record<Weekday, readonly string[]>>;
  /** Local calendar days (`YYYY-MM-DD`) closed all day. */
  holidays: readonly string[];
}

export type TicketPreset = 'zendesk' | 'freshdesk' | 'none';

export interface TicketSourceDef {
  id: string;
  /** The files the glob matched, relative to the workspace root (`data/tickets/2026-04.csv`). */
  files: readonly string[];
  /** The glob as written, for the ticket-no-files message. */
  glob?: string;
  preset: TicketPreset;
  /** field -> header, on top of the preset. */
  columns: Partial<Record<TicketField, string>>;
  /** export value -> workspace id, per field. */
  map: Partial<Record<MappedField, Readonly<Record<string, string>>>>;
  /** For timestamps without an offset; null means the Workspace's timezone. */
  timezone: string | null;
  /** Link template, `{id}` replaced by the ticket id. */
  url?: string;
  /** Where the source's `files` is written: ticket-no-files is reported there. */
  at?: SourcePosition;
}



/** `mean`, `median`, or `p1` .. `p99`. */
export type TicketStatistic = 'mean' | 'median' | `p${number}`;

export interface TicketKpiDef {
  id: string;
  /** minutes | hours | days for durations, percent for rates, count for volume and backlog. */
  unit: string;
  tickets: {
    measure: TicketMeasure;
    /** Durations only; default median. */
    statistic?: TicketStatistic;
    /** Durations only; default calendar. */
    clock?: Clock;
    /** For the business clock; null or absent means the Workspace's schedule. */
    schedule?: string | null;
    /** Default week. */
    period?: Granularity;
    /** null or absent: every source. */
    source?: string | null;
  };
}

/** A `when` value: one value or a list of them, any of which matches. */
export type WhenValue = string | number | boolean | readonly (string | number | boolean)[];

export interface SlaPolicyDef {
  id: string;
  priority: number;
  when?: Readonly<Record<string, WhenValue>>;
  firstResponseMinutes: number;
  resolutionMinutes: number;
  clock: Clock;
  /** null or absent means the Workspace's schedule. */
  schedule?: string | null;
}

export interface TicketCatalog {
  /** The Workspace's timezone (default UTC). */
  timezone: string;
  /** The Workspace's `schedule`. */
  defaultSchedule: string | null;
  fiscalYearStart: number;
  schedules: readonly ScheduleDef[];
  sources: readonly TicketSourceDef[];
  kpis: readonly TicketKpiDef[];
  slaPolicies: readonly SlaPolicyDef[];
  teams: readonly { id: string; name: string; parent?: string }[];
  people: readonly { id: string; name: string; team?: string }[];
  channels: readonly { id: string; name: string }[];
  segments: readonly { id: string; name: string }[];
}

export type SlaTarget = 'first-response' | 'resolution';

/** A ticket that breached its policy, for the SLA page. */
export interface SlaBreach {
  policy: string;
  source: string;
  ticket: string;
  /** The source's `url` with the id filled in. */
  url?: string;
  /** The target missed first: the one whose deadline decided the breach. */
  target: SlaTarget;
  /** The deadline, as an instant (ISO 8601, UTC). */
  deadline: string;
  /** The same as the breach is dated: the deadline's local date in the source's timezone. */
  date: string;
  /**
   * How late, in minutes of the policy's clock: the reply or solve that came after the
   * deadline, or, when none came yet, the time from the deadline to the export's latest instant.
   */
  lateMinutes: number;
  /** True when the ticket was still unanswered (or unsolved) when the export was taken. */
  ongoing: boolean;
}

/** Met and breached tickets of one policy in one period (tickets of every source). */
export interface SlaPeriodCount {
  policy: string;
  granularity: Granularity;
  period: string;
  /** The period's end date. */
  date: string;
  met: number;
  breached: number;
}

/** A computed series: `tickets` and `source` are always present. */
export type TicketSeries = Series & { tickets: Int32Array; source: string };

export interface TicketResult {
  /** Sorted by KPI, then scope. */
  series: TicketSeries[];
  /** In file, line, column order. */
  findings: Finding[];
  /** Per policy (in policy id order), the most recent breaches first. */
  breaches: SlaBreach[];
  /** Sorted by policy, granularity, date. */
  slaCounts: SlaPeriodCount[];
}
