// The building blocks of what each page of the review site is given (cells, tables, charts,
// references). Plain data only: no functions, no Dates, no Maps. Text from YAML travels as
// plain strings and is only ever rendered through Astro's escaping `{expr}`. Links (`href`)
// are site-relative paths built from ids (which the schema restricts to `[a-z0-9._-]`),
// never from free text.
import type { GoalStatus } from '../../compute/types.ts';

export type { GoalStatus };

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
}

export interface Column {
  label: string;
  numeric?: boolean;
  /** Written to the CSV only (ids, raw dates), not shown. */
  csvOnly?: boolean;
  /** Keep on one line (dates, periods). */
  nowrap?: boolean;
}

export interface Row {
  cells: Cell[];
  /** For the overview's team and owner filters. */
  filter?: { teams: string[]; owner: string };
}

export interface TableData {
  /** Path of its CSV under `csv/`, without extension, e.g. `goals/frt-org/points`. */
  csv: string;
  caption: string;
  columns: Column[];
  rows: Row[];
  /** Shown instead of an empty table. */
  empty?: string;
}

export type ChartRole = 'actual' | 'plan' | 'target' | 'forecast' | 'scope';

export interface ChartSeries {
  label: string;
  role: ChartRole;
  /** [day number (days since 1970-01-01), value]; only the points drawn. */
  points: [number, number][];
}

export interface ChartData {
  /** Says what the chart shows, in words, for screen readers. */
  ariaLabel: string;
  /** Value suffix for ticks and tooltips, e.g. ` h` or `%`. */
  unit: string;
  series: ChartSeries[];
  /** Day number of the as-of date, drawn as a vertical rule. */
  asOfDay: number | null;
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
