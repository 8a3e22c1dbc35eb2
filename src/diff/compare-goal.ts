// What a change to one goal means: a target judged against its KPI's direction ("more
// ambitious" when a decrease KPI's target goes down), a due date that slipped or was pulled in
// by whole calendar days, and the references (owner, KPI, scope, objective, parent) named by
// their human names. Everything else falls through to the generic comparison.
import type { Goal, Kpi, Model } from '../model/types.ts';
import { daysBetween } from '../util/dates.ts';
import { compareFields, jsonEqual } from './compare-fields.ts';
import { confidenceChange } from './compare-review.ts';
import { describeChange, describeDated, describeMilestones, describeNumber, describePerson, plural } from './describe-value.ts';
import type { FieldChange, JsonValue } from './types.ts';

const json = (value: unknown): JsonValue | undefined => value as JsonValue | undefined;

function kpiName(kpi: Kpi | undefined, id: string): string {
  return kpi ? `${kpi.name} (${id})` : id;
}

/** Minutes in one of a duration unit; durations in different units compare once both are in minutes. */
const MINUTES_IN: Partial<Record<string, number>> = { minutes: 1, hours: 60, days: 1440 };

/**
 * What the values of each side are multiplied by to compare them as amounts: 1 and 1 in one
 * unit, minutes across duration units, null when the two units do not compare.
 */
function unitScales(kpiBefore: Kpi | undefined, kpiAfter: Kpi | undefined): [number, number] | null {
  if (kpiBefore?.unit === kpiAfter?.unit) return [1, 1];
  const [then, now] = [MINUTES_IN[kpiBefore?.unit ?? ''], MINUTES_IN[kpiAfter?.unit ?? '']];
  return then !== undefined && now !== undefined ? [then, now] : null;
}

function targetChange(before: Goal, after: Goal, kpiBefore: Kpi | undefined, kpiAfter: Kpi | undefined): FieldChange {
  const [from, to] = [describeNumber(before.target.value, kpiBefore?.unit), describeNumber(after.target.value, kpiAfter?.unit)];
  const base = { field: 'target.value', before: before.target.value, after: after.target.value };
  // Ambition only means something on the same KPI read the same way on both sides: a KPI whose
  // unit changed is compared in minutes when both units are durations (6 hours to 360 minutes is
  // no change), and not judged otherwise.
  const scale = unitScales(kpiBefore, kpiAfter);
  if (before.kpi !== after.kpi || !kpiBefore || !kpiAfter || kpiBefore.direction !== kpiAfter.direction || scale === null) {
    const unitNote = kpiBefore && kpiAfter && kpiBefore.unit !== kpiAfter.unit ? ` (the KPI's unit changed from ${kpiBefore.unit} to ${kpiAfter.unit})` : '';
    return { code: 'field-changed', ...base, message: `${describeChange('target', from, to)}${unitNote}` };
  }
  const [then, now] = [before.target.value * scale[0], after.target.value * scale[1]];
  if (then === now) return { code: 'field-changed', ...base, message: `target written as ${to} (was ${from}): the same target in the KPI's new unit` };
  const raised = now > then;
  const better = kpiAfter.direction === 'increase' ? raised : !raised;
  const ambition = better ? 'more ambitious' : 'less ambitious';
  return { code: better ? 'more-ambitious' : 'less-ambitious', ...base, message: `target ${raised ? 'raised' : 'lowered'} from ${from} to ${to}: ${ambition}` };
}

function dueDateChange(before: Goal, after: Goal): FieldChange {
  const days = daysBetween(before.target.date, after.target.date);
  const span = `${plural(Math.abs(days), 'day')}, from ${before.target.date} to ${after.target.date}`;
  const base = { field: 'target.date', before: before.target.date, after: after.target.date, days: Math.abs(days) };
  return days > 0 ? { code: 'slipped', ...base, message: `due date slipped by ${span}` } : { code: 'pulled-in', ...base, message: `due date pulled in by ${span}` };
}

