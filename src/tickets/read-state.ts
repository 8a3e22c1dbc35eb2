// What the readers of every file share while the exports stream by: the ticket store, memos
// from cell text to the value it stands for, the values that matched no workspace entry, the
// id column of each file (for duplicates, settled after reading), and the findings drafted.
// Strings kept past their row are copied first (see ownCopy), so that a kept id or key never
// holds the chunk of the file it was cut from in memory.
import type { FindingDraft, CellRef } from '../metrics/finding-drafts.ts';
import { CellCodes, NOT_FOUND } from './cell-codes.ts';
import { DimensionMatcher } from './dimension-matcher.ts';
import { sourceHeaders } from './presets.ts';
import { sourceRequirements, type Requirement } from './requirements.ts';
import { TicketStore } from './ticket-store.ts';
import type { MappedField, TicketCatalog, TicketField, TicketSourceDef } from './types.ts';
import type { ZoneCalendar } from './zone-calendar.ts';

/** Memos stop growing here: a column of distinct texts (a subject read as the type) must not fill memory. */
export const MEMO_LIMIT = 50_000;

export const MAPPED_FIELDS: readonly MappedField[] = ['team', 'person', 'channel', 'segment'];

/** A team, person, channel or segment value of a source that matched nothing. */
export interface UnmappedValue {
  source: number;
  field: MappedField;
  /** As first written, trimmed. */
  value: string;
  at: CellRef;
}

export interface SourceState {
  index: number;
  def: TicketSourceDef;
  calendar: ZoneCalendar;
  /** field -> header it is read from. */
  headers: Map<TicketField, string>;
  requirements: Requirement[];
  matchers: Record<MappedField, DimensionMatcher>;
  /** Cell text as written -> code stored (see TicketStore). */
  memos: Record<MappedField, CellCodes>;
  /** Normalized unmapped value -> its index in ReadState.unmapped. */
  unmappedKeys: Record<MappedField, Map<string, number>>;
}

/**
 * A copy of `text` that does not point into a larger string. V8 cuts substrings of 13 or more
 * characters as views of their parent (here, a chunk of the file); joining and slicing makes
 * a flat string of its own.
 */
export function ownCopy(text: string): string {
  return text.length < 13 ? text : ` ${text}`.slice(1);
}

/** A ticket id as a number when it is a plain integer (no leading zero), else NaN. */
export function numericId(text: string): number {
  return numericIdAt(text, 0, text.length);
}

/** numericId of the (non-empty) text[start, end), read where it lies. */
export function numericIdAt(text: string, start: number, end: number): number {
  const length = end - start;
  if (length <= 15 && (length === 1 || text.charCodeAt(start) !== 48)) {
    let value = 0;
    let i = start;
    for (; i < end; i++) {
      const code = text.charCodeAt(i) - 48;
      if (code < 0 || code > 9) break;
      value = value * 10 + code;
    }
    if (i === end) return value;
  }
  return Number.NaN;
}

export class ReadState {
  readonly store = new TicketStore();
  /** Files read, relative to the root; a draft's `at.file` indexes this list. */
  readonly files: string[] = [];
  /** Per file read, the cell index of its id column (-1 when its header was not usable). */
  readonly idCells: number[] = [];
  /** Per file read, the fields it has a column for (see fieldMask); 0 when its header was not usable. */
  readonly fileFields: number[] = [];
  readonly drafts: FindingDraft[] = [];
  readonly unmapped: UnmappedValue[] = [];
  /** Priority and type texts, lower case, by interned index. */
  readonly texts: string[] = [];
  readonly sources: SourceState[];
  /** The fields some SLA policy's \`when\` reads: priority and type are read only then. */
  readonly policiesRead: ReadonlySet<string>;
  private readonly textIndex = new Map<string, number>();
  private readonly textMemo = new CellCodes();

  constructor(catalog: TicketCatalog, calendarOf: (zone: string) => ZoneCalendar) {
    const entries: Record<MappedField, readonly { id: string; name: string }[]> = {
      team: catalog.teams,
      person: catalog.people,
      channel: catalog.channels,
      segment: catalog.segments,
    };
    this.policiesRead = new Set(catalog.slaPolicies.flatMap((policy) => Object.keys(policy.when ?? {})));
    this.sources = catalog.sources.map((def, index) => ({
      index,
      def,
      calendar: calendarOf(def.timezone ?? catalog.timezone),
      headers: sourceHeaders(def),
      requirements: sourceRequirements(def.id, catalog),
      matchers: Object.fromEntries(MAPPED_FIELDS.map((field) => [field, new DimensionMatcher(field, entries[field], def.map[field])])) as Record<MappedField, DimensionMatcher>,
      memos: { team: new CellCodes(), person: new CellCodes(), channel: new CellCodes(), segment: new CellCodes() },
      unmappedKeys: { team: new Map(), person: new Map(), channel: new Map(), segment: new Map() },
    }));
  }

  /** text() of the cell text[start, end), looked up where it lies. */
  textAt(text: string, start: number, end: number): number {
    const known = this.textMemo.getAt(text, start, end);
    return known !== NOT_FOUND ? known : this.text(text.slice(start, end));
  }

  /** The interned index of a priority or type cell (compared ignoring case), -1 when empty. */
  text(cell: string): number {
    const known = this.textMemo.get(cell);
    if (known !== NOT_FOUND) return known;
    const lower = cell.trim().toLowerCase();
    let index = -1;
    if (lower !== '') {
      index = this.textIndex.get(lower) ?? -1;
      if (index < 0) {
        index = this.texts.push(ownCopy(lower)) - 1;
        this.textIndex.set(this.texts[index]!, index);
      }
    }
    if (this.textMemo.size < MEMO_LIMIT) this.textMemo.set(ownCopy(cell), index);
    return index;
  }

  /** The interned index of a text written in a policy's `when`, or -1 when no ticket has it. */
  knownText(text: string): number {
    return this.textIndex.get(text.trim().toLowerCase()) ?? -1;
  }
}
