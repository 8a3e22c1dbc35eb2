// Which fiscal quarters get a review page: every quarter in which some goal is under way, that
// is, from the day after its start to its due date. A quarter is closed, current (it holds the
// as-of date) or upcoming.
import type { Model } from '../../model/types.ts';
import { addDays, quarterOf, quarterRange } from '../../util/dates.ts';

export interface QuarterSpan {
  label: string;
  start: string;
  end: string;
  state: 'closed' | 'current' | 'upcoming';
}

export function nextQuarter(label: string): string {
  const year = Number(label.slice(0, 4));
  const q = Number(label.slice(6));
  return q === 4 ? `${String(year + 1).padStart(4, '0')}-Q1` : `${label.slice(0, 4)}-Q${q + 1}`;
}

export function previousQuarter(label: string): string {
  const year = Number(label.slice(0, 4));
  const q = Number(label.slice(6));
  return q === 1 ? `${String(year - 1).padStart(4, '0')}-Q4` : `${label.slice(0, 4)}-Q${q - 1}`;
}

export function reviewQuarters(model: Model, asOf: string): QuarterSpan[] {
  const fy = model.workspace.fiscalYearStart;
  const labels = new Set<string>();
  for (const goal of model.goals) {
    if (goal.target.date <= goal.start) continue;
    const last = quarterOf(goal.target.date, fy);
    for (let q = quarterOf(addDays(goal.start, 1), fy); q <= last; q = nextQuarter(q)) labels.add(q);
  }
  return [...labels].sort().map((label) => {
    const range = quarterRange(label, fy)!;
    const state = range.end < asOf ? 'closed' : range.start > asOf ? 'upcoming' : 'current';
    return { label, start: range.start, end: range.end, state };
  });
}
