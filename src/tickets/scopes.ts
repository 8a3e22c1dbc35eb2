// The scopes a ticket counts in (TICKETS.md 7.1): `org`; `team:<T>` and every ancestor of T,
// where T is the ticket's team or, when that is empty or unmapped, its person's team;
// `person:<P>`; `channel:<C>`; `segment:<S>`; `sla:<policy>`. Scopes are numbered once
// (org 0, then teams, people, channels, segments, policies, each in catalog order) so that a
// ticket's scopes are a few small integers in one list of every ticket's (TicketScopes).
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

  /** Writes every ticket's scopes into `list`, ticket t's from t * stride (stride: maxScopes), each list ended by `end` unless it fills its stride. */
  listScopes(store: TicketStore, policyOf: Int32Array, list: Uint8Array | Uint16Array | Int32Array, stride: number, end: number): void {
    const { team: teamOf, person: personOf, channel: channelOf, segment: segmentOf } = store;
    const { teamChains, personTeam, personBase, channelBase, segmentBase, policyBase } = this;
    for (let t = 0; t < policyOf.length; t++) {
      let n = t * stride;
      const last = n + stride;
      list[n++] = 0;
      const person = personOf[t]!;
      let team = teamOf[t]!;
      if (team < 0 && person >= 0) team = personTeam[person]!;
      if (team >= 0) {
        const chain = teamChains[team]!;
        for (let k = 0; k < chain.length; k++) list[n++] = chain[k]!;
      }
      if (person >= 0) list[n++] = personBase + person;
      const channel = channelOf[t]!;
      if (channel >= 0) list[n++] = channelBase + channel;
      const segment = segmentOf[t]!;
      if (segment >= 0) list[n++] = segmentBase + segment;
      const policy = policyOf[t]!;
      if (policy >= 0) list[n++] = policyBase + policy;
      if (n < last) list[n] = end;
    }
  }

  /** The most scopes a ticket can have. */
  get maxScopes(): number {
    return 5 + Math.max(0, ...this.teamChains.map((chain) => chain.length));
  }
}

/**
 * The scopes of every ticket, listed once, when a measure first needs them, and read by every
 * measure after it: ticket t's scopes are list[t * stride ..], up to the first `end` or the
 * next ticket's. Working out a ticket's scopes reads five of its columns and its team's chain; each
 * KPI needed them again, in each of its passes. (Grouping tickets into profiles of the same
 * scopes, and reading each profile's list, was slower: a million tickets spread over tens of
 * thousands of profiles made every ticket a jump to another place in a table larger than the
 * processor's cache. The list is read in ticket order, as the columns were.)
 */
export class TicketScopes {
  private readonly table: ScopeTable;
  private readonly store: TicketStore;
  private readonly policy: Int32Array;
  private listed: ScopeLists | null = null;

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

  /** Every ticket's scopes (see the class comment). */
  lists(): ScopeLists {
    if (this.listed !== null) return this.listed;
    const stride = this.table.maxScopes;
    const size = this.policy.length;
    // The smallest whole numbers that hold every scope and one more value, which ends a list.
    const count = this.table.size;
    const list = count < 0xff ? new Uint8Array(size * stride) : count < 0xffff ? new Uint16Array(size * stride) : new Int32Array(size * stride);
    const end = count < 0xff ? 0xff : count < 0xffff ? 0xffff : -1;
    this.table.listScopes(this.store, this.policy, list, stride, end);
    return (this.listed = { list, stride, end });
  }
}

/**
 * Ticket t's scopes are list[t * stride + k] for k from 0 while k < stride and the entry is not
 * `end`. The list is of bytes when there are fewer than 255 scopes: the tickets' lists then take
 * a quarter of the memory (and of the processor's cache) they would as 32-bit numbers.
 */
export interface ScopeLists {
  list: Uint8Array | Uint16Array | Int32Array;
  stride: number;
  end: number;
}
