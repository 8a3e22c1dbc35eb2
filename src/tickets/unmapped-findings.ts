// ticket-unmapped (TICKETS.md 7.4): a team, person, channel or segment value that matches no
// workspace entry, once per value (ignoring case and surrounding spaces) at its first cell,
// with how many tickets carry it once duplicates are settled. A value no counted ticket carries
// (a later row of the same ticket holds another, or the ticket is left out of every measure for
// want of a creation time, which ticket-value reports) affects nothing and is not reported.
// Call after settleDuplicates.
// Past MAX_CELL_FINDINGS values of one field in one source, the rest share a single finding.
import type { FindingDraft } from '../metrics/finding-drafts.ts';
import { MAPPED_FIELDS, type ReadState } from './read-state.ts';
import { MAX_CELL_FINDINGS, unmappedValue } from './ticket-messages.ts';
import { unmappedIndex, USABLE } from './ticket-store.ts';

function ticketsPerValue(state: ReadState): Int32Array {
  const counts = new Int32Array(state.unmapped.length);
  const store = state.store;
  for (const field of MAPPED_FIELDS) {
    const column = store[field];
    for (let t = 0; t < store.size; t++) if (column[t]! <= -2 && store.valid[t] === USABLE) counts[unmappedIndex(column[t]!)]!++;
  }
  return counts;
}

export function unmappedFindings(state: ReadState): FindingDraft[] {
  const counts = ticketsPerValue(state);
  const drafts: FindingDraft[] = [];
  const listed = new Map<string, number>();
  const more = new Map<string, { draft: FindingDraft; values: number; tickets: number }>();
  state.unmapped.forEach((entry, index) => {
    const tickets = counts[index]!;
    if (tickets === 0) return;
    const source = state.sources[entry.source]!;
    const header = source.headers.get(entry.field)!;
    const group = `${entry.source}\u0000${entry.field}`;
    const count = listed.get(group) ?? 0;
    if (count < MAX_CELL_FINDINGS) {
      listed.set(group, count + 1);
      drafts.push({ ...unmappedValue(entry.field, header, entry.value, tickets, source.matchers[entry.field].hint(entry.value, source.def.id)), at: entry.at });
      return;
    }
    const counted = more.get(group);
    if (counted) {
      counted.values++;
      counted.tickets += tickets;
    } else {
      const draft: FindingDraft = { code: 'ticket-unmapped', message: '', hint: `Map the values of \`${header}\` to ids in the TicketSource \`${source.def.id}\`'s \`map: ${entry.field}:\`, or check that \`${header}\` is the right column.`, at: entry.at };
      drafts.push(draft);
      more.set(group, { draft, values: 1, tickets });
    }
  });
  for (const { draft, values, tickets } of more.values()) {
    draft.message = `from here on, ${values} more values of this column match no id or name (${tickets} tickets); only the first ${MAX_CELL_FINDINGS} values are listed one by one`;
  }
  return drafts;
}
