// goal-cycle: following `parent` from any goal must end at a goal without one.
import type { Finding } from '../../diagnostics/diagnostic.ts';
import type { RuleContext, SemanticRule } from './rule.ts';

export const checkGoalCycles: SemanticRule = ({ docs }: RuleContext) => {
  const byId = new Map(docs.goals.map((goal) => [goal.spec.id, goal]));
  const findings: Finding[] = [];
  const reported = new Set<string>();
  for (const goal of docs.goals) {
    const chain: string[] = [];
    let current: string | undefined = goal.spec.id;
    while (current !== undefined && !chain.includes(current)) {
      chain.push(current);
      current = byId.get(current)?.spec.parent;
    }
    if (current === undefined) continue;
    const loop = chain.slice(chain.indexOf(current));
    for (const id of loop) {
      if (reported.has(id)) continue;
      reported.add(id);
      const member = byId.get(id)!;
      findings.push({
        code: 'goal-cycle',
        ...member.source.locate(['parent']),
        subject: { kind: 'Goal', id },
        message: `the parent chain loops: ${[...loop.slice(loop.indexOf(id)), ...loop.slice(0, loop.indexOf(id)), id].join(' -> ')}`,
        hint: 'A goal cannot be its own ancestor: point one of these goals at an objective instead.',
      });
    }
  }
  return findings;
};
