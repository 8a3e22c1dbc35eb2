// The most recent breaches of each SLA policy, kept to a limit as the tickets go by: latest
// deadline first, then by source, then by ticket id (as text), so the list does not depend on
// reading order. Each policy keeps a heap of at most `limit` tickets whose root is the one
// listed last, so a breach that would come after all of them is turned away with one
// comparison, and one that gets in costs a few. Exports in time order make nearly every new
// breach the latest yet, which is why the heap holds a ticket number and a deadline only: the
// rest of a breach is worked out again for the few kept (see ticketFacts).
import type { TicketStore } from './ticket-store.ts';

export class LatestBreaches {
  private readonly store: TicketStore;
  private readonly limit: number;
  /** Per policy, its heap: tickets and their deadlines, and how many it holds. */
  private readonly tickets: Int32Array[];
  private readonly deadlines: Float64Array[];
  private readonly sizes: Int32Array;

  constructor(policies: number, limit: number, store: TicketStore) {
    this.store = store;
    this.limit = Math.max(0, limit);
    this.tickets = Array.from({ length: policies }, () => new Int32Array(this.limit));
    this.deadlines = Array.from({ length: policies }, () => new Float64Array(this.limit));
    this.sizes = new Int32Array(policies);
  }

  add(policy: number, ticket: number, deadline: number): void {
    const tickets = this.tickets[policy]!;
    const deadlines = this.deadlines[policy]!;
    let size = this.sizes[policy]!;
    if (size < this.limit) {
      // Sift up: a new entry rises above every one it comes after.
      let at = size++;
      while (at > 0) {
        const parent = (at - 1) >> 1;
        if (!this.before(deadlines[parent]!, tickets[parent]!, deadline, ticket)) break;
        tickets[at] = tickets[parent]!;
        deadlines[at] = deadlines[parent]!;
        at = parent;
      }
      tickets[at] = ticket;
      deadlines[at] = deadline;
      this.sizes[policy] = size;
      return;
    }
    if (size === 0 || !this.before(deadline, ticket, deadlines[0]!, tickets[0]!)) return;
    // Sift down from the root, which the new entry replaces.
    let at = 0;
    for (;;) {
      const left = 2 * at + 1;
      if (left >= size) break;
      const right = left + 1;
      const child = right < size && this.before(deadlines[left]!, tickets[left]!, deadlines[right]!, tickets[right]!) ? right : left;
      if (!this.before(deadline, ticket, deadlines[child]!, tickets[child]!)) break;
      tickets[at] = tickets[child]!;
      deadlines[at] = deadlines[child]!;
      at = child;
    }
    tickets[at] = ticket;
    deadlines[at] = deadline;
  }

  /** Per policy, its kept tickets in list order. */
  result(): Int32Array[] {
    return this.tickets.map((tickets, policy) => {
      const deadlines = this.deadlines[policy]!;
      const kept = Array.from({ length: this.sizes[policy]! }, (_, i) => i);
      kept.sort((a, b) => (this.before(deadlines[a]!, tickets[a]!, deadlines[b]!, tickets[b]!) ? -1 : 1));
      return Int32Array.from(kept, (i) => tickets[i]!);
    });
  }

  /** Whether breach a is listed before breach b (two different tickets). */
  private before(deadlineA: number, ticketA: number, deadlineB: number, ticketB: number): boolean {
    if (deadlineA !== deadlineB) return deadlineA > deadlineB;
    const store = this.store;
    if (store.source[ticketA] !== store.source[ticketB]) return store.source[ticketA]! < store.source[ticketB]!;
    return store.idOf(ticketA) < store.idOf(ticketB);
  }
}
