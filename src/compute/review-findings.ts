// The rules that need the data or the as-of date, not only the strategy (FORMAT.md 1.1):
// checkin-missing (a goal in trouble at a Review's date without a check-in there),
// decision-overdue (an open decision past due at the as-of date) and percent-fraction (a
// percent written as a fraction). Statuses at a Review's date are computed as at any as-of.
import type { Finding } from '../diagnostics/diagnostic.ts';
import type { Goal, Model } from '../model/types.ts';
import type { SeriesSet } from '../metrics/types.ts';
import type { IsoDate } from '../spec/values.ts';
import { computeProgress } from './compute-progress.ts';
import { decisionState } from './decision-state.ts';
import { seriesOfGoal } from './series-points.ts';
import type { GoalStatus } from './types.ts';

const TROUBLE: ReadonlySet<GoalStatus> = new Set(['off-track', 'at-risk', 'missed']);
const STATUS_WORDS: Record<string, string> = { 'off-track': 'off track', 'at-risk': 'at risk', missed: 'missed' };

export function findMissingCheckins(model: Model, series: SeriesSet): Finding[] {
  const findings: Finding[] = [];
  for (const review of model.reviews) {
    const checked = new Set(review.checkins.map((c) => c.goal));
    const progress = computeProgress(model, series, review.date);
    for (const goal of progress.goals) {
      if (!TROUBLE.has(goal.status) || checked.has(goal.id)) continue;
      const owner = model.goals.find((g) => g.id === goal.id)?.owner;
      findings.push({
        code: 'checkin-missing',
        ...review.checkinsAt,
        message: `goal \`${goal.id}\` was ${STATUS_WORDS[goal.status]} on ${review.date}, and the review has no check-in for it`,
        hint: `Add under \`checkins\`: - { goal: ${goal.id}, confidence: on-track | at-risk | off-track, note: ... }${owner ? ` (the owner is ${owner})` : ''}.`,
      });
    }
  }
  return findings;
}

export function findOverdueDecisions(model: Model, asOf: IsoDate): Finding[] {
  // A review dated after the as-of date has not happened yet at that date.
  return model.reviews.filter((review) => review.date <= asOf).flatMap((review) =>
    review.decisions
      .filter((decision) => decisionState(decision, asOf) === 'overdue')
      .map((decision) => ({
        code: 'decision-overdue' as const,
        ...decision.dueAt,
        message: `decision \`${decision.id}\` of review \`${review.id}\` was due on ${decision.due} and is still open on ${asOf}`,
        hint: `Add \`done: YYYY-MM-DD\` once it is done, or agree a new due date with ${decision.owner}.`,
      })),
  );
}

function goalValues(goal: Goal): number[] {
  return [...(goal.baseline ? [goal.baseline.value] : []), goal.target.value, ...goal.milestones.map((m) => m.value)];
}

export function findPercentFractions(model: Model, series: SeriesSet): Finding[] {
  const findings: Finding[] = [];
  const percentKpis = new Set(model.kpis.filter((k) => k.unit === 'percent').map((k) => k.id));
  for (const goal of model.goals) {
    if (!percentKpis.has(goal.kpi) || !goalValues(goal).every((v) => v <= 1)) continue;
    const values = seriesOfGoal(series, goal)?.values;
    const above = values?.find((v) => v > 1);
    if (above === undefined) continue;
    findings.push({
      code: 'percent-fraction',
      ...goal.targetAt,
      // A computed series value has all its digits (88.7402452619844); four significant ones tell.
      message: `the target ${goal.target.value} reads as ${goal.target.value} %, but \`${goal.kpi}\` at ${goal.scope} has values such as ${Number(above.toPrecision(4))} %`,
      hint: `Percent values are 0-100: write ${Number((goal.target.value * 100).toPrecision(12))} for ${Number((goal.target.value * 100).toPrecision(12))} %, and the baseline and milestones likewise.`,
    });
  }
  for (const policy of model.slaPolicies) {
    if (policy.target > 1) continue;
    findings.push({
      code: 'percent-fraction',
      ...policy.targetAt,
      message: `the target ${policy.target} reads as ${policy.target} % of tickets`,
      hint: `Percent values are 0-100: write ${Number((policy.target * 100).toPrecision(12))} for ${Number((policy.target * 100).toPrecision(12))} %.`,
    });
  }
  return findings;
}
