// goal-cycle: following `parent` from any goal must end at a goal without one.
// Each goal is visited once (a loop of thousands of goals is found in linear time), and each
// goal in a loop gets one finding whose message stays short however long the loop is.
import type { Finding } from '../../diagnostics/diagnostic.ts';
import type { RuleContext, SemanticRule } from './rule.ts';

/** Loops up to this many goals are written out whole; longer ones by their ends. */
const LOOP_SHOWN_WHOLE = 8;

/** `loop` read from its member at `start`, back to it: `b -> c -> a -> b`, shortened when long. */
function loopFrom(loop: readonly string[], start: number): string {
  const at = (offset: number) => loop[(start + offset) % loop.length]!;
  if (loop.length <= LOOP_SHOWN_WHOLE) return Array.from({ length: loop.length + 1 }, (_, i) => at(i)).join(' -> ');
  return `${[0, 1, 2].map(at).join(' -> ')} -> ... -> ${at(loop.length - 1)} -> ${at(0)}`;
}

export const checkGoalCycles: SemanticRule = ({ docs }: RuleContext) => {
  const byId = new Map(docs.goals.map((goal) => [goal.spec.id, goal]));
  const findings: Finding[] = [];
  // Goals whose parent chain has been followed to its end (or into a loop already reported).
  const settled = new Set<string>();
  for (const goal of docs.goals) {
    // The chain followed from this goal, with each goal's place in it.
    const chain: string[] = [];
    const place = new Map<string, number>();
    let current: string | undefined = goal.spec.id;
    while (current !== undefined && !settled.has(current) && !place.has(current)) {
      place.set(current, chain.length);
      chain.push(current);
      current = byId.get(current)?.spec.parent;
    }
    for (const id of chain) settled.add(id);
    if (current === undefined || !place.has(current)) continue;
    const loop = chain.slice(place.get(current));
    const size = loop.length > LOOP_SHOWN_WHOLE ? ` through ${loop.length.toLocaleString('en-US')} goals` : '';
    loop.forEach((id, index) => {
      findings.push({
        code: 'goal-cycle',
        ...byId.get(id)!.source.locate(['parent']),
        subject: { kind: 'Goal', id },
        message: `the parent chain loops${size}: ${loopFrom(loop, index)}`,
        hint: 'A goal cannot be its own ancestor: point one of these goals at an objective instead.',
      });
    });
  }
  return findings;
};
