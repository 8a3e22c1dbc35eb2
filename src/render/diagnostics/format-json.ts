// `check --format json`, exactly as FORMAT.md section 6 says; `related` is an extra field.
import type { Diagnostic } from '../../diagnostics/diagnostic.ts';
import { countBySeverity } from '../../diagnostics/diagnostic.ts';

export function formatJson(diagnostics: readonly Diagnostic[]): string {
  const { errors, warnings } = countBySeverity(diagnostics);
  const out = diagnostics.map((d) => ({
    code: d.code,
    severity: d.severity,
    message: d.message,
    file: d.file,
    line: d.line,
    column: d.column,
    ...(d.hint ? { hint: d.hint } : {}),
    ...(d.related?.length ? { related: d.related } : {}),
  }));
  return `${JSON.stringify({ diagnostics: out, errors, warnings }, null, 2)}\n`;
}
