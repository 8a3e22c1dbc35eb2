// What a change to the reviews means (FORMAT.md 1.1): an owner's confidence in a goal that fell
// or rose (the latest check-in on each side, whichever review holds it), decisions that are new,
// done, reopened, dropped, or whose due date moved. The rest of a Review falls through to the
// generic comparison.
import type { Decision, Model, Review } from '../model/types.ts';
import type { Confidence } from '../spec/spec-types.ts';
import { daysBetween } from '../util/dates.ts';
import { compareFields } from './compare-fields.ts';
import { describePerson, plural } from './describe-value.ts';
import type { FieldChange } from './types.ts';

const CONFIDENCE_RANK: Record<Confidence, number> = { 'off-track': 0, 'at-risk': 1, 'on-track': 2 };
const confidenceWords = (confidence: Confidence) => confidence.replace('-', ' ');

/** The goal's latest check-in: from the latest review that has one (reviews are sorted by date). */
export function latestCheckin(model: Model, goal: string): { confidence: Confidence; review: Review } | null {
  for (let i = model.reviews.length - 1; i >= 0; i--) {
    const review = model.reviews[i]!;
    const checkin = review.checkins.find((c) => c.goal === goal);
    if (checkin) return { confidence: checkin.confidence, review };
  }
  return null;
}

export function confidenceChange(goal: string, models: { before: Model; after: Model }): FieldChange[] {
  const [before, after] = [latestCheckin(models.before, goal), latestCheckin(models.after, goal)];
  if (!after || before?.confidence === after.confidence) return [];
  const base = { code: 'confidence-changed' as const, field: 'confidence', after: after.confidence, ...(before ? { before: before.confidence } : {}) };
  if (!before) return [{ ...base, message: `owner's first check-in (review ${after.review.id}): ${confidenceWords(after.confidence)}` }];
  const fell = CONFIDENCE_RANK[after.confidence] < CONFIDENCE_RANK[before.confidence];
  return [{ ...base, message: `owner confidence ${fell ? 'fell' : 'rose'} from ${confidenceWords(before.confidence)} to ${confidenceWords(after.confidence)} (review ${after.review.id})` }];
}

function decisionAdded(model: Model, decision: Decision): FieldChange {
  const state = decision.done ? `, done ${decision.done}` : '';
  return { code: 'decision-added', field: `decisions[${decision.id}]`, after: decision.text, message: `new decision ${decision.id}: ${decision.text} (${describePerson(model, decision.owner)}, due ${decision.due}${state})` };
}

/** The decisions of a review added whole. */
export function newDecisions(review: Review, model: Model): FieldChange[] {
  return review.decisions.map((decision) => decisionAdded(model, decision));
}

export function compareReview(before: Review, after: Review, models: { before: Model; after: Model }): FieldChange[] {
  const out: FieldChange[] = [];
  const old = new Map(before.decisions.map((d) => [d.id, d]));
  const now = new Map(after.decisions.map((d) => [d.id, d]));
  for (const [id, decision] of now) {
    const was = old.get(id);
    const field = `decisions[${id}]`;
    if (!was) {
      out.push(decisionAdded(models.after, decision));
      continue;
    }
    if (!was.done && decision.done) out.push({ code: 'decision-closed', field: `${field}.done`, after: decision.done, message: `decision ${id} done on ${decision.done}` });
    if (was.done && !decision.done) out.push({ code: 'decision-reopened', field: `${field}.done`, before: was.done, message: `decision ${id} reopened (was done on ${was.done})` });
    if (was.due !== decision.due) {
      const days = daysBetween(was.due, decision.due);
      const moved = `${days > 0 ? 'later' : 'earlier'} by ${plural(Math.abs(days), 'day')}`;
      out.push({ code: 'decision-due-moved', field: `${field}.due`, before: was.due, after: decision.due, days: Math.abs(days), message: `decision ${id} due date moved ${moved}, from ${was.due} to ${decision.due}` });
    }
    const rest = compareFields(
      { text: was.text, owner: was.owner, goals: was.goals },
      { text: decision.text, owner: decision.owner, goals: decision.goals },
      [],
    ).map((change) => ({ ...change, field: `${field}.${change.field}`, message: `decision ${id}: ${change.message}` }));
    out.push(...rest);
  }
  for (const [id, decision] of old) {
    if (!now.has(id)) out.push({ code: 'decision-dropped', field: `decisions[${id}]`, before: decision.text, message: `decision ${id} dropped: ${decision.text}` });
  }
  // Check-ins are compared per goal (confidenceChange); a note's wording is still news.
  const notes = (review: Review) => Object.fromEntries(review.checkins.map((c) => [c.goal, c.note ?? '']));
  const noteChanges = compareFields(notes(before), notes(after), []).map((change) => ({ ...change, field: `checkins[${change.field}].note`, message: `check-in note on ${change.field} changed` }));
  return [...out, ...noteChanges, ...compareFields(before, after, ['decisions', 'checkins', 'checkinsAt', 'source'])];
}

/** For a review added whole: what it decided, in one line. */
export function describeReview(review: Review): string {
  const parts = [plural(review.checkins.length, 'check-in'), plural(review.decisions.length, 'decision')];
  return `review of ${review.date}${review.quarter ? ` (${review.quarter})` : ''}: ${parts.join(', ')}`;
}
