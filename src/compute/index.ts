// The progress engine's public surface, for the pipeline, the terminal and the site.
export { computeProgress } from './compute-progress.ts';
export { findStaleData, stalenessOf } from './stale-data.ts';
export { plannedPath, plannedValueAt } from './planned-path.ts';
export { pointsUpTo, seriesOfGoal } from './series-points.ts';
export { meetsTarget } from './meets-target.ts';
export { forecastAtDue } from './forecast.ts';
