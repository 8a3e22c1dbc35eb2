// What every measure reads about a ticket beyond its cells, worked out once after reading:
// its first-reply and solved instants, the local days (in its source's timezone) of its
// created, first-reply and solved instants, its SLA policy and outcome, and each source's
// latest instant. Only tickets whose winning row was usable count (store.valid).
import type { BusinessClock } from './business-clock.ts';
import { firstReplyInstant, solvedInstant } from './durations.ts';
import type { ReadState } from './read-state.ts';
import type { TicketStore } from './ticket-store.ts';
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
  createdDay: Int32Array;
  firstReplyDay: Int32Array;
  solvedDay: Int32Array;
  /** Index into the policies by priority, or -1. */
  policy: Int32Array;
  /** 1 met, 0 breached, -1 no decided outcome. */
  slaOutcome: Int32Array;
  slaDecidedDay: Int32Array;
  /** Per policy (by priority), its latest breaches, latest first (see LatestBreaches). */
  breaches: BreachFacts[][];
  /** Per source: its latest instant (NaN without usable tickets). */
  latest: Float64Array;
}

export interface PolicyClock {
  policy: SlaPolicyDef;
  /** null when the policy's clock is business and there is no schedule to use: no outcome. */
  choice: { clock: 'calendar' | 'business'; business: BusinessClock | null } | null;
}

/**
 * The most recent breaches of each policy, kept to `limit` as they come: latest deadline
 * first, then by source, then by ticket id, so the list does not depend on reading order.
 */
class LatestBreaches {
  private readonly lists: BreachFacts[][];
  private readonly limit: number;
  private readonly order: (a: BreachFacts, b: BreachFacts) => number;

  constructor(policies: number, limit: number, store: TicketStore) {
    this.lists = Array.from({ length: policies }, () => []);
    this.limit = limit;
    this.order = (a, b) => {
      if (a.deadline !== b.deadline) return b.deadline - a.deadline;
      if (store.source[a.ticket] !== store.source[b.ticket]) return store.source[a.ticket]! - store.source[b.ticket]!;
      const [x, y] = [store.idOf(a.ticket), store.idOf(b.ticket)];
      return x < y ? -1 : x > y ? 1 : 0;
    };
  }

  add(policy: number, breach: BreachFacts): void {
    const list = this.lists[policy]!;
    list.push(breach);
    // Trimmed now and then, so that a million breaches never pile up.
    if (list.length >= 4 * this.limit + 64) this.trim(list);
  }

  result(): BreachFacts[][] {
    for (const list of this.lists) this.trim(list);
    return this.lists;
  }

  private trim(list: BreachFacts[]): void {
    list.sort(this.order);
    list.length = Math.min(list.length, this.limit);
  }
}

export function ticketFacts(state: ReadState, workspace: BusinessClock | null, matcher: PolicyMatcher, policies: readonly PolicyClock[], breachesPerPolicy: number): TicketFacts {
  const store = state.store;
  const size = store.size;
  // The instants are needed only here: the measures read their local days.
  const firstReplyAtOf = new Float64Array(size).fill(Number.NaN);
  const solvedAtOf = new Float64Array(size).fill(Number.NaN);
  const latestBreaches = new LatestBreaches(policies.length, breachesPerPolicy, store);
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
  const latest = facts.latest;
  for (let t = 0; t < size; t++) {
    if (store.valid[t] !== 1) continue;
    const source = store.source[t]!;
    const calendar = state.sources[source]!.calendar;
    const created = store.created[t]!;
    const firstReplyAt = firstReplyInstant(store, t, workspace);
    const solvedAt = solvedInstant(store, t, workspace);
    firstReplyAtOf[t] = firstReplyAt;
    solvedAtOf[t] = solvedAt;
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
    slaOutcome(outcome, store, t, policy, choice, solvedAtOf[t]!, latest[source]!);
    if (outcome.outcome === UNDECIDED) continue;
    facts.slaOutcome[t] = outcome.outcome;
    facts.slaDecidedDay[t] = state.sources[source]!.calendar.localDay(outcome.decided);
    if (outcome.outcome === 0) {
      latestBreaches.add(index, { ticket: t, target: outcome.target, deadline: outcome.deadline, lateMinutes: outcome.lateMinutes, ongoing: outcome.ongoing });
    }
  }
  facts.breaches = latestBreaches.result();
  return facts;
}
