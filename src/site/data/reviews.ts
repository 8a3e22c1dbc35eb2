// What the review site reads off the Reviews (FORMAT.md section 2, Review): a check-in or a
// decision belongs to its review's date, and a review dated after the as-of date has not
// happened yet, so it is left out. Per goal the latest check-in is the owner's confidence and
// earlier ones are history; a decision is open until `done`, and overdue when open after `due`.
// The owner disagrees with the numbers when their confidence and the computed status shown
// beside it fall on different steps of on track / at risk / off track (achieved counts as on
// track, missed as off track; not started and no data say nothing to disagree with).
import type { DecisionState } from '../../compute/decision-state.ts';
import type { GoalStatus } from '../../compute/types.ts';
import type { Model, Review } from '../../model/types.ts';
import type { Confidence } from '../../spec/spec-types.ts';
import { quarterOf } from '../../util/dates.ts';
import { STATUS_LABELS } from './status.ts';
import type { SiteContext } from './context.ts';
import type { CheckinView, Chip } from './types.ts';

export const CONFIDENCE_LABELS: Record<Confidence, string> = { 'on-track': 'On track', 'at-risk': 'At risk', 'off-track': 'Off track' };

export const DECISION_LABELS: Record<DecisionState, string> = { open: 'Open', done: 'Done', overdue: 'Overdue' };

const CONFIDENCE_STEP: Record<Confidence, number> = { 'on-track': 3, 'at-risk': 2, 'off-track': 1 };

const STATUS_STEP: Record<GoalStatus, number | null> = {
  achieved: 3,
  'on-track': 3,
  'at-risk': 2,
  'off-track': 1,
  missed: 1,
  'not-started': null,
  'no-data': null,
};

/** The reviews held by the as-of date, oldest first (the model's order: date, then id). */
export function reviewsHeld(model: Model, asOf: string): Review[] {
  return model.reviews.filter((review) => review.date <= asOf);
}

/** The quarter a review looks back on: its `quarter`, else the one holding its date. */
export function quarterOfReview(review: Review, fiscalYearStart: number): string {
  return review.quarter ?? quarterOf(review.date, fiscalYearStart);
}

export interface DatedCheckin {
  review: Review;
  confidence: Confidence;
  note: string | null;
}

/** A goal's check-ins in the reviews held by the as-of date, newest first. */
export function checkinsOf(model: Model, goal: string, asOf: string): DatedCheckin[] {
  return reviewsHeld(model, asOf)
    .flatMap((review) => review.checkins.filter((c) => c.goal === goal).map((c) => ({ review, confidence: c.confidence, note: c.note ?? null })))
    .reverse();
}

/**
 * "The owner says on track; the numbers say at risk." when the owner's confidence and the
 * computed status disagree, else null.
 */
export function disagreement(confidence: Confidence, status: GoalStatus): string | null {
  const step = STATUS_STEP[status];
  if (step === null || step === CONFIDENCE_STEP[confidence]) return null;
  return `The owner says ${CONFIDENCE_LABELS[confidence].toLowerCase()}; the numbers say ${STATUS_LABELS[status].toLowerCase()}.`;
}

export const confidenceChip = (confidence: Confidence): Chip => ({ kind: 'confidence', value: confidence });
export const decisionChip = (state: DecisionState): Chip => ({ kind: 'decision', value: state });

/** The review's section on its quarter page (`quarters/2026-Q2/#review`), or null when that quarter has no page. */
export function reviewHref(ctx: SiteContext, review: Review, anchor: 'review' | 'decisions' | 'checkins' = 'review'): string | null {
  const quarter = quarterOfReview(review, ctx.model.workspace.fiscalYearStart);
  return ctx.quarterPages.has(quarter) ? `quarters/${quarter}/#${anchor}` : null;
}

export function checkinView(ctx: SiteContext, checkin: DatedCheckin): CheckinView {
  const { review } = checkin;
  return {
    date: review.date,
    review: { id: review.id, quarter: quarterOfReview(review, ctx.model.workspace.fiscalYearStart), href: reviewHref(ctx, review) },
    confidence: checkin.confidence,
    label: CONFIDENCE_LABELS[checkin.confidence],
    note: checkin.note,
  };
}
