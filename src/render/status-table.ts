// `goalpost status` for the terminal: goals grouped by objective and indented by cascade,
// each with its owner, status label, current vs target, attainment vs expected, forecast,
// due date and a stale flag. Labels are words, so the table reads without colour too.
import type { GoalProgress, GoalStatus, ProgressReport } from '../compute/types.ts';
import { GOAL_STATUSES } from '../compute/types.ts';
import { cascadeGroups } from '../model/cascade.ts';
import type { Model } from '../model/types.ts';
import { createPaint, stripControl, type Paint } from './ansi.ts';
import { formatForecast, formatShare, formatValue, MISSING } from './format-value.ts';
import { STATUS_LABELS, STATUS_TONES } from './status-labels.ts';

/**
 * Deeper than this, a goal is indented no further and shows its depth instead: a long chain of
 * cascaded goals must not push the table off the screen, nor grow it with the square of its length.
 */
const MAX_INDENT = 8;
const indented = (id: string, depth: number) => (depth <= MAX_INDENT ? `${'  '.repeat(depth)}${id}` : `${'  '.repeat(MAX_INDENT)}(${depth}) ${id}`);

const HEADERS = ['goal', 'owner', 'status', 'current / target', 'attained / expected', 'forecast at due', 'due', ''];

function paintStatus(paint: Paint, status: GoalStatus, text: string): string {
  const tone = STATUS_TONES[status];
  return tone === 'good' ? paint.green(text) : tone === 'warn' ? paint.yellow(text) : tone === 'bad' ? paint.red(text) : paint.dim(text);
}

export function statusCounts(progress: ProgressReport): string {
  const counts = GOAL_STATUSES.map((status) => [status, progress.goals.filter((g) => g.status === status).length] as const).filter(([, n]) => n > 0);
  return counts.map(([status, n]) => `${n} ${STATUS_LABELS[status].toLowerCase()}`).join(', ');
}

export function formatStatusTable(model: Model, progress: ProgressReport, options: { color: boolean }): string {
  const paint = createPaint(options.color);
  const byId = new Map(progress.goals.map((g) => [g.id, g]));
  const kpis = new Map(model.kpis.map((k) => [k.id, k]));
  const objectiveProgress = new Map(progress.objectives.map((o) => [o.id, o.progress]));
  const out: string[] = [`${stripControl(model.workspace.name)}: ${progress.goals.length} ${progress.goals.length === 1 ? 'goal' : 'goals'} as of ${progress.asOf} (${statusCounts(progress) || 'none'})`];

  for (const group of cascadeGroups(model)) {
    const rows: { cells: string[]; status: GoalStatus }[] = group.rows.map(({ goal, depth }) => {
      const p: GoalProgress | undefined = byId.get(goal.id);
      const kpi = kpis.get(goal.kpi)!;
      const unit = kpi.unit;
      // Past due there is no forecast: the due value is what the goal was judged on (FORMAT.md 1.1).
      const forecast =
        p?.dueValue !== null && p?.dueValue !== undefined
          ? `${formatValue(p.dueValue, unit)} at due`
          : p?.forecast === null || p?.forecast === undefined
            ? MISSING
            : `${formatForecast(p.forecast, unit, kpi.range)} (${p.forecastHits ? 'hits' : 'misses'})`;
      return {
        status: p?.status ?? 'no-data',
        cells: [
          indented(goal.id, depth),
          goal.owner,
          STATUS_LABELS[p?.status ?? 'no-data'],
          `${formatValue(p?.current, unit)} / ${formatValue(goal.target.value, unit)}`,
          `${formatShare(p?.attainment)} / ${formatShare(p?.expected)}`,
          forecast,
          goal.target.date,
          [p?.stale ? 'stale data' : '', p?.rolledUp ? 'rolled up' : ''].filter(Boolean).join(', '),
        ],
      };
    });
    const widths = HEADERS.map((header, i) => Math.max(header.length, ...rows.map((r) => r.cells[i]!.length)));
    const pad = (cells: string[]) => cells.map((cell, i) => cell.padEnd(widths[i]!)).join('  ').trimEnd();
    const title = group.objective
      ? `${stripControl(group.objective.title)} [${group.objective.id}]: progress ${formatShare(objectiveProgress.get(group.objective.id) ?? null)}`
      : 'Goals without an objective';
    if (rows.length === 0) {
      out.push('', paint.bold(title), `  ${paint.dim('no goals yet')}`);
      continue;
    }
    out.push('', paint.bold(title), `  ${paint.dim(pad(HEADERS))}`);
    for (const row of rows) {
      const line = pad(row.cells);
      const statusStart = row.cells.slice(0, 2).reduce((n, _, i) => n + widths[i]! + 2, 0);
      const statusText = row.cells[2]!.padEnd(widths[2]!);
      out.push(`  ${line.slice(0, statusStart)}${paintStatus(paint, row.status, statusText)}${line.slice(statusStart + statusText.length)}`);
    }
  }
  return `${out.join('\n')}\n`;
}
