// The building blocks of what each page of the review site is given (cells, tables, charts,
// references). Plain data only: no functions, no Dates, no Maps. Text from YAML travels as
// plain strings and is only ever rendered through Astro's escaping `{expr}`. Links (`href`)
// are site-relative paths built from ids (which the schema restricts to `[a-z0-9._-]`),
// never from free text.
import type { GoalStatus } from '../../compute/types.ts';
import type { Unit } from '../../spec/values.ts';

export type { GoalStatus, Unit };

/** One table cell: `text` is shown; `num` (when present) is the raw number written to CSV. */
export interface Cell {
  text: string;
  num?: number | null;
  /** Site-relative link, e.g. `goals/frt-org/`. */
  href?: string;
  status?: GoalStatus;
  /** Nesting depth in a goal tree (indents the cell). */
  indent?: number;
  /** A small flag shown after the text, e.g. `Stale data`. */
  flag?: string;
  /** A second line under the text or status, e.g. the value beside a status. */
  note?: string;
  /**
   * A link out of the site (a ticket in the help desk): an absolute http(s) URL, checked when
   * the page data is built, rendered with rel="noopener noreferrer". Never set with `href`.
   */
  external?: string;
  /** A word on a chip that is not a goal status (an owner's confidence, a decision's state); `text` is the word. */
  chip?: Chip;
}

/**
 * An owner's confidence (FORMAT.md section 2, Review) or a decision's state at the as-of date.
 * Shown as a glyph and a word, never colour alone.
 */
export type Chip = { kind: 'confidence'; value: 'on-track' | 'at-risk' | 'off-track' } | { kind: 'decision'; value: 'open' | 'done' | 'overdue' };

export interface Column {
  label: string;
  numeric?: boolean;
  /** Written to the CSV only (ids, raw dates), not shown: a cell with `num` needs no text. */
  csvOnly?: boolean;
  /** Keep on one line (dates, periods). */
  nowrap?: boolean;
  /** Repeats another column (a period beside its date): left out on phones. */
  secondary?: boolean;
  /** Sentences (a note, a decision): on a phone's stacked table, under its label and left-aligned. */
  prose?: boolean;
}

/** What the team, owner and status filters (and the counts and progress that follow them) read off a goal's row. */
export interface RowFilter {
  goal: string;
  status: GoalStatus;
  /** The goal's team and every team above it. */
  teams: string[];
  owner: string;
  /** Attainment clamped to 0-1 (1 when achieved), as it counts in a roll-up; null counts 0. */
  attainment: number | null;
  /** Expected by now, clamped to 0-1. */
  expected: number | null;
}

export interface Row {
  cells: Cell[];
  /** For the team, owner and status filters. */
  filter?: RowFilter;
}

export interface TableData {
  /** Path of its CSV under `csv/`, without extension, e.g. `goals/frt-org/points`. */
  csv: string;
  caption: string;
  columns: Column[];
  /** Every row: the CSV has them all. */
  rows: Row[];
  /** Show only the first this many rows on the page (a long series, newest first); the CSV has the rest. */
  shownRows?: number;
  /** Shown instead of an empty table. */
  empty?: string;
}

/** `reference`: a faint line to read another against (the organisation behind a team's small chart). */
export type ChartRole = 'actual' | 'plan' | 'target' | 'forecast' | 'scope' | 'reference';

export interface ChartSeries {
  label: string;
  role: ChartRole;
  /** [day number (days since 1970-01-01), value]; only the points drawn. */
  points: [number, number][];
  /** Computed from tickets: the number of tickets behind each point, parallel to `points` (for the tooltip). */
  tickets?: (number | null)[];
  /** The label at the line's end: what it is and its last value ("Target", "3 h 30 min"). */
  end?: { name: string; value: string };
}

/** The gap to plan at the latest point, drawn as a bracket between the actual and the planned value. */
export interface ChartGap {
  day: number;
  actual: number;
  planned: number;
  /** "8 min behind plan". */
  text: string;
}

export interface ChartData {
  /** Says what the chart shows, in words, for screen readers. */
  ariaLabel: string;
  /** Value suffix for tooltips, e.g. ` h` or `%`. */
  unit: string;
  /** The KPI's unit: ticks and tooltips are written as values are ("4 h 30 min"). */
  valueUnit: Unit;
  series: ChartSeries[];
  /** Day number of the as-of date, drawn as a vertical rule. */
  asOfDay: number | null;
  gap?: ChartGap | null;
  /** One point called out, e.g. the value a goal past due was judged on: "90.2% on the due date". */
  mark?: { day: number; value: number; text: string } | null;
  yMin?: number;
  yMax?: number;
}

export interface Ref {
  id: string;
  name: string;
  href?: string;
}

export interface GoalRef extends Ref {
  status: GoalStatus;
}

export interface SourceRef {
  file: string;
  line: number;
}

export interface StatusCount {
  status: GoalStatus;
  label: string;
  count: number;
}

export interface Figure {
  label: string;
  text: string;
  note?: string;
}
