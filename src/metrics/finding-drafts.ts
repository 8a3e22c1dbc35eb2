// Metric findings are drafted with a cell reference (file index, line, cell index) while the
// rows stream by; the character column of each referenced cell is recovered afterwards by one
// extra read of just the files that have findings (locate-cells.ts). When a file cannot be
// read again the column falls back to 1. Findings come back in file, line, column order.
import path from 'node:path';
import type { Finding } from '../diagnostics/diagnostic.ts';
import type { RuleCode } from '../diagnostics/rules.ts';
import type { FileSystem } from '../effects.ts';
import { locateCells } from './locate-cells.ts';
import { compareText } from '../util/compare-text.ts';

export interface CellRef {
  /** Index into the ingestion's list of files. */
  file: number;
  line: number;
  /** 0-based cell index within the row. */
  cell: number;
}

export interface FindingDraft {
  code: RuleCode;
  message: string;
  hint?: string;
  at: CellRef;
  related?: { at: CellRef; message: string }[];
}

function cellRefsByFile(drafts: readonly FindingDraft[]): Map<number, Map<number, Set<number>>> {
  const byFile = new Map<number, Map<number, Set<number>>>();
  const want = (ref: CellRef): void => {
    let lines = byFile.get(ref.file);
    if (!lines) byFile.set(ref.file, (lines = new Map()));
    let cells = lines.get(ref.line);
    if (!cells) lines.set(ref.line, (cells = new Set()));
    cells.add(ref.cell);
  };
  for (const draft of drafts) {
    want(draft.at);
    for (const related of draft.related ?? []) want(related.at);
  }
  return byFile;
}

/** `files` are relative to the root with `/`, e.g. `data/monthly.csv`. */
export async function resolveDrafts(
  fs: FileSystem,
  root: string,
  files: readonly string[],
  drafts: readonly FindingDraft[],
): Promise<Finding[]> {
  const columns = new Map<number, Map<number, Map<number, number>>>();
  for (const [file, wanted] of cellRefsByFile(drafts)) {
    try {
      columns.set(file, await locateCells(fs.createReadStream(path.join(root, files[file]!)), wanted));
    } catch {
      // The first read already reported an unreadable file; positions fall back to column 1.
    }
  }
  const position = (ref: CellRef) => ({
    file: files[ref.file]!,
    line: ref.line,
    column: columns.get(ref.file)?.get(ref.line)?.get(ref.cell) ?? 1,
  });
  const findings = drafts.map((draft) => {
    const finding: Finding = { code: draft.code, message: draft.message, ...position(draft.at) };
    if (draft.hint !== undefined) finding.hint = draft.hint;
    if (draft.related) finding.related = draft.related.map((r) => ({ ...position(r.at), message: r.message }));
    return finding;
  });
  // Stable sort: findings of one cell keep the order they were drafted in.
  return findings.sort((a, b) => compareText(a.file, b.file) || a.line - b.line || a.column - b.column);
}
