// Gives each finding its severity: the rule's default, or the Workspace's `rules:` override.
// Findings of rules turned `off` are dropped here and nowhere else.
import { compareDiagnostics, type Diagnostic, type Finding } from '../diagnostics/diagnostic.ts';
import { RULES } from '../diagnostics/rules.ts';
import type { RuleSetting } from '../spec/values.ts';

export function applyRuleSettings(findings: readonly Finding[], settings: Readonly<Record<string, RuleSetting>> = {}): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const finding of findings) {
    const setting = settings[finding.code] ?? RULES[finding.code].severity;
    if (setting === 'off') continue;
    const diagnostic: Diagnostic = { ...finding, severity: setting };
    if (diagnostic.hint === undefined) delete diagnostic.hint;
    diagnostics.push(diagnostic);
  }
  return diagnostics.sort(compareDiagnostics);
}
