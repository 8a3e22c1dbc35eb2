// The scopes a ticket counts in (TICKETS.md 7.1): `org`; `team:<T>` and every ancestor of T,
// where T is the ticket's team or, when that is empty or unmapped, its person's team;
// `person:<P>`; `channel:<C>`; `segment:<S>`; `sla:<policy>`. Scopes are numbered once
// (org 0, then teams, people, channels, segments, policies, each in catalog order) so that a
// ticket's scopes are a few integers written into a reused buffer.
import type { TicketStore } from './ticket-store.ts';
import type { TicketCatalog } from './types.ts';

export class ScopeTable {
  /** Scope names by number. */
  readonly names: string[];
  /** For each team, its scope and its ancestors' scopes, nearest first. */
  readonly teamChains: Int32Array[];
  /** Each person's team index, or -1. */
  readonly personTeam: Int32Array;
  private readonly personBase: number;
  private readonly channelBase: number;
  private readonly segmentBase: number;
  private readonly policyBase: number;

  /** `policies` in the order tickets hold their index (by priority). */
  constructor(catalog: TicketCatalog, policies: readonly { id: string }[]) {
    const teamIndex = new Map(catalog.teams.map((team, index) => [team.id, index]));
    this.names = ['org'];
    for (const team of catalog.teams) this.names.push(`team:${team.id}`);
    this.personBase = this.names.length;
    for (const person of catalog.people) this.names.push(`person:${person.id}`);
    this.channelBase = this.names.length;
    for (const channel of catalog.channels) this.names.push(`channel:${channel.id}`);
    this.segmentBase = this.names.length;
    for (const segment of catalog.segments) this.names.push(`segment:${segment.id}`);
    this.policyBase = this.names.length;
    for (const policy of policies) this.names.push(`sla:${policy.id}`);
    this.teamChains = catalog.teams.map((_, start) => {
      const chain: number[] = [];
      // A parent loop is the strategy checks' to report; here it just ends the walk.
      for (let team: number | undefined = start; team !== undefined && !chain.includes(1 + team); team = teamIndex.get(catalog.teams[team]!.parent ?? '')) {
        chain.push(1 + team);
      }
      return Int32Array.from(chain);
    });
    this.personTeam = Int32Array.from(catalog.people, (person) => teamIndex.get(person.team ?? '') ?? -1);
  }

  get size(): number {
    return this.names.length;
  }

  get channelCount(): number {
    return this.segmentBase - this.channelBase;
  }

  get segmentCount(): number {
    return this.policyBase - this.segmentBase;
  }

  /** The ticket's team (its own, else its person's), or -1. */
  teamOf(store: TicketStore, t: number): number {
    const team = store.team[t]!;
    if (team >= 0) return team;
    const person = store.person[t]!;
    return person >= 0 ? this.personTeam[person]! : -1;
  }

  /** Writes the ticket's scopes into `out` (at least 5 + the deepest team chain long); returns how many. */
  scopesOf(store: TicketStore, t: number, policy: number, out: Int32Array): number {
    let n = 0;
    out[n++] = 0;
    const team = this.teamOf(store, t);
    if (team >= 0) {
      const chain = this.teamChains[team]!;
      for (let k = 0; k < chain.length; k++) out[n++] = chain[k]!;
    }
    const person = store.person[t]!;
    if (person >= 0) out[n++] = this.personBase + person;
    const channel = store.channel[t]!;
    if (channel >= 0) out[n++] = this.channelBase + channel;
    const segment = store.segment[t]!;
    if (segment >= 0) out[n++] = this.segmentBase + segment;
    if (policy >= 0) out[n++] = this.policyBase + policy;
    return n;
  }

  /** The length a buffer for scopesOf needs. */
  get maxScopes(): number {
    return 5 + Math.max(0, ...this.teamChains.map((chain) => chain.length));
  }
}

/**
 * The scopes of each ticket, listed when a measure needs them: read from the ticket's own
 * columns (team, person, channel, segment and SLA policy), which a measure walks in ticket
 * order. (Grouping tickets into profiles of the same scopes, and reading each profile's list,
 * was slower: a million tickets spread over tens of thousands of profiles made every ticket
 * a jump to another place in a table larger than the processor's cache.)
 */
export class TicketScopes {
  private readonly table: ScopeTable;
  private readonly store: TicketStore;
  private readonly policy: Int32Array;

  /** `policy`: each ticket's SLA policy, as numbered in `table`, or -1. */
  constructor(table: ScopeTable, store: TicketStore, policy: Int32Array) {
    this.table = table;
    this.store = store;
    this.policy = policy;
  }

  /** How many scopes there are (scope numbers run from 0 to count - 1). */
  get count(): number {
    return this.table.size;
  }

  /** A buffer long enough for of(). */
  buffer(): Int32Array {
    return new Int32Array(this.table.maxScopes);
  }

  /** Writes ticket t's scopes into `out`; returns how many. */
  of(t: number, out: Int32Array): number {
    return this.table.scopesOf(this.store, t, this.policy[t]!, out);
  }
}
