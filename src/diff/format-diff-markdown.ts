// `diff --format markdown`: a pull-request comment. A heading with the summary line, a warning
// for a side that does not pass check, one section per kind with a table (one row per item),
// and a collapsed <details> block with every change in full. All strategy text is escaped
// (markdown-text.ts). GitHub refuses comments over 65,536 characters, so past `maxLength` the
// details are dropped, then table rows, and a note says how to see everything.
import { KINDS } from '../spec/kinds.ts';
import { plural } from './describe-value.ts';
import { summaryLine, KIND_NOUNS } from './summarize-diff.ts';
import { codeSpan, escapeMarkdown } from './markdown-text.ts';
import type { FieldChange, ItemDiff, SideSummary, StrategyDiff } from './types.ts';

export const MARKDOWN_MARKER = '<!-- goalpost-diff -->';
const DEFAULT_MAX_LENGTH = 60_000;
/** Room kept for the closing note. */
const RESERVE = 300;

const words = (text: string | null | undefined) => (text ?? 'no figure').replace(/-/g, ' ');

function shortLabel(change: FieldChange): string | null {
  const field = change.field === 'firstResponse' ? 'first response' : change.field;
  switch (change.code) {
    case 'slipped': return `slipped by ${plural(change.days ?? 0, 'day')}`;
    case 'pulled-in': return `pulled in by ${plural(change.days ?? 0, 'day')}`;
    case 'invalid': return 'not compared (has errors)';
    case 'tightened':
    case 'relaxed': return `${field} ${change.code}`;
    case 'field-changed': return `${field} changed`;
    case 'status-changed': return null;
    default: return words(change.code);
  }
}

function sideWarning(name: 'base' | 'head', side: SideSummary): string[] {
  if (side.strategyFiles === 0) return [`> The ${name} (${escapeMarkdown(side.label)}) has no strategy files.`, ''];
  if (side.errors === 0) return [];
  const consequence = side.comparable ? 'Items with errors are left out; the rest is compared.' : 'It has no usable Workspace, so nothing is compared item by item.';
  const lines = side.firstErrors.map((d) => `> - ${codeSpan(`${d.file}:${d.line}:${d.column}`)} ${escapeMarkdown(d.message)}`);
  if (side.errors > side.firstErrors.length) lines.push(`> - and ${side.errors - side.firstErrors.length} more`);
  const count = `${side.errors} error${side.errors === 1 ? '' : 's'}`;
  return ['> [!WARNING]', `> The ${name} strategy (${escapeMarkdown(side.label)}) does not pass check: ${count}. ${consequence}`, ...lines, ''];
}

function sideName(side: SideSummary): string {
  return side.commit ? `${escapeMarkdown(side.label)} (${codeSpan(side.commit.slice(0, 12))})` : `the ${escapeMarkdown(side.label)}`;
}

function titleCell(item: ItemDiff): string {
  const title = item.title.length > 100 ? `${item.title.slice(0, 99)}…` : item.title;
  return `${codeSpan(item.id)} ${escapeMarkdown(title)}`;
}

function detailEntry(item: ItemDiff, asOf: string | null): string[] {
  const where = item.file.after ?? item.file.before;
  const lines = item.changes.map((c) => `- ${escapeMarkdown(c.message)}`);
  const status = item.status;
  if (status && asOf && !item.changes.some((c) => c.code === 'status-changed')) {
    const text = item.change === 'changed' ? `${words(status.after)}, unchanged` : words(status.after ?? status.before);
    lines.push(`- status at ${asOf}: ${text}`);
  }
  return [`**${titleCell(item)}**${where ? ` in ${codeSpan(where)}` : ''}`, '', ...lines, ''];
}

function render(diff: StrategyDiff, details: boolean, maxLength: number): string {
  const summary = summaryLine(diff);
  // "Strategy changes: 2 goals changed", but not "Strategy changes: No strategy changes".
  const heading = /^(No strategy changes|Strategies not compared)/.test(summary) ? summary : `Strategy changes: ${summary}`;
  const out = [MARKDOWN_MARKER, `### ${escapeMarkdown(heading)}`, ''];
  out.push(`Compared ${sideName(diff.base)} with ${sideName(diff.head)}${diff.asOf ? `; statuses as of ${diff.asOf}, on the same data` : ''}.`, '');
  out.push(...sideWarning('base', diff.base), ...sideWarning('head', diff.head));
  let used = out.join('\n').length;
  let omitted = 0;
  const fits = (lines: string[]) => {
    const size = lines.join('\n').length + 1;
    if (used + size > maxLength - RESERVE) return false;
    used += size;
    return true;
  };
  for (const kind of KINDS) {
    const items = diff.items.filter((item) => item.kind === kind);
    if (items.length === 0) continue;
    const withStatus = kind === 'Goal' && diff.asOf !== null;
    const [one, many] = KIND_NOUNS[kind];
    const section = [`#### ${many[0]!.toUpperCase()}${many.slice(1)} (${items.length})`, '', `| ${one[0]!.toUpperCase()}${one.slice(1)} | Changes |${withStatus ? ' Status |' : ''}`, `|---|---|${withStatus ? '---|' : ''}`];
    if (!fits(section)) {
      omitted += items.length;
      continue;
    }
    for (const item of items) {
      const labels = [...new Set(item.changes.map(shortLabel).filter((l): l is string => l !== null))];
      const status = item.status ? (item.status.before === item.status.after ? words(item.status.after) : `${words(item.status.before)} → ${words(item.status.after)}`) : '';
      const row = `| ${titleCell(item)} | ${labels.map(escapeMarkdown).join(', ')} |${withStatus ? ` ${status} |` : ''}`;
      if (fits([row])) section.push(row);
      else omitted++;
    }
    section.push('');
    if (details) section.push(`<details><summary>Every change to ${many}</summary>`, '', ...items.flatMap((item) => detailEntry(item, diff.asOf)), '</details>', '');
    out.push(...section);
  }
  if (omitted > 0) out.push(`_${omitted} more ${omitted === 1 ? 'item is' : 'items are'} not shown here; run \`goalpost diff --format json\` for all of them._`, '');
  return out.join('\n');
}

export function formatDiffMarkdown(diff: StrategyDiff, options: { maxLength?: number } = {}): string {
  const maxLength = options.maxLength ?? DEFAULT_MAX_LENGTH;
  const full = render(diff, true, Number.POSITIVE_INFINITY);
  return full.length <= maxLength ? full : render(diff, false, maxLength);
}
