// The goal table most pages share: goal, status, owner, current vs target, attainment vs
// expected, due date. Rows can be a tree (depth indents the title), and carry what the team,
// owner and status filters read (see RowFilter).
import type { GoalProgress } from '../../compute/types.ts';
import { clamp01 } from '../../compute/meets-target.ts';
import { cascadeRows, type CascadeRow } from '../../model/cascade.ts';
import type { Goal } from '../../model/types.ts';
import type { SiteContext } from './context.ts';
import { formatShare, formatValue } from './format.ts';
import { STATUS_LABELS } from './status.ts';
import type { Column, Row, RowFilter, TableData } from './types.ts';

export const GOAL_COLUMNS: Column[] = [
  { label: 'ID', csvOnly: true },
  { label: 'Goal' },
  { label: 'Status' },
  { label: 'Owner' },
  { label: 'Current', numeric: true },
  { label: 'Target', numeric: true },
  { label: 'Attainment', numeric: true },
  { label: 'Expected', numeric: true },
  { label: 'Due', nowrap: true },
];

export function rowFilter(ctx: SiteContext, goal: Goal, progress: GoalProgress | undefined): RowFilter {
  const status = progress?.status ?? 'no-data';
  const attainment = status === 'achieved' ? 1 : progress?.attainment === null || progress?.attainment === undefined ? null : clamp01(progress.attainment);
  const expected = progress?.expected === null || progress?.expected === undefined ? null : clamp01(progress.expected);
  return { goal: goal.id, status, teams: ctx.teamsOf(goal), owner: goal.owner, attainment, expected };
}

export function goalRow(ctx: SiteContext, goal: Goal, depth = 0): Row {
  const progress = ctx.progressOf(goal.id);
  const kpi = ctx.kpi(goal.kpi);
  const unit = kpi?.unit ?? 'count';
  const status = progress?.status ?? 'no-data';
  return {
    cells: [
      { text: goal.id },
      { text: goal.title, href: `goals/${goal.id}/`, indent: depth, ...(progress?.stale ? { flag: 'Stale data' } : {}) },
      { text: STATUS_LABELS[status], status },
      { text: ctx.personName(goal.owner) },
      { text: formatValue(progress?.current, unit), num: progress?.current ?? null },
      { text: formatValue(goal.target.value, unit), num: goal.target.value },
      { text: formatShare(progress?.attainment), num: progress?.attainment ?? null },
      { text: formatShare(progress?.expected), num: progress?.expected ?? null },
      { text: goal.target.date },
    ],
    filter: rowFilter(ctx, goal, progress),
  };
}

/** `roots` and, depth first, every goal below them (children sorted by id). */
export function goalTree(ctx: SiteContext, roots: readonly Goal[]): CascadeRow[] {
  return cascadeRows(roots, ctx.childrenOf);
}

export function goalTable(ctx: SiteContext, csv: string, caption: string, goals: readonly { goal: Goal; depth: number }[], empty = 'No goals.'): TableData {
  return { csv, caption, columns: GOAL_COLUMNS, rows: goals.map(({ goal, depth }) => goalRow(ctx, goal, depth)), empty };
}

export function flatGoals(goals: readonly Goal[]): { goal: Goal; depth: number }[] {
  return goals.map((goal) => ({ goal, depth: 0 }));
}
