// What the progress engine says about each goal and objective at one as-of date.
// `null` means the figure does not exist (never zero for missing).
import type { IsoDate } from '../spec/values.ts';

export type GoalStatus =
  | 'achieved'
  | 'on-track'
  | 'at-risk'
  | 'off-track'
  | 'missed'
  | 'not-started'
  | 'no-data';

export const GOAL_STATUSES: readonly GoalStatus[] = [
  'achieved',
  'on-track',
  'at-risk',
  'off-track',
  'missed',
  'not-started',
  'no-data',
];

export interface ChildContribution {
  id: string;
  weight: number;
  /** The child's attainment clamped to 0-1 (1 when achieved), or null when it has none and counts 0. */
  attainment: number | null;
  status: GoalStatus;
}

export interface GoalProgress {
  id: string;
  status: GoalStatus;
  current: number | null;
  /** Date of the latest point on or before as-of. */
  currentDate: IsoDate | null;
  attainment: number | null;
  expected: number | null;
  /** Planned value at as-of (reach goals). */
  planned: number | null;
  forecast: number | null;
  forecastHits: boolean | null;
  /**
   * Past due (as-of after the target date), a reach goal is judged on its due value: the latest
   * point dated on or before the target date (FORMAT.md 1.1, section 5). Null before the due
   * date, for maintain goals, and when no point is dated on or before it.
   */
  dueValue: number | null;
  dueDate: IsoDate | null;
  /** data-stale applies: the latest point is older than two periods before as-of. */
  stale: boolean;
  /** True when the figures come from child goals, not the goal's own series. */
  rolledUp: boolean;
  children: ChildContribution[];
}

export interface ObjectiveProgress {
  id: string;
  progress: number | null;
  children: ChildContribution[];
}

export interface ProgressReport {
  asOf: IsoDate;
  goals: GoalProgress[];
  objectives: ObjectiveProgress[];
}
