// The catch-all comparison: every field that no kind-specific rule explains becomes a plain
// `field-changed`, so a diff never hides a change. Objects are walked field by field; lists of
// records are matched by their natural key (id, quarter, name, date) so that inserting one
// team does not report every later team as changed; lists of plain values are compared as sets.
import { describeChange, describeJson } from './describe-value.ts';
import type { FieldChange, JsonValue } from './types.ts';

type JsonObject = { [key: string]: JsonValue };

const RECORD_KEYS = ['id', 'quarter', 'name', 'date'] as const;

const isObject = (value: JsonValue | undefined): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);

export function jsonEqual(a: JsonValue | undefined, b: JsonValue | undefined): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => jsonEqual(item, b[i]));
  if (isObject(a) && isObject(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].every((key) => jsonEqual(a[key], b[key]));
  }
  return false;
}

/** The key that identifies every record of both lists uniquely, if there is one. */
function recordKey(a: JsonValue[], b: JsonValue[]): string | undefined {
  const all = [...a, ...b];
  if (!all.every(isObject)) return undefined;
  return RECORD_KEYS.find((key) =>
    [a, b].every((list) => {
      const values = list.map((item) => (item as JsonObject)[key]);
      return values.every((v) => typeof v === 'string' || typeof v === 'number') && new Set(values).size === values.length;
    }),
  );
}

function fieldChange(field: string, before: JsonValue | undefined, after: JsonValue | undefined, message: string): FieldChange {
  return { code: 'field-changed', field, ...(before !== undefined ? { before } : {}), ...(after !== undefined ? { after } : {}), message };
}

function compareLists(field: string, before: JsonValue[], after: JsonValue[], out: FieldChange[]): void {
  const key = recordKey(before, after);
  if (key !== undefined) {
    const index = (list: JsonValue[]) => new Map(list.map((item) => [String((item as JsonObject)[key]), item]));
    const [old, now] = [index(before), index(after)];
    for (const [name, item] of now) {
      const previous = old.get(name);
      if (previous === undefined) out.push(fieldChange(`${field}[${name}]`, undefined, item, `${field}: added ${describeJson(item)}`));
      else compareValues(`${field}[${name}]`, previous, item, out);
    }
    for (const [name, item] of old) {
      if (!now.has(name)) out.push(fieldChange(`${field}[${name}]`, item, undefined, `${field}: removed ${describeJson(item)}`));
    }
    return;
  }
  if (![...before, ...after].some((item) => typeof item === 'object' && item !== null)) {
    const added = after.filter((item) => !before.some((old) => jsonEqual(old, item)));
    const removed = before.filter((item) => !after.some((now) => jsonEqual(now, item)));
    // As sets: attendees, SLA policies, related KPIs and the like listed in another order are the same.
    if (added.length === 0 && removed.length === 0) return;
    const parts = [added.length ? `added ${added.map(describeJson).join(', ')}` : '', removed.length ? `removed ${removed.map(describeJson).join(', ')}` : ''];
    out.push(fieldChange(field, before, after, `${field}: ${parts.filter(Boolean).join('; ')}`));
    return;
  }
  out.push(fieldChange(field, before, after, describeChange(field, describeJson(before), describeJson(after))));
}

function compareValues(field: string, before: JsonValue | undefined, after: JsonValue | undefined, out: FieldChange[]): void {
  if (jsonEqual(before, after)) return;
  if (isObject(before) && isObject(after)) {
    for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
      if (!POSITION_KEYS.has(key)) compareValues(`${field}.${key}`, before[key], after[key], out);
    }
  } else if (Array.isArray(before) && Array.isArray(after)) {
    compareLists(field, before, after, out);
  } else {
    const text = (value: JsonValue | undefined) => (value === undefined ? undefined : describeJson(value));
    out.push(fieldChange(field, before, after, describeChange(field, text(before), text(after))));
  }
}

/** Where the model keeps file positions: a line moving in the file is no change to the strategy. */
const POSITION_KEYS = new Set(['source', 'targetAt', 'checkinsAt', 'dueAt']);

/** Plain changes between two items of one kind, leaving out `skip` (top-level fields) and file positions. */
export function compareFields(before: object, after: object, skip: readonly string[] = []): FieldChange[] {
  const [a, b] = [before as JsonObject, after as JsonObject];
  const out: FieldChange[] = [];
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
    if (POSITION_KEYS.has(key) || skip.includes(key)) continue;
    compareValues(key, a[key], b[key], out);
  }
  return out;
}
