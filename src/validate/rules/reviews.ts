// Within one Review, a decision id and a check-in's goal appear once (duplicate-id at both places).
import type { Finding } from '../../diagnostics/diagnostic.ts';
import type { RuleContext, SemanticRule } from './rule.ts';

export const checkReviewDuplicates: SemanticRule = ({ docs }: RuleContext) => {
  const findings: Finding[] = [];
  for (const { spec, source } of docs.reviews) {
    const subject = { kind: 'Review', id: spec.id };
    const lists: [string, string, string[]][] = [
      ['decisions', 'id', (spec.decisions ?? []).map((d) => d.id)],
      ['checkins', 'goal', (spec.checkins ?? []).map((c) => c.goal)],
    ];
    for (const [list, field, values] of lists) {
      const first = new Map<string, number>();
      values.forEach((value, i) => {
        const earlier = first.get(value);
        if (earlier === undefined) {
          first.set(value, i);
          return;
        }
        const here = source.locate([list, i, field]);
        const there = source.locate([list, earlier, field]);
        const what = list === 'decisions' ? `another decision of this review has the id \`${value}\`` : `goal \`${value}\` has another check-in in this review`;
        findings.push({
          code: 'duplicate-id',
          ...here,
          subject,
          message: what,
          hint: list === 'decisions' ? 'Decision ids are unique within a review; rename one.' : 'Keep one check-in per goal in a review; merge their notes.',
          related: [{ ...there, message: 'first here' }],
        });
        if (values.indexOf(value, earlier + 1) === i) {
          findings.push({ code: 'duplicate-id', ...there, subject, message: what.replace('another', 'a second').replace('has another', 'has a second'), related: [{ ...here, message: 'again here' }] });
        }
      });
    }
  }
  return findings;
};
