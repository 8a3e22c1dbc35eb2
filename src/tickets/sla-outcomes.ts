// SLA adherence of one ticket under its policy P (TICKETS.md 7.3), in P's clock and schedule:
// - durations as in 7.2; deadlines `created` + f and `created` + r added in P's clock;
// - the first-response target is met when the first-reply duration exists and is ≤ f, or when
//   there is none and the resolution duration is ≤ f (solving a ticket answers it); the
//   resolution target when the resolution duration exists and is ≤ r;
// - met when both are met, decided at the solved instant; else breached, decided at the
//   first-response deadline when that target was missed, else at the resolution deadline;
// - a ticket whose outcome falls after its source's latest instant is undecided and left out.
// A met ticket without a solved instant (its resolution known only as business minutes, and no
// Workspace schedule to date it) cannot be dated, so it is left out too.
import { addInClock, type ClockChoice, firstReplyDuration, minutesInClock, resolutionDuration } from './durations.ts';
import type { TicketStore } from './ticket-store.ts';
import type { SlaPolicyDef, SlaTarget } from './types.ts';

export const UNDECIDED = -1;
export const BREACHED = 0;
export const MET = 1;

export interface SlaOutcome {
  outcome: typeof UNDECIDED | typeof BREACHED | typeof MET;
  /** The instant the outcome was decided (NaN when undecided). */
  decided: number;
  /** For a breach: the target missed first, its deadline, how late, and whether still open. */
  target: SlaTarget;
  deadline: number;
  lateMinutes: number;
  ongoing: boolean;
}

export function newOutcome(): SlaOutcome {
  return { outcome: UNDECIDED, decided: Number.NaN, target: 'first-response', deadline: Number.NaN, lateMinutes: Number.NaN, ongoing: false };
}

/**
 * Writes into `out` the outcome of ticket `t` under `policy` (one object reused for every
 * ticket). `solvedAt` is the ticket's solved instant and `latest` its source's latest instant.
 */
export function slaOutcome(out: SlaOutcome, store: TicketStore, t: number, policy: SlaPolicyDef, choice: ClockChoice, solvedAt: number, latest: number): void {
  const f = policy.firstResponseMinutes;
  const r = policy.resolutionMinutes;
  const created = store.created[t]!;
  const firstReply = firstReplyDuration(store, t, choice);
  const resolution = resolutionDuration(store, t, choice);
  const firstResponseMet = firstReply === firstReply ? firstReply <= f : resolution <= f;
  const resolutionMet = resolution <= r;
  out.outcome = UNDECIDED;
  if (firstResponseMet && resolutionMet) {
    if (solvedAt === solvedAt) {
      out.outcome = MET;
      out.decided = solvedAt;
    }
    return;
  }
  const target: SlaTarget = firstResponseMet ? 'resolution' : 'first-response';
  const limit = firstResponseMet ? r : f;
  const deadline = addInClock(created, limit, choice);
  // "Passed" means at or before the latest instant the source's export shows.
  if (!(deadline <= latest)) return;
  // How late: by the reply or solve that came, else by the time the export was taken.
  const came = target === 'resolution' ? resolution : firstReply === firstReply ? firstReply : resolution;
  out.ongoing = came !== came;
  out.lateMinutes = out.ongoing ? minutesInClock(deadline, latest, choice) : came - limit;
  out.outcome = BREACHED;
  out.decided = deadline;
  out.deadline = deadline;
  out.target = target;
}
