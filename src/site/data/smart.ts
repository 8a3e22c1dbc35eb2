// The SMART panel of a goal: each of the five criteria filled from the goal's file, or marked
// missing with what to add. The title is what makes a goal specific (`check` requires it);
// `description` only adds to it, so Specific is never reported missing.
import type { Goal, Kpi } from '../../model/types.ts';
import type { SiteContext } from './context.ts';
import { directionLabel, formatValue } from './format.ts';
import type { SmartItem } from './types.ts';

export function smartPanel(ctx: SiteContext, goal: Goal, kpi: Kpi | undefined): SmartItem[] {
  const value = (v: number) => (kpi ? formatValue(v, kpi.unit) : String(v));
  const scope = ctx.scopeLabel(goal.scope);
  const parent = goal.parent ? ctx.goal(goal.parent) : undefined;
  const objective = goal.objective ? ctx.model.objectives.find((o) => o.id === goal.objective) : undefined;
  const measurable = !kpi
    ? null
    : goal.type === 'maintain'
      ? `${kpi.name} (${kpi.unit}, ${directionLabel(kpi.direction)}) for ${scope}: stay at ${value(goal.target.value)} or better.`
      : `${kpi.name} (${kpi.unit}, ${directionLabel(kpi.direction)}) for ${scope}: from ${goal.baseline ? `${value(goal.baseline.value)} on ${goal.baseline.date}` : 'an unstated baseline'} to ${value(goal.target.value)}.`;
  const milestones = goal.milestones.map((m) => `${value(m.value)} by ${m.date}`).join(', ');
  return [
    {
      key: 'specific',
      label: 'Specific',
      text: goal.title,
      detail: goal.description ?? null,
      missing: 'Give the goal a `title:` that says what changes, for whom, by when.',
    },
    { key: 'measurable', label: 'Measurable', text: measurable, missing: 'Name a KPI with `kpi:` and give `baseline:` and `target:` values.' },
    { key: 'achievable', label: 'Achievable', text: goal.achievable ?? null, missing: 'Say why the target is within reach: add `achievable:` to the goal.' },
    {
      key: 'relevant',
      label: 'Relevant',
      text: parent ? `Ladders up to the goal \u201c${parent.title}\u201d.` : objective ? `Serves the objective \u201c${objective.title}\u201d.` : null,
      missing: 'Tie the goal to an `objective:` or a `parent:` goal.',
    },
    {
      key: 'time-bound',
      label: 'Time-bound',
      text: `From ${goal.start}, due ${goal.target.date}${milestones ? `; milestones ${milestones}` : ''}.`,
      missing: 'Give the target a date: `target: { value, date }`.',
    },
  ];
}
