// The SMART checks on one goal: a measurable target (goal-target-missing), a baseline for
// reach goals, a target better than the baseline, dates in order, values inside the KPI's
// range, and an `achievable` reason for big moves.
import type { Finding } from '../../diagnostics/diagnostic.ts';
import type { DocPath } from '../../parse/source-document.ts';
import { kpiRange } from '../../spec/kpi-range.ts';
import type { GoalSpec, KpiSpec } from '../../spec/spec-types.ts';
import type { SpecDoc } from '../../parse/spec-doc.ts';
import type { RuleContext, SemanticRule } from './rule.ts';

/** A move larger than this share of the baseline needs an `achievable` reason. */
const UNEXPLAINED_MOVE = 0.5;


function targetMissing(goal: SpecDoc<GoalSpec>): Finding | null {
  const { spec, source } = goal;
  const subject = { kind: 'Goal', id: spec.id };
  // A missing field is reported at the key of its parent (`target:`), a wrong one at its value.
  const missing = (path: DocPath, message: string, hint: string, at = source.locateKey(path)): Finding => ({ code: 'goal-target-missing', ...at, subject, message, hint });
  if (spec.kpi === undefined) return missing([], `goal \`${spec.id}\` has no \`kpi\`, so nothing measures it`, 'Add `kpi: <KPI id>` naming the metric this goal moves.');
  if (spec.target === undefined) return missing([], `goal \`${spec.id}\` has no \`target\``, 'Add `target: { value: <number>, date: YYYY-MM-DD }`.');
  if (spec.target.value === undefined || spec.target.value === null) return missing(['target'], `goal \`${spec.id}\` has no numeric \`target.value\``, "Add `value:` with a number in the KPI's unit.");
  if (typeof spec.target.value !== 'number' || !Number.isFinite(spec.target.value)) return missing(['target', 'value'], `\`target.value\` must be a number, not ${typeof spec.target.value === 'number' ? String(spec.target.value) : JSON.stringify(spec.target.value)}`, `Write the number alone in the KPI's unit (for 4 hours on an hours KPI, write 4).`, source.locate(['target', 'value']));
  if (spec.target.date === undefined) return missing(['target'], `goal \`${spec.id}\` has no \`target.date\`, so it is not time-bound`, 'Add `date: YYYY-MM-DD` to the target.');
  return null;
}

function better(direction: KpiSpec['direction'], target: number, baseline: number): boolean {
  return direction === 'increase' ? target > baseline : target < baseline;
}

function checkGoal(goal: SpecDoc<GoalSpec>, kpi: KpiSpec | undefined, findings: Finding[]): void {
  const { spec, source } = goal;
  const subject = { kind: 'Goal', id: spec.id };
  const add = (code: Finding['code'], path: DocPath, message: string, hint?: string) => findings.push({ code, ...source.locate(path), subject, message, ...(hint ? { hint } : {}) });
  const type = spec.type ?? 'reach';
  const missingTarget = targetMissing(goal);
  if (missingTarget) findings.push(missingTarget);
  if (type === 'reach' && !spec.baseline) {
    add('goal-baseline-missing', [], `reach goal \`${spec.id}\` has no \`baseline\`, so progress cannot be measured from a starting point`, 'Add `baseline: { value: <where the KPI stands>, date: YYYY-MM-DD }`, or set `type: maintain`.');
  }
  const target = typeof spec.target?.value === 'number' && Number.isFinite(spec.target.value) ? spec.target.value : undefined;
  const targetDate = spec.target?.date;

  if (kpi && type === 'reach' && spec.baseline && target !== undefined && !better(kpi.direction, target, spec.baseline.value)) {
    const wanted = kpi.direction === 'increase' ? 'higher' : 'lower';
    add('goal-direction', ['target', 'value'], `the target ${target} is not better than the baseline ${spec.baseline.value}: for ${kpi.name} (\`${kpi.id}\`) ${wanted} is better`, `Set a target ${wanted} than ${spec.baseline.value}, or check the KPI's \`direction\`.`);
  }

  const start = spec.start ?? spec.baseline?.date;
  if (type === 'maintain' && spec.start === undefined) {
    add('goal-dates', [], `maintain goal \`${spec.id}\` has no \`start\``, 'Add `start: YYYY-MM-DD`: the day from which the KPI must hold the target.');
  }
  if (start && targetDate && targetDate <= start) {
    add('goal-dates', ['target', 'date'], `the target date ${targetDate} is not after the start ${start}`, 'Move the target date later, or the start earlier.');
  }
  let previous: string | undefined;
  spec.milestones?.forEach((milestone, i) => {
    if ((start && milestone.date <= start) || (targetDate && milestone.date >= targetDate)) {
      add('goal-dates', ['milestones', i, 'date'], `milestone ${milestone.date} is not between the start ${start ?? '?'} and the target date ${targetDate ?? '?'}`, 'Milestones fall strictly between start and target date.');
    } else if (previous && milestone.date <= previous) {
      add('goal-dates', ['milestones', i, 'date'], `milestone ${milestone.date} does not come after the one before it (${previous})`, 'List milestones in date order, one per date.');
    }
    previous = milestone.date;
  });

  let outOfRange = false;
  if (kpi) {
    const range = kpiRange(kpi.unit, kpi.range);
    const values: [DocPath, number | undefined][] = [
      [['baseline', 'value'], spec.baseline?.value],
      [['target', 'value'], target],
      ...(spec.milestones ?? []).map((m, i): [DocPath, number] => [['milestones', i, 'value'], m.value]),
    ];
    for (const [path, value] of values) {
      if (value === undefined) continue;
      if ((range.min !== undefined && value < range.min) || (range.max !== undefined && value > range.max)) {
        outOfRange = true;
        add('goal-range', path, `${value} is outside the range of ${kpi.name} (${range.min ?? '-∞'} to ${range.max ?? '∞'})`, kpi.unit === 'percent' ? 'Percent values are written 0-100: 85 means 85 %.' : "Check the value, or the KPI's `range`.");
      }
    }
  }

  // A value outside the KPI's range is a slip (950 for 95 %) that goal-range names; how far the
  // goal moves is not worth a second finding until the value is right.
  if (type === 'reach' && spec.baseline && target !== undefined && !spec.achievable && !outOfRange) {
    const b = spec.baseline.value;
    const move = Math.abs(target - b);
    if (move > UNEXPLAINED_MOVE * Math.abs(b)) {
      const share = b === 0 ? '' : ` (${Math.round((move / Math.abs(b)) * 100)} % of the baseline)`;
      add('goal-unexplained', ['target', 'value'], `the goal moves ${kpi?.name ?? spec.kpi} from ${b} to ${target}${share} with no \`achievable\` reason`, 'Add `achievable:` saying what makes this within reach (hires, a tool, a process change).');
    }
  }

  if (!spec.objective && !spec.parent) {
    add('goal-orphan', [], `goal \`${spec.id}\` has neither \`objective\` nor \`parent\`, so nothing says why it matters`, 'Add `objective: <objective id>`, or `parent: <goal id>` for a cascaded goal.');
  }
}

export const checkGoals: SemanticRule = ({ docs, kpiById }: RuleContext) => {
  const findings: Finding[] = [];
  for (const goal of docs.goals) checkGoal(goal, goal.spec.kpi ? kpiById.get(goal.spec.kpi)?.spec : undefined, findings);
  return findings;
};
