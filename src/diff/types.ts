// What `goalpost diff` finds between two strategies: one entry per kind and id, each holding
// its changes with a machine code (for --fail-on and the JSON output) and a sentence in the
// user's terms. Plain JSON-serialisable data; the formatters only render it.
import type { GoalStatus } from '../compute/types.ts';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import type { IsoDate } from '../spec/values.ts';
import type { Kind } from '../spec/kinds.ts';

/** Every code a change can carry; --fail-on accepts exactly these. */
export const CHANGE_CODES = [
  'added',
  'removed',
  /** Left out of one side's model because it has errors there, so it cannot be compared. */
  'invalid',
  'moved',
  'more-ambitious',
  'less-ambitious',
  'slipped',
  'pulled-in',
  'baseline-changed',
  'owner-changed',
  'kpi-changed',
  'scope-changed',
  'parent-changed',
  'objective-changed',
  'milestones-changed',
  'tightened',
  'relaxed',
  'retired',
  'role-changed',
  'headcount-changed',
  'status-changed',
  'confidence-changed',
  'decision-added',
  'decision-closed',
  'decision-reopened',
  'decision-dropped',
  'decision-due-moved',
  'field-changed',
] as const;

export type ChangeCode = (typeof CHANGE_CODES)[number];

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export interface FieldChange {
  code: ChangeCode;
  /** The field as written in YAML, dotted (`target.value`, `teams[tier1].lead`); '' for the whole item. */
  field: string;
  /** Absent when the field did not exist on that side. */
  before?: JsonValue;
  after?: JsonValue;
  /** Plain text in the user's terms, no markup: "due date slipped by 31 days, from ... to ...". */
  message: string;
  /** Whole calendar days, for `slipped` and `pulled-in`. */
  days?: number;
}

export type ItemChange = 'added' | 'removed' | 'changed' | 'invalid';

export interface ItemDiff {
  kind: Kind;
  id: string;
  /** Title or name, from the head when it exists there. */
  title: string;
  change: ItemChange;
  /** Files that hold the item on each side, relative to the workspace root. */
  file: { before?: string; after?: string };
  changes: FieldChange[];
  /** Goals only, when both sides have progress: status at the same as-of date and data. */
  status?: { before: GoalStatus | null; after: GoalStatus | null };
}

/** One side of the comparison and whether its strategy passes check. */
export interface SideSummary {
  /** What the user named (`main`, `HEAD~1`) or `working tree`. */
  label: string;
  /** The verified commit, absent for the working tree. */
  commit?: string;
  /** Error-level diagnostics in strategy files. */
  errors: number;
  /** The first few of those, for the report. */
  firstErrors: Diagnostic[];
  /** False when the side has strategy files but no usable model: its items are not compared. */
  comparable: boolean;
  strategyFiles: number;
}

export interface StrategyDiff {
  base: SideSummary;
  head: SideSummary;
  /** The as-of date both sides' progress was computed at; null without progress. */
  asOf: IsoDate | null;
  /** Sorted by kind (KINDS order), then id. */
  items: ItemDiff[];
}
