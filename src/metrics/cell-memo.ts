// Resolves the cells of one CSV column to what they name (a period, a scope, a KPI), row after
// row, at the cost of one comparison in the usual case. Exports repeat themselves: a cell is
// most often the same as the one above it (rows grouped by period or scope), or the one that
// followed that value last time (KPIs or scopes cycling in a fixed order). So each resolved
// value remembers its successor, and a full lookup happens only when both guesses miss. Cells
// are compared where they lie in the row's text (see CsvRow), so a row makes no string; a cell
// is cut out only for a lookup. Values the resolver rejects are not remembered, so bad cells
// cannot grow the memo.

interface Entry<T> {
  text: string;
  value: T;
  next: Entry<T> | undefined;
}

/**
 * A copy of a cell's text that does not hold on to the text it was cut from: V8 keeps a cut of
 * 13 characters or more as a view of its parent (here a chunk of the file), and a memo keeps its
 * keys for the whole ingestion.
 */
export function detachedText(text: string): string {
  return (' ' + text).slice(1);
}

/** Whether `known` is the whole of text[start, end). */
function holds(text: string, start: number, end: number, known: string): boolean {
  return end - start === known.length && text.startsWith(known, start);
}

export class CellMemo<T> {
  private readonly entries = new Map<string, Entry<T>>();
  private last: Entry<T> | undefined;
  /** Whether the last value came as the successor of the one before: then the column cycles, and the successor is tried first. */
  private cycling = false;
  private readonly resolve: (text: string) => T | undefined;

  /** `resolve` maps a raw cell text to its value, or undefined when the cell is unusable. */
  constructor(resolve: (text: string) => T | undefined) {
    this.resolve = resolve;
  }

  /** The value of the cell text[start, end). */
  get(text: string, start: number, end: number): T | undefined {
    const last = this.last;
    if (last !== undefined) {
      const next = last.next;
      // A KPI column of a long export cycles, and would otherwise miss its first guess on every row.
      if (this.cycling && next !== undefined) {
        if (holds(text, start, end, next.text)) return (this.last = next).value;
        this.cycling = false;
        if (holds(text, start, end, last.text)) return last.value;
      } else {
        if (holds(text, start, end, last.text)) return last.value;
        if (next !== undefined && holds(text, start, end, next.text)) {
          this.cycling = true;
          return (this.last = next).value;
        }
      }
    }
    return this.lookUp(text.slice(start, end), last);
  }

  private lookUp(text: string, previous: Entry<T> | undefined): T | undefined {
    let entry = this.entries.get(text);
    if (entry === undefined) {
      const value = this.resolve(text);
      if (value === undefined) return undefined;
      const own = detachedText(text);
      this.entries.set(own, (entry = { text: own, value, next: undefined }));
    }
    if (previous !== undefined) previous.next = entry;
    this.last = entry;
    return entry.value;
  }
}
