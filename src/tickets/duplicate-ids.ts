// Repeated ticket ids (TICKETS.md 7.1): within one source, the row read last wins, and each
// file holding a repeat gets one ticket-duplicate, at its first repeated row, with the count.
// Found after reading rather than with a map from every id to its slot: help-desk ids are
// integers, usually in order, so a single pass proves there is no repeat; otherwise a sort of
// the ids finds the repeated ones, and only those are followed in reading order.
import type { FindingDraft } from '../metrics/finding-drafts.ts';
import type { ReadState } from './read-state.ts';
import { duplicateIds } from './ticket-messages.ts';
import { SUPERSEDED, type TicketStore } from './ticket-store.ts';

interface FileRepeats {
  count: number;
  first: number;
  earlier: number;
}

/** The numeric ids of slots [from, to) that occur more than once, or null when none does. */
function repeatedNumbers(store: TicketStore, from: number, to: number): Set<number> | null {
  let last = Number.NEGATIVE_INFINITY;
  let ordered = true;
  let count = 0;
  for (let t = from; t < to; t++) {
    const id = store.numericId[t]!;
    if (id !== id) continue;
    count++;
    if (id <= last) ordered = false;
    last = id;
  }
  if (ordered) return null;
  const ids = new Float64Array(count);
  let k = 0;
  for (let t = from; t < to; t++) if (store.numericId[t] === store.numericId[t]) ids[k++] = store.numericId[t]!;
  ids.sort();
  let repeated: Set<number> | null = null;
  for (let i = 1; i < count; i++) if (ids[i] === ids[i - 1]) (repeated ??= new Set()).add(ids[i]!);
  return repeated;
}

/** Marks every row a later row of the same id replaces, and drafts the findings. */
export function settleDuplicates(state: ReadState): FindingDraft[] {
  const store = state.store;
  const perFile = new Map<number, FileRepeats>();
  for (let from = 0; from < store.size; ) {
    let to = from;
    while (to < store.size && store.source[to] === store.source[from]) to++;
    const numbers = repeatedNumbers(store, from, to);
    const latest = new Map<number | string, number>();
    for (let t = from; t < to; t++) {
      const numeric = store.numericId[t]!;
      let key: number | string;
      if (numeric === numeric) {
        if (numbers === null || !numbers.has(numeric)) continue;
        key = numeric;
      } else key = store.textIds.get(t)!;
      const earlier = latest.get(key);
      latest.set(key, t);
      if (earlier === undefined) continue;
      store.valid[earlier] = SUPERSEDED;
      const file = store.file[t]!;
      const repeats = perFile.get(file);
      if (repeats) repeats.count++;
      else perFile.set(file, { count: 1, first: t, earlier });
    }
    from = to;
  }
  return [...perFile].map(([file, { count, first, earlier }]) => ({
    ...duplicateIds(count, store.idOf(first), state.files[store.file[earlier]!]!, store.line[earlier]!, state.sources[store.source[first]!]!.def.id),
    at: { file, line: store.line[first]!, cell: state.idCells[file]! },
  }));
}
