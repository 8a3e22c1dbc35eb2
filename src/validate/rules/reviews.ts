// Within one Review, a decision id and a check-in's goal appear once (duplicate-id at both places).
import { listDuplicates } from './list-duplicates.ts';
import type { RuleContext, SemanticRule } from './rule.ts';

export const checkReviewDuplicates: SemanticRule = ({ docs }: RuleContext) =>
  docs.reviews.flatMap(({ spec, source }) => {
    const subject = { kind: 'Review', id: spec.id };
    return [
      ...listDuplicates(source, subject, 'decisions', 'id', (spec.decisions ?? []).map((d) => d.id), {
        later: (id) => `another decision of this review has the id \`${id}\``,
        first: (id) => `a second decision of this review has the id \`${id}\``,
        hint: 'Decision ids are unique within a review; rename one.',
      }),
      ...listDuplicates(source, subject, 'checkins', 'goal', (spec.checkins ?? []).map((c) => c.goal), {
        later: (goal) => `goal \`${goal}\` has another check-in in this review`,
        first: (goal) => `goal \`${goal}\` has a second check-in in this review`,
        hint: 'Keep one check-in per goal in a review; merge their notes.',
      }),
    ];
  });
