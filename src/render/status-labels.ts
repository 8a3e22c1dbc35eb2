// The words for each goal status, shared by the terminal and the site, so that a status
// always reads the same and never depends on colour alone.
import type { GoalStatus } from '../compute/types.ts';

export const STATUS_LABELS: Record<GoalStatus, string> = {
  achieved: 'Achieved',
  'on-track': 'On track',
  'at-risk': 'At risk',
  'off-track': 'Off track',
  missed: 'Missed',
  'not-started': 'Not started',
  'no-data': 'No data',
};

/** The tone a status is painted in: good, warn, bad or neutral. */
export const STATUS_TONES: Record<GoalStatus, 'good' | 'warn' | 'bad' | 'neutral'> = {
  achieved: 'good',
  'on-track': 'good',
  'at-risk': 'warn',
  'off-track': 'bad',
  missed: 'bad',
  'not-started': 'neutral',
  'no-data': 'neutral',
};
