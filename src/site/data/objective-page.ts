// A page per objective: its why, its rolled-up progress with each direct goal's contribution
// (weight and clamped attainment), and the whole goal tree beneath it.
import type { Objective } from '../../model/types.ts';
import type { SiteContext } from './context.ts';
import { formatNumber, formatShare } from './format.ts';
import { goalTable, goalTree } from './goal-table.ts';
import { objectiveHeading } from './overview.ts';
import { countStatuses, STATUS_LABELS } from './status.ts';
import type { ObjectivePage } from './types.ts';

export function buildObjectivePage(ctx: SiteContext, objective: Objective): ObjectivePage {
  const report = ctx.progress.objectives.find((o) => o.id === objective.id);
  const roots = ctx.model.goals.filter((goal) => goal.objective === objective.id);
  const tree = goalTree(ctx, roots);
  const totalWeight = (report?.children ?? []).reduce((sum, c) => sum + c.weight, 0);
  return {
    ...objectiveHeading(ctx, objective),
    counts: countStatuses(tree.map(({ goal }) => ctx.progressOf(goal.id)?.status ?? 'no-data')),
    contributions: {
      csv: `objectives/${objective.id}/contributions`,
      caption: 'How the progress is made up: the weighted mean of each direct goal\u2019s attainment, clamped to 0\u2013100 %',
      columns: [{ label: 'ID', csvOnly: true }, { label: 'Goal' }, { label: 'Status' }, { label: 'Weight', numeric: true }, { label: 'Share of progress', numeric: true }, { label: 'Counted attainment', numeric: true }],
      rows: (report?.children ?? []).map((child) => {
        const goal = ctx.goal(child.id);
        const share = totalWeight > 0 ? child.weight / totalWeight : null;
        return {
          cells: [
            { text: child.id },
            { text: goal?.title ?? child.id, href: `goals/${child.id}/` },
            { text: STATUS_LABELS[child.status], status: child.status },
            { text: formatNumber(child.weight), num: child.weight },
            { text: formatShare(share), num: share },
            { text: child.attainment === null ? '0% (none yet)' : formatShare(child.attainment), num: child.attainment },
          ],
        };
      }),
      empty: 'No goals serve this objective yet: add `objective: ' + objective.id + '` to a goal.',
    },
    goals: goalTable(ctx, `objectives/${objective.id}/goals`, 'All goals under this objective', tree),
    source: { file: objective.source.file, line: objective.source.line },
  };
}
