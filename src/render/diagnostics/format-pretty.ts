// `check` output for people: each diagnostic as file:line:col, severity, code and message,
// then the source line with a caret under the column, then the hint; a summary line last.
import type { Diagnostic } from '../../diagnostics/diagnostic.ts';
import { countBySeverity } from '../../diagnostics/diagnostic.ts';
import { countOf } from '../../util/count-of.ts';
import { createPaint, stripControl } from '../ansi.ts';

export interface PrettyOptions {
  /** The lines of a file, for the excerpt; undefined when not available. */
  sourceLines(file: string): readonly string[] | undefined;
  color: boolean;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function summarize(diagnostics: readonly Diagnostic[]): string {
  const { errors, warnings } = countBySeverity(diagnostics);
  return `${plural(errors, 'error')}, ${plural(warnings, 'warning')}`;
}

/** False for a line of a binary file or of another encoding, whose excerpt would be noise. */
function looksLikeText(line: string): boolean {
  return countOf(line, '\uFFFD') * 10 <= line.length && !line.includes('\u0000');
}

export function formatPretty(diagnostics: readonly Diagnostic[], options: PrettyOptions): string {
  const paint = createPaint(options.color);
  const blocks = diagnostics.map((d) => {
    const severity = d.severity === 'error' ? paint.red(paint.bold('error')) : paint.yellow(paint.bold('warning'));
    const lines = [`${paint.bold(`${d.file}:${d.line}:${d.column}`)} ${severity} ${paint.dim(d.code)} ${stripControl(d.message)}`];
    const source = options.sourceLines(d.file);
    const text = source?.[d.line - 1];
    if (text !== undefined && looksLikeText(text)) {
      const gutter = String(d.line);
      const shown = stripControl(text.replace(/\t/g, ' ')).slice(0, 200);
      lines.push(`  ${paint.dim(`${gutter} |`)} ${shown}`);
      lines.push(`  ${' '.repeat(gutter.length)} ${paint.dim('|')} ${' '.repeat(Math.max(0, Math.min(d.column - 1, shown.length)))}${paint.red('^')}`);
    }
    for (const related of d.related ?? []) lines.push(`  ${paint.dim('also:')} ${related.file}:${related.line}:${related.column} ${stripControl(related.message)}`);
    if (d.hint) lines.push(`  ${paint.blue('hint:')} ${stripControl(d.hint)}`);
    return lines.join('\n');
  });
  const summary = diagnostics.length === 0 ? paint.green('No problems found.') : summarize(diagnostics);
  return [...blocks, summary].join('\n\n') + '\n';
}
