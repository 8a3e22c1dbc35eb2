// A ticket's SLA policy (TICKETS.md 7.1): the first policy, in order of `priority`, whose `when`
// matches. `priority` and `type` compare the cell text ignoring case; `team`, `channel` and
// `segment` the ticket's mapped id, and `team` also an ancestor (the team being the ticket's
// own, else its person's, as for scopes). A policy without `when` matches every ticket; a
// `when` on any other field matches none (the strategy's checks are the place to say so).
import type { ReadState } from './read-state.ts';
import type { ScopeTable } from './scopes.ts';
import type { TicketStore } from './ticket-store.ts';
import type { SlaPolicyDef, TicketCatalog, WhenValue } from './types.ts';
import { compareText } from '../util/compare-text.ts';

function valuesOf(value: WhenValue): string[] {
  return (Array.isArray(value) ? value : [value]).map((item) => String(item).trim());
}

function indexSet(values: readonly string[], index: (value: string) => number): Set<number> {
  return new Set(values.map(index).filter((found) => found >= 0));
}

/** The policies sorted by priority (then id), as tickets hold their index. */
export function policiesInOrder(catalog: TicketCatalog): SlaPolicyDef[] {
  return [...catalog.slaPolicies].sort((a, b) => a.priority - b.priority || compareText(a.id, b.id));
}

/** One `when` field: the ticket's value (the column's, or its team when column is null) must be an accepted index. */
interface FieldTest {
  column: Int32Array | null;
  accepts: Uint8Array;
}

/** Marks the wanted indices among `count`. */
function accepting(count: number, wanted: ReadonlySet<number>): Uint8Array {
  const accepts = new Uint8Array(count);
  for (const index of wanted) if (index < count) accepts[index] = 1;
  return accepts;
}

export class PolicyMatcher {
  private readonly store: TicketStore;
  private readonly scopes: ScopeTable;
  /** Policy p's tests are tests[from[p] .. from[p + 1]). */
  private readonly tests: FieldTest[];
  private readonly from: Int32Array;

  constructor(policies: readonly SlaPolicyDef[], catalog: TicketCatalog, state: ReadState, scopes: ScopeTable) {
    const store = state.store;
    this.store = store;
    this.scopes = scopes;
    const byId = (list: readonly { id: string }[]) => {
      const ids = new Map(list.map((entry, index) => [entry.id.toLowerCase(), index]));
      return (value: string) => ids.get(value.toLowerCase()) ?? -1;
    };
    const teamId = byId(catalog.teams);
    const perPolicy = policies.map((policy) =>
      Object.entries(policy.when ?? {}).map(([field, value]): FieldTest => {
        const values = valuesOf(value);
        switch (field) {
          case 'priority':
          case 'type':
            return { column: field === 'priority' ? store.priority : store.type, accepts: accepting(state.texts.length, indexSet(values, (text) => state.knownText(text))) };
          case 'team': {
            const wanted = indexSet(values, teamId);
            // A team matches when it or an ancestor is wanted.
            return { column: null, accepts: Uint8Array.from(scopes.teamChains, (chain) => (Array.from(chain).some((scope) => wanted.has(scope - 1)) ? 1 : 0)) };
          }
          case 'channel':
            return { column: store.channel, accepts: accepting(catalog.channels.length, indexSet(values, byId(catalog.channels))) };
          case 'segment':
            return { column: store.segment, accepts: accepting(catalog.segments.length, indexSet(values, byId(catalog.segments))) };
          default:
            // Accepts nothing.
            return { column: store.channel, accepts: new Uint8Array(0) };
        }
      }),
    );
    this.tests = perPolicy.flat();
    this.from = new Int32Array(policies.length + 1);
    perPolicy.forEach((tests, p) => (this.from[p + 1] = this.from[p]! + tests.length));
  }

  /** The index of the ticket's policy, or -1. */
  policyOf(t: number): number {
    for (let p = 0; p + 1 < this.from.length; p++) {
      let all = true;
      for (let k = this.from[p]!; k < this.from[p + 1]! && all; k++) {
        const { column, accepts } = this.tests[k]!;
        const value = column === null ? this.scopes.teamOf(this.store, t) : column[t]!;
        all = value >= 0 && value < accepts.length && accepts[value] === 1;
      }
      if (all) return p;
    }
    return -1;
  }
}
