// Free text (from YAML, or a sentence the site writes) cut into the parts the page marks up:
// `code` between backticks is shown as code, not as literal backticks, and ISO dates are kept
// on one line, as is a number with its unit. Plain data: Text.astro renders each part through
// Astro's escaping.
export interface TextPart {
  kind: 'text' | 'code' | 'date';
  text: string;
}

const DATE = /\b\d{4}-\d{2}-\d{2}\b/g;
/** "6.2 h", "95 %": a number and its unit stay on one line. */
const NUMBER_UNIT = /(\d) (?=(?:h|min|d)\b|%)/g;

const HAS_DATE = new RegExp(DATE.source);
const HAS_NUMBER_UNIT = new RegExp(NUMBER_UNIT.source);

function plain(text: string): TextPart {
  return { kind: 'text', text: text.replace(NUMBER_UNIT, '$1\u00a0') };
}

function dated(text: string, out: TextPart[]): void {
  let last = 0;
  for (const match of text.matchAll(DATE)) {
    if (match.index > last) out.push(plain(text.slice(last, match.index)));
    out.push({ kind: 'date', text: match[0] });
    last = match.index + match[0].length;
  }
  if (last < text.length) out.push(plain(text.slice(last)));
}

/**
 * Text that textParts would hand back as it is (no code, no date, no number with its unit):
 * a table cell can then be written without a Text component, which is most of a large site's
 * cells and a component instance each.
 */
export function isPlainText(text: string): boolean {
  // Patterns of their own: test() on a global pattern moves its lastIndex, where matchAll starts.
  return !text.includes('`') && !HAS_DATE.test(text) && !HAS_NUMBER_UNIT.test(text);
}

export function textParts(text: string): TextPart[] {
  const out: TextPart[] = [];
  // An odd backtick count leaves the last one as it is written.
  const pieces = text.split('`');
  const closed = pieces.length % 2 === 1 ? pieces.length : pieces.length - 1;
  for (let i = 0; i < pieces.length; i++) {
    const piece = pieces[i]!;
    if (i >= closed) dated(`\`${piece}`, out);
    else if (i % 2 === 1) out.push({ kind: 'code', text: piece });
    else if (piece) dated(piece, out);
  }
  return out;
}
