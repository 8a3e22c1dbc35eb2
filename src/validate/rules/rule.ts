// What a semantic rule is: a pure function from the schema-valid documents to findings.
import type { Finding } from '../../diagnostics/diagnostic.ts';
import type { KnownIds, KpiSpec } from '../../spec/spec-types.ts';
import type { SpecDoc, SpecDocs } from '../../parse/spec-doc.ts';

export interface RuleContext {
  docs: SpecDocs;
  known: KnownIds;
  kpiById: ReadonlyMap<string, SpecDoc<KpiSpec>>;
}

export type SemanticRule = (context: RuleContext) => Finding[];
