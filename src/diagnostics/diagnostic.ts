// The one shape every stage reports problems in. Stages create diagnostics; only the
// render/ formatters turn them into text. Positions are 1-based; `file` is relative to the
// workspace root with forward slashes.
import type { RuleCode } from './rules.ts';
import { compareText } from '../util/compare-text.ts';

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
    compareText(a.file, b.file) ||
    a.line - b.line ||
    a.column - b.column ||
    compareText(a.code, b.code) ||
    compareText(a.message, b.message)
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
