// Checks a CSV scope (`org`, `team:<id>`, `person:<id>`, `channel:<id>`, `segment:<id>`,
// `sla:<id>`) against the strategy. An unknown scope is only a warning (metric-unknown-scope):
// its rows are still ingested, since no valid goal can point at them anyway.
import { closestMatch } from '../util/closest-match.ts';
import { showCell } from './show-cell.ts';
import type { MetricCatalog } from './types.ts';

const KIND_NOUN: Record<string, string> = {
  team: 'team',
  person: 'person',
  channel: 'channel',
  segment: 'segment',
  sla: 'SLA policy',
};

export class ScopeChecker {
  private readonly ids: Map<string, ReadonlySet<string>>;
  private readonly all: string[];

  constructor(catalog: MetricCatalog) {
    this.ids = new Map([
      ['team', new Set(catalog.teams)],
      ['person', new Set(catalog.people)],
      ['channel', new Set(catalog.channels)],
      ['segment', new Set(catalog.segments)],
      ['sla', new Set(catalog.slaPolicies)],
    ]);
    this.all = ['org', ...[...this.ids].flatMap(([kind, ids]) => [...ids].map((id) => `${kind}:${id}`))];
  }

  /** Null when the scope is `org` or names something that exists. */
  problem(scope: string): { message: string; hint: string } | null {
    if (scope === 'org') return null;
    const colon = scope.indexOf(':');
    const kind = colon > 0 ? scope.slice(0, colon) : '';
    const ids = this.ids.get(kind);
    if (ids?.has(scope.slice(colon + 1))) return null;
    const suggestion = closestMatch(scope, this.all);
    const hint = suggestion
      ? `Did you mean \`${suggestion}\`?`
      : 'Use org, or team:, person:, channel:, segment: or sla: followed by an existing id.';
    if (!ids) {
      return { message: `the scope ${showCell(scope)} is not org nor team:, person:, channel:, segment: or sla: and an id`, hint };
    }
    return { message: `the scope ${showCell(scope)} names no ${KIND_NOUN[kind]} of the strategy`, hint };
  }
}
