// Validation stage: schema, then the semantic rules, over every parsed document. Returns
// findings (no severities yet) and the schema-valid documents the model is built from.
import type { Finding } from '../diagnostics/diagnostic.ts';
import { isRuleCode, RULE_CODES } from '../diagnostics/rules.ts';
import type { BrokenDocument } from '../parse/parse-yaml.ts';
import type { SourceDocument } from '../parse/source-document.ts';
import { closestMatch } from '../util/closest-match.ts';
import { collectDocuments } from './collect-documents.ts';
import { checkGoalCycles } from './rules/goal-cycle.ts';
import { checkGoals } from './rules/goal-measurable.ts';
import { checkReferences } from './rules/references.ts';
import type { RuleContext, SemanticRule } from './rules/rule.ts';
import { checkReviewDuplicates } from './rules/reviews.ts';
import { checkWorkspaceLists } from './rules/workspace.ts';
import { checkBusinessClocks, checkComputedKpiUnits, checkSchedules } from './rules/tickets.ts';
import { checkChannels, checkHiringProfiles, checkObjectivesHaveGoals, checkSlaPolicies } from './rules/structure.ts';
import type { KnownIds } from '../spec/spec-types.ts';
import type { SpecDocs } from '../parse/spec-doc.ts';

const SEMANTIC_RULES: readonly SemanticRule[] = [
  checkReferences,
  checkWorkspaceLists,
  checkGoals,
  checkGoalCycles,
  checkObjectivesHaveGoals,
  checkSlaPolicies,
  checkChannels,
  checkHiringProfiles,
  checkSchedules,
  checkBusinessClocks,
  checkComputedKpiUnits,
  checkReviewDuplicates,
  checkRuleSettings,
];

export interface ValidatedStrategy {
  docs: SpecDocs;
  known: KnownIds;
  findings: Finding[];
}

function checkRuleSettings({ docs }: RuleContext): Finding[] {
  const ws = docs.workspace;
  if (!ws?.spec.rules) return [];
  return Object.keys(ws.spec.rules)
    .filter((code) => !isRuleCode(code))
    .map((code) => {
      const suggestion = closestMatch(code, RULE_CODES);
      return {
        code: 'schema' as const,
        ...ws.source.locateKey(['rules', code]),
        message: `\`rules\` names \`${code}\`, which is not a check rule`,
        hint: suggestion ? `Did you mean \`${suggestion}\`?` : 'See docs/rules.md for the rule codes.',
      };
    });
}

export function validateStrategy(documents: readonly SourceDocument[], brokenIds: readonly BrokenDocument[] = []): ValidatedStrategy {
  const { docs, known, findings } = collectDocuments(documents, brokenIds);
  const context: RuleContext = { docs, known, kpiById: new Map(docs.kpis.map((kpi) => [kpi.spec.id, kpi])) };
  for (const rule of SEMANTIC_RULES) findings.push(...rule(context));
  return { docs, known, findings };
}
