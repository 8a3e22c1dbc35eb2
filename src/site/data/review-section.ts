// The review section of a quarter page: the reviews of the quarter held by the as-of date, the
// owners' check-ins beside each goal's status on the page's date (with the disagreements
// marked in words), and the decisions with their state at the as-of date (open, done,
// overdue); plus the overdue decisions the overview flags.
import type { GoalProgress } from '../../compute/types.ts';
import type { Review } from '../../model/types.ts';
import type { SiteContext } from './context.ts';
import { rowFilter } from './goal-table.ts';
import type { QuarterSpan } from './quarters.ts';
import { decisionState } from '../../compute/decision-state.ts';
import { CONFIDENCE_LABELS, confidenceChip, decisionChip, DECISION_LABELS, disagreement, quarterOfReview, reviewHref, reviewsHeld } from './reviews.ts';
import { STATUS_LABELS } from './status.ts';
import type { Column, OverdueDecision, QuarterReview, Row, TableData } from './types.ts';
import { compareText } from '../../util/compare-text.ts';

const DASH = '\u2014';

function checkinTable(ctx: SiteContext, label: string, reviews: readonly Review[], evaluatedAt: string, progressOf: (id: string) => GoalProgress | undefined): TableData {
  const several = reviews.length > 1;
  const rows: Row[] = reviews.flatMap((review) =>
    review.checkins.flatMap((checkin) => {
      const goal = ctx.goal(checkin.goal);
      if (!goal) return [];
      const progress = progressOf(goal.id);
      const status = progress?.status ?? 'no-data';
      const disagrees = disagreement(checkin.confidence, status);
      return [{
        cells: [
          { text: goal.id },
          { text: goal.title, href: `goals/${goal.id}/` },
          { text: ctx.personName(goal.owner) },
          { text: review.date },
          { text: STATUS_LABELS[status], status },
          { text: CONFIDENCE_LABELS[checkin.confidence], chip: confidenceChip(checkin.confidence), ...(disagrees ? { flag: 'Disagrees' } : {}) },
          { text: checkin.note ?? DASH },
          { text: disagrees ?? '' },
        ],
        filter: rowFilter(ctx, goal, progress),
      }];
    }),
  );
  return {
    csv: `quarters/${label}/checkins`,
    caption: `The owners' confidence at the review${several ? 's' : ''}, beside each goal's status on ${evaluatedAt}`,
    columns: [
      { label: 'ID', csvOnly: true },
      { label: 'Goal' },
      { label: 'Owner' },
      { label: 'Review', nowrap: true, csvOnly: !several },
      { label: 'Numbers say' },
      { label: 'Owner says' },
      { label: 'Note', prose: true },
      { label: 'Disagreement', csvOnly: true },
    ],
    rows,
    empty: 'No owner checked in at this review.',
  };
}

function decisionTable(ctx: SiteContext, label: string, reviews: readonly Review[]): TableData {
  const several = reviews.length > 1;
  const columns: Column[] = [
    { label: 'ID', csvOnly: true },
    { label: 'Decision' },
    { label: 'Owner' },
    { label: 'Due', nowrap: true },
    { label: 'State' },
    { label: 'Done', nowrap: true },
    { label: 'Goals', prose: true },
    { label: 'Review', nowrap: true, csvOnly: !several },
  ];
  return {
    csv: `quarters/${label}/decisions`,
    caption: `Decisions of the review${several ? 's' : ''}, with their state on ${ctx.asOf}`,
    columns,
    rows: reviews.flatMap((review) =>
      review.decisions.map((decision) => {
        const state = decisionState(decision, ctx.asOf);
        return {
          cells: [
            { text: decision.id },
            { text: decision.text },
            { text: ctx.personName(decision.owner) },
            { text: decision.due },
            { text: DECISION_LABELS[state], chip: decisionChip(state) },
            { text: state === 'done' ? decision.done! : DASH },
            { text: decision.goals.map((id) => ctx.goal(id)?.title ?? id).join('; ') || DASH },
            { text: review.date },
          ],
        };
      }),
    ),
    empty: 'The review took no decisions.',
  };
}

export function quarterReview(ctx: SiteContext, span: QuarterSpan, evaluatedAt: string, progressOf: (id: string) => GoalProgress | undefined): QuarterReview | null {
  const fy = ctx.model.workspace.fiscalYearStart;
  const reviews = reviewsHeld(ctx.model, ctx.asOf).filter((review) => quarterOfReview(review, fy) === span.label);
  if (!reviews.length) return null;
  const states = { open: 0, done: 0, overdue: 0 };
  for (const review of reviews) for (const decision of review.decisions) states[decisionState(decision, ctx.asOf)]++;
  return {
    reviews: reviews.map((r) => ({ id: r.id, date: r.date, attendees: r.attendees.map((id) => ctx.personName(id)), source: { file: r.source.file, line: r.source.line } })),
    checkins: checkinTable(ctx, span.label, reviews, evaluatedAt, progressOf),
    decisions: decisionTable(ctx, span.label, reviews),
    states,
  };
}

/** Every decision of the reviews held by the as-of date that is still open after its due date, oldest due first. */
export function overdueDecisions(ctx: SiteContext): OverdueDecision[] {
  return reviewsHeld(ctx.model, ctx.asOf)
    .flatMap((review) =>
      review.decisions
        .filter((decision) => decisionState(decision, ctx.asOf) === 'overdue')
        .map((decision) => ({ id: decision.id, text: decision.text, owner: ctx.personName(decision.owner), due: decision.due, review: review.id, href: reviewHref(ctx, review, 'decisions') })),
    )
    .sort((a, b) => compareText(a.due, b.due));
}
