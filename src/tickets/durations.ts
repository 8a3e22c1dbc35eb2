// A ticket's durations and instants (TICKETS.md 7.2), read from the store:
// - first reply, calendar clock: `firstReplyMinutes`, else `firstReply` − `created`;
//   business clock: `firstReplyBusinessMinutes`, else business time from `created` to
//   `firstReply` in the given schedule. Resolution likewise with the resolution fields and
//   `solved`. A vendor's minutes win over timestamps (they carry the vendor's definitions).
// - first-reply instant: `firstReply`, else `created` + `firstReplyMinutes`, else `created` plus
//   `firstReplyBusinessMinutes` added in the Workspace's schedule (none: no instant). The solved
//   instant likewise.
import type { BusinessClock } from './business-clock.ts';
import type { TicketStore } from './ticket-store.ts';
import type { Clock } from './types.ts';
import { MINUTE_MS } from './zone-calendar.ts';

export interface ClockChoice {
  clock: Clock;
  /** The schedule for the business clock; null when there is none (then no business duration). */
  business: BusinessClock | null;
}

function duration(created: number, minutes: number, businessMinutes: number, end: number, choice: ClockChoice): number {
  if (choice.clock === 'calendar') return minutes === minutes ? minutes : (end - created) / MINUTE_MS;
  if (businessMinutes === businessMinutes) return businessMinutes;
  if (choice.business === null || end !== end) return Number.NaN;
  return choice.business.between(created, end) / MINUTE_MS;
}

export function firstReplyDuration(store: TicketStore, t: number, choice: ClockChoice): number {
  return duration(store.created[t]!, store.firstReplyMinutes[t]!, store.firstReplyBusinessMinutes[t]!, store.firstReply[t]!, choice);
}

export function resolutionDuration(store: TicketStore, t: number, choice: ClockChoice): number {
  return duration(store.created[t]!, store.resolutionMinutes[t]!, store.resolutionBusinessMinutes[t]!, store.solved[t]!, choice);
}

function instant(created: number, at: number, minutes: number, businessMinutes: number, workspace: BusinessClock | null): number {
  if (at === at) return at;
  if (minutes === minutes) return created + minutes * MINUTE_MS;
  if (businessMinutes === businessMinutes && workspace !== null) return workspace.add(created, businessMinutes * MINUTE_MS);
  return Number.NaN;
}

export function firstReplyInstant(store: TicketStore, t: number, workspace: BusinessClock | null): number {
  return instant(store.created[t]!, store.firstReply[t]!, store.firstReplyMinutes[t]!, store.firstReplyBusinessMinutes[t]!, workspace);
}

export function solvedInstant(store: TicketStore, t: number, workspace: BusinessClock | null): number {
  return instant(store.created[t]!, store.solved[t]!, store.resolutionMinutes[t]!, store.resolutionBusinessMinutes[t]!, workspace);
}

/** `minutes` added to `from` in the clock: business time when the clock is business (null schedule: NaN). */
export function addInClock(from: number, minutes: number, choice: ClockChoice): number {
  if (choice.clock === 'calendar') return from + minutes * MINUTE_MS;
  return choice.business === null ? Number.NaN : choice.business.add(from, minutes * MINUTE_MS);
}

/** Minutes from `a` to `b` in the clock. */
export function minutesInClock(a: number, b: number, choice: ClockChoice): number {
  if (choice.clock === 'calendar') return (b - a) / MINUTE_MS;
  return choice.business === null ? Number.NaN : choice.business.between(a, b) / MINUTE_MS;
}
