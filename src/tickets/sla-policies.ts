// A ticket's SLA policy (TICKETS.md 7.1): the first policy, in order of `priority`, whose `when`
// matches. `priority` and `type` compare the cell text ignoring case; `team`, `channel` and
// `segment` the ticket's mapped id, and `team` also an ancestor (the team being the ticket's
// own, else its person's, as for scopes). A policy without `when` matches every ticket; a
// `when` on any other field matches none (the strategy's checks are the place to say so).
import type { ReadState } from './read-state.ts';
import type { ScopeTable } from './scopes.ts';
import type { SlaPolicyDef, TicketCatalog, WhenValue } from './types.ts';

type Test = (t: number) => boolean;

function valuesOf(value: WhenValue): string[] {
  return (Array.isArray(value) ? value : [value]).map((item) => String(item).trim());
}

function indexSet(values: readonly string[], index: (value: string) => number): Set<number> {
  return new Set(values.map(index).filter((found) => found >= 0));
}

/** The policies sorted by priority (then id), as tickets hold their index. */
export function policiesInOrder(catalog: TicketCatalog): SlaPolicyDef[] {
  return [...catalog.slaPolicies].sort((a, b) => a.priority - b.priority || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export class PolicyMatcher {
  private readonly tests: Test[][];

  constructor(policies: readonly SlaPolicyDef[], catalog: TicketCatalog, state: ReadState, scopes: ScopeTable) {
    const store = state.store;
    const byId = (list: readonly { id: string }[]) => {
      const ids = new Map(list.map((entry, index) => [entry.id.toLowerCase(), index]));
      return (value: string) => ids.get(value.toLowerCase()) ?? -1;
    };
    const teamId = byId(catalog.teams);
    this.tests = policies.map((policy) =>
      Object.entries(policy.when ?? {}).map(([field, value]): Test => {
        const values = valuesOf(value);
        switch (field) {
          case 'priority':
          case 'type': {
            const wanted = indexSet(values, (text) => state.knownText(text));
            const column = field === 'priority' ? store.priority : store.type;
            return (t) => wanted.has(column[t]!);
          }
          case 'team': {
            const wanted = indexSet(values, teamId);
            // A team matches when it or an ancestor is wanted.
            const matches = scopes.teamChains.map((chain) => Array.from(chain).some((scope) => wanted.has(scope - 1)));
            return (t) => {
              const team = scopes.teamOf(store, t);
              return team >= 0 && matches[team]!;
            };
          }
          case 'channel': {
            const wanted = indexSet(values, byId(catalog.channels));
            return (t) => wanted.has(store.channel[t]!);
          }
          case 'segment': {
            const wanted = indexSet(values, byId(catalog.segments));
            return (t) => wanted.has(store.segment[t]!);
          }
          default:
            return () => false;
        }
      }),
    );
  }

  /** The index of the ticket's policy, or -1. */
  policyOf(t: number): number {
    for (let p = 0; p < this.tests.length; p++) {
      const tests = this.tests[p]!;
      let all = true;
      for (let k = 0; k < tests.length && all; k++) all = tests[k]!(t);
      if (all) return p;
    }
    return -1;
  }
}
