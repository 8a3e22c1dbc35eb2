// "Needs attention": the missed, off-track and at-risk goals, worst gap to plan first, each with
// its owner, the gap in the KPI's unit and a one-line reason. The gap to plan is expected minus
// attainment (FORMAT.md section 5), unclamped, so that a goal moving away from its target ranks
// above one merely standing still; a goal with no attainment to compare comes last.
import type { GoalProgress, GoalStatus } from '../../compute/types.ts';
import type { Goal } from '../../model/types.ts';
import type { SiteContext } from './context.ts';
import { rowFilter } from './goal-table.ts';
import type { AttentionItem } from './types.ts';
import { attentionReason, gapText } from './verdict.ts';
import { compareText } from '../../util/compare-text.ts';

export const ATTENTION_STATUSES: readonly GoalStatus[] = ['missed', 'off-track', 'at-risk'];

/** Expected minus attainment, or null when either is missing. */
export function gapToPlan(progress: GoalProgress): number | null {
  return progress.attainment === null || progress.expected === null ? null : progress.expected - progress.attainment;
}

export function needsAttention(ctx: SiteContext, goals: readonly Goal[], progressOf: (id: string) => GoalProgress | undefined, asOf: string): AttentionItem[] {
  const items: (AttentionItem & { order: number | null })[] = [];
  for (const goal of goals) {
    const progress = progressOf(goal.id);
    const kpi = ctx.kpi(goal.kpi);
    if (!progress || !kpi || !ATTENTION_STATUSES.includes(progress.status)) continue;
    const gap = gapToPlan(progress);
    items.push({
      id: goal.id,
      title: goal.title,
      href: `goals/${goal.id}/`,
      status: progress.status,
      owner: { id: goal.owner, name: ctx.personName(goal.owner) },
      gap: gap === null ? null : Math.max(0, Math.round(gap * 1000) / 10),
      gapText: gapText(goal, kpi, progress, asOf),
      reason: attentionReason(goal, kpi, progress, asOf),
      filter: rowFilter(ctx, goal, progress),
      order: gap,
    });
  }
  items.sort((a, b) => (b.order ?? -Infinity) - (a.order ?? -Infinity) || compareText(a.id, b.id));
  return items.map(({ order: _order, ...item }) => item);
}
