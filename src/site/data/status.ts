// Status words and glyphs. Colour is never the only carrier: every badge shows its glyph and
// its label, and the CSS colours (styles/status.css) pass WCAG AA against their backgrounds.
import { GOAL_STATUSES, type GoalStatus } from '../../compute/types.ts';
import { STATUS_LABELS } from '../../render/status-labels.ts';
import type { StatusCount } from './types.ts';

export { STATUS_LABELS };

export const STATUS_GLYPH: Record<GoalStatus, string> = {
  achieved: '\u2714',
  'on-track': '\u25CF',
  'at-risk': '\u25B2',
  'off-track': '\u25BC',
  missed: '\u2716',
  'not-started': '\u25CB',
  'no-data': '\u2013',
};

/** Better is higher; statuses that say nothing about progress have no rank. */
export const STATUS_RANK: Record<GoalStatus, number | null> = {
  achieved: 5,
  'on-track': 4,
  'at-risk': 3,
  'off-track': 2,
  missed: 1,
  'not-started': null,
  'no-data': null,
};

export function countStatuses(statuses: Iterable<GoalStatus>): StatusCount[] {
  const counts = new Map<GoalStatus, number>(GOAL_STATUSES.map((s) => [s, 0]));
  for (const status of statuses) counts.set(status, (counts.get(status) ?? 0) + 1);
  return GOAL_STATUSES.map((status) => ({ status, label: STATUS_LABELS[status], count: counts.get(status) ?? 0 }));
}
