// `check --format github`: GitHub Actions workflow commands that annotate the changed lines.
// GitHub shows at most 10 errors and 10 warnings per step, so those come first and a notice
// counts the rest; the full list goes to the job summary. Every value is escaped so that no
// text from a strategy file can end the command or start a new one.
import type { Diagnostic } from '../../diagnostics/diagnostic.ts';
import { summarize } from './format-pretty.ts';

export const GITHUB_ANNOTATION_LIMIT = 10;

export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function annotation(d: Diagnostic): string {
  const properties = [`file=${escapeProperty(d.file)}`, `line=${d.line}`, `col=${d.column}`, `title=${escapeProperty(`goalpost ${d.code}`)}`].join(',');
  const message = d.hint ? `${d.message}\n${d.hint}` : d.message;
  return `::${d.severity} ${properties}::${escapeData(message)}`;
}

function markdownCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/[\r\n]+/g, ' ').replace(/</g, '&lt;');
}

export interface GithubOutput {
  /** Workflow commands for stdout. */
  commands: string;
  /** Markdown for $GITHUB_STEP_SUMMARY. */
  summary: string;
}

export function formatGithub(diagnostics: readonly Diagnostic[]): GithubOutput {
  const errors = diagnostics.filter((d) => d.severity === 'error');
  const warnings = diagnostics.filter((d) => d.severity === 'warning');
  const shown = [...errors.slice(0, GITHUB_ANNOTATION_LIMIT), ...warnings.slice(0, GITHUB_ANNOTATION_LIMIT)];
  const lines = shown.map(annotation);
  const hiddenErrors = errors.length - Math.min(errors.length, GITHUB_ANNOTATION_LIMIT);
  const hiddenWarnings = warnings.length - Math.min(warnings.length, GITHUB_ANNOTATION_LIMIT);
  if (hiddenErrors + hiddenWarnings > 0) {
    lines.push(`::notice title=${escapeProperty('goalpost check')}::${escapeData(`${hiddenErrors} more errors and ${hiddenWarnings} more warnings are not annotated (GitHub shows 10 of each); the job summary lists all ${diagnostics.length}.`)}`);
  }
  const summaryLines = [`### goalpost check: ${summarize(diagnostics)}`, ''];
  if (diagnostics.length > 0) {
    summaryLines.push('| Severity | Rule | Where | Problem |', '|---|---|---|---|');
    for (const d of diagnostics) {
      const problem = d.hint ? `${d.message}. ${d.hint}` : d.message;
      summaryLines.push(`| ${d.severity} | \`${d.code}\` | ${markdownCell(`${d.file}:${d.line}:${d.column}`)} | ${markdownCell(problem)} |`);
    }
  } else {
    summaryLines.push('No problems found.');
  }
  return { commands: lines.length ? `${lines.join('\n')}\n` : '', summary: `${summaryLines.join('\n')}\n` };
}
