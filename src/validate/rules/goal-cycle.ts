// goal-cycle: following `parent` from any goal must end at a goal without one. Each goal in a
// loop gets one finding, at its `parent`.
import type { Finding } from '../../diagnostics/diagnostic.ts';
import { loopFrom, loopSize, parentLoops } from './parent-loops.ts';
import type { RuleContext, SemanticRule } from './rule.ts';

export const checkGoalCycles: SemanticRule = ({ docs }: RuleContext) => {
  const byId = new Map(docs.goals.map((goal) => [goal.spec.id, goal]));
  const findings: Finding[] = [];
  for (const loop of parentLoops(docs.goals.map((goal) => goal.spec.id), (id) => byId.get(id)?.spec.parent)) {
    loop.forEach((id, index) => {
      findings.push({
        code: 'goal-cycle',
        ...byId.get(id)!.source.locate(['parent']),
        subject: { kind: 'Goal', id },
        message: `the parent chain loops${loopSize(loop, 'goals')}: ${loopFrom(loop, index)}`,
        hint: 'A goal cannot be its own ancestor: point one of these goals at an objective instead.',
      });
    });
  }
  return findings;
};
