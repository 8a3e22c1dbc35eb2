// What a change to the service promise means: SLA response and resolution targets tightened
// (shorter) or relaxed (longer), compared in minutes so that `60m` -> `1h` is no change; the
// adherence target judged like a goal's (higher is more ambitious); channels retired or
// changing role; headcount per quarter. Everything else falls through to the generic comparison.
import type { Channel, HiringProfile, Model, Objective, SlaPolicy } from '../model/types.ts';
import { compareFields } from './compare-fields.ts';
import { describeChange, describeNumber, describePerson, plural } from './describe-value.ts';
import type { FieldChange } from './types.ts';

function durationChange(label: string, field: 'firstResponse' | 'resolution', before: SlaPolicy, after: SlaPolicy): FieldChange[] {
  const [a, b] = [before[`${field}Minutes`], after[`${field}Minutes`]];
  if (a === b) return [];
  const code = b < a ? 'tightened' : 'relaxed';
  return [{ code, field, before: before[field], after: after[field], message: `${label} ${code} from ${before[field]} to ${after[field]}` }];
}

export function compareSlaPolicy(before: SlaPolicy, after: SlaPolicy): FieldChange[] {
  const out = [...durationChange('first response', 'firstResponse', before, after), ...durationChange('resolution', 'resolution', before, after)];
  if (before.target !== after.target) {
    const raised = after.target > before.target;
    const [from, to] = [describeNumber(before.target, 'percent'), describeNumber(after.target, 'percent')];
    out.push({
      code: raised ? 'more-ambitious' : 'less-ambitious',
      field: 'target',
      before: before.target,
      after: after.target,
      message: `adherence target ${raised ? 'raised' : 'lowered'} from ${from} to ${to}: ${raised ? 'more' : 'less'} ambitious`,
    });
  }
  return [...out, ...compareFields(before, after, ['firstResponse', 'resolution', 'firstResponseMinutes', 'resolutionMinutes', 'target'])];
}

export function compareChannel(before: Channel, after: Channel): FieldChange[] {
  const out: FieldChange[] = [];
  if (before.role !== after.role) {
    const retired = after.role === 'retired';
    out.push({
      code: retired ? 'retired' : 'role-changed',
      field: 'role',
      before: before.role,
      after: after.role,
      message: retired ? `retired (was ${before.role})` : describeChange('role', before.role, after.role),
    });
  }
  return [...out, ...compareFields(before, after, ['role'])];
}

function describeHires(hires: number | undefined): string {
  return hires === undefined ? 'none' : plural(hires, 'hire');
}

export function compareHiringProfile(before: HiringProfile, after: HiringProfile): FieldChange[] {
  const out: FieldChange[] = [];
  const old = new Map(before.headcount.map((h) => [h.quarter, h.hires]));
  const now = new Map(after.headcount.map((h) => [h.quarter, h.hires]));
  const quarters = [...new Set([...old.keys(), ...now.keys()])].sort();
  const moved = quarters.filter((q) => old.get(q) !== now.get(q));
  if (moved.length > 0) {
    const total = (list: HiringProfile['headcount']) => list.reduce((sum, h) => sum + h.hires, 0);
    const parts = moved.map((q) => `${q} ${describeHires(old.get(q))} → ${describeHires(now.get(q))}`);
    const [a, b] = [total(before.headcount), total(after.headcount)];
    const totals = a === b ? `total unchanged at ${plural(b, 'hire')}` : `total ${a} → ${plural(b, 'hire')}`;
    out.push({ code: 'headcount-changed', field: 'headcount', before: before.headcount, after: after.headcount, message: `headcount changed: ${parts.join('; ')} (${totals})` });
  }
  return [...out, ...compareFields(before, after, ['headcount'])];
}

export function compareObjective(before: Objective, after: Objective, models: { before: Model; after: Model }): FieldChange[] {
  const out: FieldChange[] = [];
  if (before.owner !== after.owner) {
    const message = describeChange('owner', describePerson(models.before, before.owner), describePerson(models.after, after.owner));
    out.push({ code: 'owner-changed', field: 'owner', before: before.owner, after: after.owner, message });
  }
  return [...out, ...compareFields(before, after, ['owner'])];
}
