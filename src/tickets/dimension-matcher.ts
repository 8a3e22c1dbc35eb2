// Matches a team, person, channel or segment cell to a workspace entry (TICKETS.md 7.1):
// through the source's `map` first, else to an id, else to a name; each ignoring case and
// surrounding spaces. A `map` entry pointing at an id the Workspace lacks is skipped here (the
// strategy's checks report it), so the value is still matched by id or name.
import { closestMatch } from '../util/closest-match.ts';
import type { MappedField } from './types.ts';

export interface Entry {
  id: string;
  name: string;
}

const NOUN: Record<MappedField, string> = { team: 'team', person: 'person', channel: 'channel', segment: 'segment' };
const PLURAL: Record<MappedField, string> = { team: 'teams', person: 'people', channel: 'channels', segment: 'segments' };

function normalize(text: string): string {
  return text.trim().toLowerCase();
}

export class DimensionMatcher {
  readonly field: MappedField;
  private readonly entries: readonly Entry[];
  private readonly byKey = new Map<string, number>();

  constructor(field: MappedField, entries: readonly Entry[], map: Readonly<Record<string, string>> | undefined) {
    this.field = field;
    this.entries = entries;
    const byId = new Map(entries.map((entry, index) => [entry.id, index]));
    // Later sets lose to earlier ones: a map entry beats an id, an id beats a name.
    const set = (key: string, index: number | undefined): void => {
      if (index !== undefined && !this.byKey.has(normalize(key))) this.byKey.set(normalize(key), index);
    };
    for (const [value, id] of Object.entries(map ?? {})) set(value, byId.get(id));
    entries.forEach((entry, index) => set(entry.id, index));
    entries.forEach((entry, index) => set(entry.name, index));
  }

  /** The entry's index, or -1 when the text matches nothing. `text` is not empty. */
  match(text: string): number {
    return this.byKey.get(normalize(text)) ?? -1;
  }

  /** The hint for a value that matched nothing. */
  hint(value: string, source: string): string {
    const mapLine = `map: { ${this.field}: { ${JSON.stringify(value)}: <${NOUN[this.field]} id> } }`;
    const candidates = new Map<string, Entry>();
    for (const entry of this.entries) {
      candidates.set(entry.id, entry);
      candidates.set(entry.name, entry);
    }
    const closest = closestMatch(value, candidates.keys());
    const where = this.field === 'channel' ? 'define a Channel for it' : `add it to the Workspace's ${PLURAL[this.field]}`;
    const add = `${where}, or map it in the TicketSource \`${source}\`: ${mapLine}`;
    if (closest !== undefined) {
      const entry = candidates.get(closest)!;
      const shown = entry.name === entry.id ? `\`${entry.id}\`` : `\`${entry.id}\` (${entry.name})`;
      return `Did you mean ${shown}? If so, map it: map: { ${this.field}: { ${JSON.stringify(value)}: ${entry.id} } }; else ${add}.`;
    }
    return `No ${NOUN[this.field]} id or name is close. ${add.charAt(0).toUpperCase()}${add.slice(1)}.`;
  }
}
