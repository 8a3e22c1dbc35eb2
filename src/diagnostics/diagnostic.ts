// The one shape every stage reports problems in. Stages create diagnostics; only the
// render/ formatters turn them into text. Positions are 1-based; `file` is relative to the
// workspace root with forward slashes.
import type { RuleCode } from './rules.ts';

export type Severity = 'error' | 'warning';

export interface SourcePosition {
  file: string;
  line: number;
  column: number;
}

export interface RelatedPosition extends SourcePosition {
  message: string;
}

export interface Diagnostic extends SourcePosition {
  code: RuleCode;
  severity: Severity;
  message: string;
  hint?: string;
  related?: RelatedPosition[];
  /** The document the problem belongs to, so the pipeline can leave it out of the model. Not printed. */
  subject?: Subject;
}

export interface Subject {
  kind: string;
  id: string;
}

/** A diagnostic before the workspace's `rules:` overrides have set its severity. */
export type Finding = Omit<Diagnostic, 'severity'>;

/** Stable order for every output: file, line, column, code, message. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
    a.line - b.line ||
    a.column - b.column ||
    (a.code < b.code ? -1 : a.code > b.code ? 1 : 0) ||
    (a.message < b.message ? -1 : a.message > b.message ? 1 : 0)
  );
}

export function countBySeverity(diagnostics: readonly Diagnostic[]): { errors: number; warnings: number } {
  let errors = 0;
  let warnings = 0;
  for (const d of diagnostics) {
    if (d.severity === 'error') errors++;
    else warnings++;
  }
  return { errors, warnings };
}
