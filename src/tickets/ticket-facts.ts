// What every measure reads about a ticket beyond its cells, worked out once after reading:
// its first-reply and solved instants, the local days (in its source's timezone) of its
// created, first-reply and solved instants, its SLA policy and outcome, and each source's
// latest instant. Only tickets whose winning row was usable count (store.valid). A ticket from
// a file without the columns for the policies' `when` has no policy, and one from a file without
// its policy's duration columns no outcome (requirements.ts).
import type { BusinessClock } from './business-clock.ts';
import { firstReplyInstant, solvedInstant } from './durations.ts';
import { LatestBreaches } from './latest-breaches.ts';
import { slaReadability } from './requirements.ts';
import type { ReadState } from './read-state.ts';
import { USABLE } from './ticket-store.ts';
import type { PolicyMatcher } from './sla-policies.ts';
import { BREACHED, newOutcome, slaOutcome, UNDECIDED } from './sla-outcomes.ts';
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
  createdDay: Int32Array;
  firstReplyDay: Int32Array;
  solvedDay: Int32Array;
  /** Index into the policies by priority, or -1. */
  policy: Int32Array;
  /** 1 met, 0 breached, -1 no decided outcome. */
  slaOutcome: Int32Array;
  slaDecidedDay: Int32Array;
  /** Per policy (by priority), its latest breaches, latest first (see latest-breaches.ts). */
  breaches: BreachFacts[][];
  /** Per source: its latest instant (NaN without usable tickets). */
  latest: Float64Array;
}

export interface PolicyClock {
  policy: SlaPolicyDef;
  /** null when the policy's clock is business and there is no schedule to use: no outcome. */
  choice: { clock: 'calendar' | 'business'; business: BusinessClock | null } | null;
}

export function ticketFacts(state: ReadState, workspace: BusinessClock | null, matcher: PolicyMatcher, policies: readonly PolicyClock[], breachesPerPolicy: number): TicketFacts {
  const store = state.store;
  const size = store.size;
  // Kept for the SLA outcomes below, rather than added again in a business clock.
  const solvedAtOf = new Float64Array(size);
  const facts: TicketFacts = {
    size,
    createdDay: new Int32Array(size).fill(NO_DAY),
    firstReplyDay: new Int32Array(size).fill(NO_DAY),
    solvedDay: new Int32Array(size).fill(NO_DAY),
    policy: new Int32Array(size).fill(-1),
    slaOutcome: new Int32Array(size).fill(UNDECIDED),
    slaDecidedDay: new Int32Array(size).fill(NO_DAY),
    breaches: [],
    latest: new Float64Array(state.sources.length).fill(Number.NaN),
  };
  const { createdDay, firstReplyDay, solvedDay, latest } = facts;
  const calendars = state.sources.map((source) => source.calendar);
  // What each file's columns allow: a file that lacks a policy's columns gives it nothing.
  const readable = state.fileFields.map((mask) => slaReadability(mask, policies.map((p) => p.policy)));
  for (let t = 0; t < size; t++) {
    if (store.valid[t] !== USABLE) continue;
    const source = store.source[t]!;
    const calendar = calendars[source]!;
    const created = store.created[t]!;
    // The instants are needed only here: the measures read their local days.
    const firstReplyAt = firstReplyInstant(store, t, workspace);
    const solvedAt = solvedInstant(store, t, workspace);
    solvedAtOf[t] = solvedAt;
    createdDay[t] = calendar.localDay(created);
    if (firstReplyAt === firstReplyAt) firstReplyDay[t] = calendar.localDay(firstReplyAt);
    if (solvedAt === solvedAt) solvedDay[t] = calendar.localDay(solvedAt);
    // NaN compares false, so a missing instant never raises the latest.
    let last = latest[source]!;
    if (!(last >= created)) last = created;
    if (firstReplyAt > last) last = firstReplyAt;
    if (solvedAt > last) last = solvedAt;
    latest[source] = last;
    if (readable[store.file[t]!]!.routable) facts.policy[t] = matcher.policyOf(t);
  }
  const latestBreaches = new LatestBreaches(policies.length, breachesPerPolicy, store);
  const outcome = newOutcome();
  for (let t = 0; t < size; t++) {
    const index = facts.policy[t]!;
    if (index < 0) continue;
    const { policy, choice } = policies[index]!;
    if (choice === null || !readable[store.file[t]!]!.judgeable[index]) continue;
    const source = store.source[t]!;
    slaOutcome(outcome, store, t, policy, choice, solvedAtOf[t]!, latest[source]!);
    if (outcome.outcome === UNDECIDED) continue;
    facts.slaOutcome[t] = outcome.outcome;
    facts.slaDecidedDay[t] = calendars[source]!.localDay(outcome.decided);
    if (outcome.outcome === BREACHED) latestBreaches.add(index, t, outcome.deadline);
  }
  // The few breaches kept are worked out again, in full.
  facts.breaches = latestBreaches.result().map((tickets, index) =>
    Array.from(tickets, (t): BreachFacts => {
      const { policy, choice } = policies[index]!;
      slaOutcome(outcome, store, t, policy, choice!, solvedAtOf[t]!, latest[store.source[t]!]!);
      return { ticket: t, target: outcome.target, deadline: outcome.deadline, lateMinutes: outcome.lateMinutes, ongoing: outcome.ongoing };
    }),
  );
  return facts;
}
