// `check --format sarif`: SARIF 2.1.0 for GitHub code scanning, with a rule entry for every
// rule code (GitHub needs the rule metadata to show a result) and results pointing at
// root-relative files.
import type { Diagnostic } from '../../diagnostics/diagnostic.ts';
import { RULE_CODES, RULES } from '../../diagnostics/rules.ts';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

export function formatSarif(diagnostics: readonly Diagnostic[], toolVersion: string): string {
  const rules = RULE_CODES.map((code) => ({
    id: code,
    name: code.replace(/(^|-)([a-z])/g, (_, __, letter: string) => letter.toUpperCase()),
    shortDescription: { text: RULES[code].summary },
    fullDescription: { text: `${RULES[code].summary} ${RULES[code].fix}` },
    help: { text: RULES[code].fix, markdown: `**${code}**: ${RULES[code].summary}\n\n${RULES[code].fix}` },
    defaultConfiguration: { level: RULES[code].severity === 'error' ? 'error' : 'warning' },
  }));
  const location = (file: string, line: number, column: number) => ({
    physicalLocation: {
      artifactLocation: { uri: file, uriBaseId: '%SRCROOT%' },
      region: { startLine: line, startColumn: column },
    },
  });
  const results = diagnostics.map((d) => ({
    ruleId: d.code,
    ruleIndex: RULE_CODES.indexOf(d.code),
    level: d.severity === 'error' ? 'error' : 'warning',
    message: { text: d.hint ? `${d.message}. ${d.hint}` : d.message },
    locations: [location(d.file, d.line, d.column)],
    ...(d.related?.length
      ? { relatedLocations: d.related.map((r, id) => ({ id, ...location(r.file, r.line, r.column), message: { text: r.message } })) }
      : {}),
  }));
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [{ tool: { driver: { name: 'goalpost', semanticVersion: toolVersion, rules } }, results }],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
