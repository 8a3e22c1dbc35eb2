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

  get policyCount(): number {
    return this.names.length - this.policyBase;
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

/** Key spaces up to this size are looked up in a typed table (4 MB at most). */
const MAX_TABLE_KEYS = 1 << 20;

/**
 * Tickets grouped by the scopes they count in: tickets with the same team, person, channel,
 * segment and policy share a profile, and a profile's scopes are listed once. Aggregating a
 * measure is then a loop over tickets that reads one profile number each.
 */
export class ScopeProfiles {
  /** Per ticket, its profile (-1 for a ticket that counts nowhere: left out or replaced). */
  readonly ofTicket: Int32Array;
  /** Profile p's scopes are scopes[start[p] .. start[p + 1]). */
  readonly start: Int32Array;
  readonly scopes: Int32Array;

  constructor(table: ScopeTable, store: TicketStore, policy: Int32Array, counts: (t: number) => boolean) {
    this.ofTicket = new Int32Array(store.size).fill(-1);
    const lists: number[] = [0];
    const scopes: number[] = [];
    const buffer = new Int32Array(table.maxScopes);
    // Each part runs from 0 (none) to its list's length, so the parts pack into one number.
    const teamBase = table.teamChains.length + 1;
    const personBase = table.personTeam.length + 1;
    const channelBase = table.channelCount + 1;
    const segmentBase = table.segmentCount + 1;
    const keys = (table.policyCount + 1) * segmentBase * channelBase * personBase * teamBase;
    // A workspace of usual size packs into a small table (a 150-person one, into half a megabyte); a larger one uses a map.
    const byKey = keys <= MAX_TABLE_KEYS ? new Int32Array(keys).fill(-1) : null;
    const byLargeKey = byKey === null ? new Map<number, number>() : null;
    for (let t = 0; t < store.size; t++) {
      if (!counts(t)) continue;
      const team = table.teamOf(store, t) + 1;
      const person = Math.max(store.person[t]!, -1) + 1;
      const channel = Math.max(store.channel[t]!, -1) + 1;
      const segment = Math.max(store.segment[t]!, -1) + 1;
      const key = ((((policy[t]! + 1) * segmentBase + segment) * channelBase + channel) * personBase + person) * teamBase + team;
      let profile = byKey === null ? (byLargeKey!.get(key) ?? -1) : byKey[key]!;
      if (profile < 0) {
        profile = lists.length - 1;
        if (byKey === null) byLargeKey!.set(key, profile);
        else byKey[key] = profile;
        const n = table.scopesOf(store, t, policy[t]!, buffer);
        for (let k = 0; k < n; k++) scopes.push(buffer[k]!);
        lists.push(scopes.length);
      }
      this.ofTicket[t] = profile;
    }
    this.start = Int32Array.from(lists);
    this.scopes = Int32Array.from(scopes);
  }

  get size(): number {
    return this.start.length - 1;
  }
}
