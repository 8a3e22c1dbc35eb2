// Number and rating cells of a ticket export (TICKETS.md 7.1). Minutes are a plain decimal
// (a fraction allowed); reopens and replies a whole number; a minus sign is read so that
// negative minutes can be told apart (ticket-order) from text that is no number (ticket-value).
// A CSAT cell is good/bad (any case, optionally "with comment") or a whole 1-5 (4 and 5 good).

/** Missing rating. */
export const NO_RATING = -1;
/** A number that is not a rating (0, 7, 4.5): reported, unlike text such as `offered`. */
export const BAD_RATING = -2;

const NUMBER = /^-?(?:\d+(?:\.\d*)?|\.\d+)$/;

/** A decimal number such as `12`, `12.5` or `-3`, else NaN. No exponent, no separators. */
export function parseDecimal(text: string): number {
  return parseDecimalAt(text, 0, text.length);
}

/** parseDecimal of text[start, end), read where it lies. */
export function parseDecimalAt(text: string, start: number, end: number): number {
  // Whole minutes are most cells: read their digits directly.
  const length = end - start;
  if (length > 0 && length <= 15) {
    let value = 0;
    let i = start;
    for (; i < end; i++) {
      const digit = text.charCodeAt(i) - 48;
      if (digit < 0 || digit > 9) break;
      value = value * 10 + digit;
    }
    if (i === end) return value;
  }
  const cell = text.slice(start, end);
  return NUMBER.test(cell) ? Number(cell) : Number.NaN;
}

/** A whole number from 0 to 2^31 - 1, else NaN (a negative or fractional count is not a count). */
export function parseCount(text: string): number {
  return parseCountAt(text, 0, text.length);
}

/** parseCount of text[start, end), read where it lies. */
export function parseCountAt(text: string, start: number, end: number): number {
  const length = end - start;
  if (length === 0 || length > 10) return Number.NaN;
  let value = 0;
  for (let i = start; i < end; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return Number.NaN;
    value = value * 10 + digit;
  }
  return value <= 0x7fffffff ? value : Number.NaN;
}

/** 1 good, 0 bad, NO_RATING, or BAD_RATING. `text` is trimmed. */
export function parseRating(text: string): number {
  const lower = text.toLowerCase();
  const word = lower.endsWith(' with comment') ? lower.slice(0, -13).trimEnd() : lower;
  if (word === 'good') return 1;
  if (word === 'bad') return 0;
  if (NUMBER.test(lower)) {
    const score = Number(lower);
    return score === 4 || score === 5 ? 1 : score === 1 || score === 2 || score === 3 ? 0 : BAD_RATING;
  }
  // Zendesk writes `Offered` and `Unoffered` for a survey not answered: no rating.
  return NO_RATING;
}

export function explainBadNumber(text: string, whole: boolean): string {
  if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(text)) return `${whole ? 'a count' : 'minutes'} cannot carry thousands separators`;
  if (/^\d+,\d+$/.test(text)) return 'a decimal comma is not read; write a decimal point';
  if (whole && NUMBER.test(text)) return text.startsWith('-') ? 'a count cannot be negative' : 'a count is a whole number';
  if (/^\d+:\d{2}(:\d{2})?$/.test(text)) return 'a duration written as hours:minutes is not read; write the minutes as a number';
  return 'it is not a number';
}
