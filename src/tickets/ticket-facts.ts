// What every measure reads about a ticket beyond its cells, worked out once after reading:
// its first-reply and solved instants, the local days (in its source's timezone) of its
// created, first-reply and solved instants, its SLA policy and outcome, and each source's
// latest instant. Only tickets whose winning row was usable count (store.valid).
import type { BusinessClock } from './business-clock.ts';
import { firstReplyInstant, solvedInstant } from './durations.ts';
import type { ReadState } from './read-state.ts';
import type { PolicyMatcher } from './sla-policies.ts';
import { newOutcome, slaOutcome, UNDECIDED } from './sla-outcomes.ts';
import type { SlaPolicyDef, SlaTarget } from './types.ts';

/** The day of a missing instant. */
export const NO_DAY = -2147483648;

export interface BreachFacts {
  ticket: number;
  target: SlaTarget;
  deadline: number;
  lateMinutes: number;
  ongoing: boolean;
}

export interface TicketFacts {
  size: number;
  firstReplyAt: Float64Array;
  solvedAt: Float64Array;
  createdDay: Int32Array;
  firstReplyDay: Int32Array;
  solvedDay: Int32Array;
  /** Index into the policies by priority, or -1. */
  policy: Int32Array;
  /** 1 met, 0 breached, -1 no decided outcome. */
  slaOutcome: Int32Array;
  slaDecidedDay: Int32Array;
  slaDecided: Float64Array;
  breaches: BreachFacts[];
  /** Per source: its latest instant (NaN without usable tickets). */
  latest: Float64Array;
}

export interface PolicyClock {
  policy: SlaPolicyDef;
  /** null when the policy's clock is business and there is no schedule to use: no outcome. */
  choice: { clock: 'calendar' | 'business'; business: BusinessClock | null } | null;
}

export function ticketFacts(state: ReadState, workspace: BusinessClock | null, matcher: PolicyMatcher, policies: readonly PolicyClock[]): TicketFacts {
  const store = state.store;
  const size = store.size;
  const facts: TicketFacts = {
    size,
    firstReplyAt: new Float64Array(size).fill(Number.NaN),
    solvedAt: new Float64Array(size).fill(Number.NaN),
    createdDay: new Int32Array(size).fill(NO_DAY),
    firstReplyDay: new Int32Array(size).fill(NO_DAY),
    solvedDay: new Int32Array(size).fill(NO_DAY),
    policy: new Int32Array(size).fill(-1),
    slaOutcome: new Int32Array(size).fill(UNDECIDED),
    slaDecidedDay: new Int32Array(size).fill(NO_DAY),
    slaDecided: new Float64Array(size).fill(Number.NaN),
    breaches: [],
    latest: new Float64Array(state.sources.length).fill(Number.NaN),
  };
  const latest = facts.latest;
  for (let t = 0; t < size; t++) {
    if (store.valid[t] !== 1) continue;
    const source = store.source[t]!;
    const calendar = state.sources[source]!.calendar;
    const created = store.created[t]!;
    const firstReplyAt = firstReplyInstant(store, t, workspace);
    const solvedAt = solvedInstant(store, t, workspace);
    facts.firstReplyAt[t] = firstReplyAt;
    facts.solvedAt[t] = solvedAt;
    facts.createdDay[t] = calendar.localDay(created);
    if (firstReplyAt === firstReplyAt) facts.firstReplyDay[t] = calendar.localDay(firstReplyAt);
    if (solvedAt === solvedAt) facts.solvedDay[t] = calendar.localDay(solvedAt);
    // NaN compares false, so a missing instant never raises the latest.
    let last = latest[source]!;
    if (!(last >= created)) last = created;
    if (firstReplyAt > last) last = firstReplyAt;
    if (solvedAt > last) last = solvedAt;
    latest[source] = last;
    facts.policy[t] = matcher.policyOf(t);
  }
  const outcome = newOutcome();
  for (let t = 0; t < size; t++) {
    const index = facts.policy[t]!;
    if (index < 0) continue;
    const { policy, choice } = policies[index]!;
    if (choice === null) continue;
    const source = store.source[t]!;
    slaOutcome(outcome, store, t, policy, choice, facts.solvedAt[t]!, latest[source]!);
    if (outcome.outcome === UNDECIDED) continue;
    facts.slaOutcome[t] = outcome.outcome;
    facts.slaDecided[t] = outcome.decided;
    facts.slaDecidedDay[t] = state.sources[source]!.calendar.localDay(outcome.decided);
    if (outcome.outcome === 0) {
      facts.breaches.push({ ticket: t, target: outcome.target, deadline: outcome.deadline, lateMinutes: outcome.lateMinutes, ongoing: outcome.ongoing });
    }
  }
  return facts;
}
