// What a semantic rule is: a pure function from the schema-valid documents to findings.
import type { Finding } from '../../diagnostics/diagnostic.ts';
import type { KpiSpec, KnownIds, SpecDoc, SpecDocs } from '../spec-types.ts';

export interface RuleContext {
  docs: SpecDocs;
  known: KnownIds;
  kpiById: ReadonlyMap<string, SpecDoc<KpiSpec>>;
}

export type SemanticRule = (context: RuleContext) => Finding[];
