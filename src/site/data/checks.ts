// The diagnostics the site shows: the warnings of a good build on the "Checks" page, and in
// `goalpost dev` the errors too, on every page.
import type { Diagnostic } from '../../diagnostics/diagnostic.ts';
import type { DiagnosticView, TableData } from './types.ts';

export function diagnosticViews(diagnostics: readonly Diagnostic[]): DiagnosticView[] {
  return diagnostics.map((d) => ({ severity: d.severity, code: d.code, message: d.message, file: d.file, line: d.line, column: d.column, hint: d.hint ?? null }));
}

export function checksTable(views: readonly DiagnosticView[]): TableData {
  return {
    csv: 'checks',
    caption: 'Problems found in the strategy and metric files',
    columns: [{ label: 'Severity' }, { label: 'Rule' }, { label: 'Where' }, { label: 'Problem' }, { label: 'How to fix' }],
    rows: views.map((d) => ({
      cells: [{ text: d.severity === 'error' ? 'Error' : 'Warning' }, { text: d.code }, { text: `${d.file}:${d.line}:${d.column}` }, { text: d.message }, { text: d.hint ?? '' }],
    })),
    empty: 'No problems found.',
  };
}
