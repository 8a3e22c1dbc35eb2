// `status --json`, exactly as FORMAT.md section 6: goals sorted by id, null where a figure
// does not exist.
import type { ProgressReport } from '../compute/types.ts';
import { compareText } from '../util/compare-text.ts';

export function formatStatusJson(progress: ProgressReport): string {
  const goals = [...progress.goals]
    .sort((a, b) => compareText(a.id, b.id))
    .map((g) => ({ id: g.id, status: g.status, current: g.current, attainment: g.attainment, expected: g.expected, forecast: g.forecast, forecastHits: g.forecastHits }));
  const objectives = progress.objectives.map((o) => ({ id: o.id, progress: o.progress }));
  return `${JSON.stringify({ asOf: progress.asOf, goals, objectives }, null, 2)}\n`;
}
