// `diff --format json`: the StrategyDiff for scripts, with the summary line and counts on top.
// Diagnostics keep the fields of `check --format json` only (no internal `subject`).
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { countChanges, summaryLine } from './summarize-diff.ts';
import type { SideSummary, StrategyDiff } from './types.ts';

function diagnosticJson(d: Diagnostic) {
  return { code: d.code, severity: d.severity, message: d.message, file: d.file, line: d.line, column: d.column, ...(d.hint ? { hint: d.hint } : {}) };
}

function sideJson(side: SideSummary) {
  return { ...side, firstErrors: side.firstErrors.map(diagnosticJson) };
}

export function formatDiffJson(diff: StrategyDiff): string {
  const output = {
    summary: summaryLine(diff),
    asOf: diff.asOf,
    base: sideJson(diff.base),
    head: sideJson(diff.head),
    counts: countChanges(diff),
    items: diff.items,
  };
  return `${JSON.stringify(output, null, 2)}\n`;
}
