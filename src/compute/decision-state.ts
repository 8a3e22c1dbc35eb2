// A Review decision's state at a date (FORMAT.md section 2, Review): open until its `done` date
// has come, overdue when still open after `due`. Read by the decision-overdue rule and by the
// site alike, so that check and the quarter pages never disagree about a decision.
import type { Decision } from '../model/types.ts';
import type { IsoDate } from '../spec/values.ts';

export type DecisionState = 'open' | 'done' | 'overdue';

export function decisionState(decision: Decision, asOf: IsoDate): DecisionState {
  // A decision done after the as-of date was still open then: a site pinned to an earlier
  // date shows it as it stood.
  if (decision.done !== undefined && decision.done <= asOf) return 'done';
  return decision.due < asOf ? 'overdue' : 'open';
}
