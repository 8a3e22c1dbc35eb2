// A value that must appear once in a list inside one document (a team id in the Workspace, a
// decision id in a Review): duplicate-id at both places, each pointing at the other.
import type { Finding } from '../../diagnostics/diagnostic.ts';
import type { SourceDocument } from '../../parse/source-document.ts';

export interface ListDuplicateWords {
  /** The message at a later place, e.g. "another team has the id `billing`". */
  later: (value: string) => string;
  /** The message at the first place, e.g. "a second team has the id `billing`". */
  first: (value: string) => string;
  hint: string;
}

export function listDuplicates(source: SourceDocument, subject: { kind: string; id: string }, list: string, field: string, values: readonly string[], words: ListDuplicateWords): Finding[] {
  const findings: Finding[] = [];
  const first = new Map<string, number>();
  values.forEach((value, i) => {
    const earlier = first.get(value);
    if (earlier === undefined) {
      first.set(value, i);
      return;
    }
    const here = source.locate([list, i, field]);
    const there = source.locate([list, earlier, field]);
    findings.push({ code: 'duplicate-id', ...here, subject, message: words.later(value), hint: words.hint, related: [{ ...there, message: 'first here' }] });
    // The first place is reported once, beside the first repeat.
    if (values.indexOf(value, earlier + 1) === i) findings.push({ code: 'duplicate-id', ...there, subject, message: words.first(value), related: [{ ...here, message: 'again here' }] });
  });
  return findings;
}
