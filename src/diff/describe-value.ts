// Values written the way a support lead reads them: "4.5 hours", "90 %", "6 hours on
// 2026-03-31", and YAML-like text for anything else. Output is plain text; the formatters
// escape it for their medium.
import type { DatedValue, Model } from '../model/types.ts';
import type { Unit } from '../spec/values.ts';
import type { JsonValue } from './types.ts';

const UNIT_WORDS: Record<string, [string, string]> = {
  minutes: ['minute', 'minutes'],
  hours: ['hour', 'hours'],
  days: ['day', 'days'],
};

function plainNumber(value: number): string {
  // Float noise from YAML (0.1 + 0.2) must not reach a PR comment.
  return String(Number(value.toPrecision(12)));
}

export function describeNumber(value: number, unit?: Unit): string {
  const text = plainNumber(value);
  if (unit === undefined) return text;
  const words = UNIT_WORDS[unit];
  if (words) return `${text} ${value === 1 ? words[0] : words[1]}`;
  if (unit === 'percent') return `${text} %`;
  if (unit.startsWith('currency:')) return `${unit.slice('currency:'.length)} ${text}`;
  return text;
}

export function describeDated(value: DatedValue | undefined, unit?: Unit): string {
  return value ? `${describeNumber(value.value, unit)} on ${value.date}` : 'none';
}

export function describeMilestones(milestones: readonly DatedValue[], unit?: Unit): string {
  return milestones.length === 0 ? 'none' : milestones.map((m) => `${describeNumber(m.value, unit)} by ${m.date}`).join(', ');
}

export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}

/** Compact YAML-flow-like text for generic field values. */
export function describeJson(value: JsonValue | undefined): string {
  if (value === undefined || value === null) return 'nothing';
  if (typeof value === 'string') return `"${value}"`;
  if (typeof value === 'number') return plainNumber(value);
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[${value.map(describeJson).join(', ')}]`;
  return `{ ${Object.entries(value).map(([key, item]) => `${key}: ${describeJson(item)}`).join(', ')} }`;
}

/** "X changed from a to b", "X set to b", "X removed (was a)". */
export function describeChange(label: string, before: string | undefined, after: string | undefined): string {
  if (before === undefined) return `${label} set to ${after ?? 'nothing'}`;
  if (after === undefined) return `${label} removed (was ${before})`;
  return `${label} changed from ${before} to ${after}`;
}

/** "Ana Ruiz (ana)" when the workspace knows the person, else the id as written. */
export function describePerson(model: Model, id: string | undefined): string | undefined {
  if (id === undefined) return undefined;
  const person = model.workspace.people.find((p) => p.id === id);
  return person ? `${person.name} (${id})` : id;
}