/** What a goal promises, for one that is added or removed: "First response time (frt) from 5 hours to 3 hours by 2026-09-30". */
export function describeGoalTarget(goal: Goal, model: Model): string {
  const kpi = model.kpis.find((k) => k.id === goal.kpi);
  const target = `${describeNumber(goal.target.value, kpi?.unit)}`;
  const scope = goal.scope === 'org' ? '' : ` for ${goal.scope}`;
  if (goal.type === 'maintain') {
    const bound = kpi?.direction === 'decrease' ? 'at most' : 'at least';
    return `${kpiName(kpi, goal.kpi)}${scope} ${bound} ${target} until ${goal.target.date}`;
  }
  const from = goal.baseline ? ` from ${describeNumber(goal.baseline.value, kpi?.unit)}` : '';
  return `${kpiName(kpi, goal.kpi)}${scope}${from} to ${target} by ${goal.target.date}`;
}

export function compareGoal(before: Goal, after: Goal, models: { before: Model; after: Model }): FieldChange[] {
  const kpiBefore = models.before.kpis.find((k) => k.id === before.kpi);
  const kpiAfter = models.after.kpis.find((k) => k.id === after.kpi);
  const out: FieldChange[] = [];
  const push = (code: FieldChange['code'], field: string, a: unknown, b: unknown, message: string) =>
    out.push({ code, field, ...(a !== undefined ? { before: json(a) } : {}), ...(b !== undefined ? { after: json(b) } : {}), message });

  if (before.target.value !== after.target.value || kpiBefore?.unit !== kpiAfter?.unit) out.push(targetChange(before, after, kpiBefore, kpiAfter));
  if (before.target.date !== after.target.date) out.push(dueDateChange(before, after));
  // Dated values compared as amounts: in minutes across a change of the KPI's duration unit.
  // Across units that do not compare, nothing is the same amount.
  const [scaleBefore, scaleAfter] = unitScales(kpiBefore, kpiAfter) ?? [Number.NaN, Number.NaN];
  const amounts = (values: readonly { date: string; value: number }[], scale: number) => values.map((v) => ({ date: v.date, value: v.value * scale }));
  const sameAmounts = (a: readonly { date: string; value: number }[], b: readonly { date: string; value: number }[]) =>
    jsonEqual(json(amounts(a, scaleBefore)), json(amounts(b, scaleAfter)));
  if (!sameAmounts(before.baseline ? [before.baseline] : [], after.baseline ? [after.baseline] : [])) {
    const text = (goal: Goal, kpi: Kpi | undefined) => (goal.baseline ? describeDated(goal.baseline, kpi?.unit) : undefined);
    push('baseline-changed', 'baseline', before.baseline, after.baseline, describeChange('baseline', text(before, kpiBefore), text(after, kpiAfter)));
  }
  if (before.owner !== after.owner) {
    push('owner-changed', 'owner', before.owner, after.owner, describeChange('owner', describePerson(models.before, before.owner), describePerson(models.after, after.owner)));
  }
  if (before.kpi !== after.kpi) push('kpi-changed', 'kpi', before.kpi, after.kpi, describeChange('KPI', kpiName(kpiBefore, before.kpi), kpiName(kpiAfter, after.kpi)));
  if (before.scope !== after.scope) push('scope-changed', 'scope', before.scope, after.scope, describeChange('scope', before.scope, after.scope));
  if (before.objective !== after.objective) push('objective-changed', 'objective', before.objective, after.objective, describeChange('objective', before.objective, after.objective));
  if (before.parent !== after.parent) push('parent-changed', 'parent', before.parent, after.parent, describeChange('parent goal', before.parent, after.parent));
  if (!sameAmounts(before.milestones, after.milestones)) {
    const message = describeChange('milestones', describeMilestones(before.milestones, kpiBefore?.unit), describeMilestones(after.milestones, kpiAfter?.unit));
    push('milestones-changed', 'milestones', before.milestones, after.milestones, message);
  }
  // `start` defaults to the baseline date; a start that merely follows the baseline is no news.
  const followsBaseline = before.start === before.baseline?.date && after.start === after.baseline?.date;
  const skip = ['target', 'baseline', 'owner', 'kpi', 'scope', 'objective', 'parent', 'milestones', ...(followsBaseline ? ['start'] : [])];
  return [...out, ...compareFields(before, after, skip), ...confidenceChange(after.id, models)];
}
