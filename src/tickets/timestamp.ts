// Timestamp cells of a ticket export (TICKETS.md 7.1) -> epoch milliseconds. Accepted:
//   2026-04-07T09:15:00Z   2026-04-07T09:15:00+02:00   2026-04-07 09:15   2026-04-07 09:15:00
// that is a date, `T` or a space, HH:MM, optional :SS with an optional fraction, then
// optionally an offset (`Z`, `+02:00`, `+0200`, also `+02`) or `UTC`, with or without a space
// before it. Without an offset the time is local to the source's timezone. Read by char codes:
// an export of a million tickets has several million of these cells.
import { dayNumberOf, daysInMonth } from '../util/dates.ts';
import { MINUTE_MS, type ZoneCalendar } from './zone-calendar.ts';

const ZERO = 48;
const HOUR_MS = 3_600_000;

/** The value of the `count` digits at `at`, or -1 when one of them is no digit. */
function digits(text: string, at: number, count: number): number {
  let value = 0;
  for (let i = at; i < at + count; i++) {
    const code = text.charCodeAt(i) - ZERO;
    // Past the end charCodeAt gives NaN, which fails this test too.
    if (!(code >= 0 && code <= 9)) return -1;
    value = value * 10 + code;
  }
  return value;
}

/** Milliseconds to subtract for the offset written from `at` to the end, or NaN. */
function offsetAt(text: string, at: number): number {
  if (text.charCodeAt(at) === 32) at++;
  const rest = text.length - at;
  const sign = text.charCodeAt(at);
  if (rest === 1 && (sign === 90 || sign === 122)) return 0; // Z, z
  if (rest === 3 && text.slice(at).toUpperCase() === 'UTC') return 0;
  if (sign !== 43 && sign !== 45 && sign !== 0x2212) return Number.NaN; // +, -, minus sign
  const hours = digits(text, at + 1, 2);
  let minutes = 0;
  if (rest === 6 && text.charCodeAt(at + 3) === 58) minutes = digits(text, at + 4, 2);
  else if (rest === 5) minutes = digits(text, at + 3, 2);
  else if (rest !== 3) return Number.NaN;
  if (hours < 0 || hours > 23 || minutes < 0 || minutes > 59) return Number.NaN;
  return (sign === 43 ? 1 : -1) * (hours * HOUR_MS + minutes * MINUTE_MS);
}

/** The instant a timestamp cell (already trimmed, not empty) names, or NaN. */
export function parseTimestamp(text: string, calendar: ZoneCalendar): number {
  if (text.length < 16) return Number.NaN;
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 2);
  const day = digits(text, 8, 2);
  const separator = text.charCodeAt(10);
  if (year < 0 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45 || (separator !== 84 && separator !== 32)) return Number.NaN;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return Number.NaN;
  const hour = digits(text, 11, 2);
  const minute = digits(text, 14, 2);
  if (hour < 0 || hour > 23 || text.charCodeAt(13) !== 58 || minute < 0 || minute > 59) return Number.NaN;
  let ms = hour * HOUR_MS + minute * MINUTE_MS;
  let at = 16;
  if (text.charCodeAt(at) === 58) {
    const second = digits(text, at + 1, 2);
    if (second < 0 || second > 59) return Number.NaN;
    ms += second * 1000;
    at += 3;
    if (text.charCodeAt(at) === 46 || text.charCodeAt(at) === 44) {
      let end = at + 1;
      while (end < text.length && text.charCodeAt(end) >= ZERO && text.charCodeAt(end) <= ZERO + 9) end++;
      if (end === at + 1) return Number.NaN;
      // The fraction is kept whole (no rounding): .1234 s is 123.4 ms.
      ms += Number(`0.${text.slice(at + 1, end)}`) * 1000;
      at = end;
    }
  }
  const date = dayNumberOf(year, month, day);
  if (at === text.length) return calendar.instantOf(date, ms);
  const offset = offsetAt(text, at);
  return date * 86_400_000 + ms - offset;
}

/** Why a timestamp cell was not read, for ticket-value. */
export function explainBadTimestamp(text: string): string {
  if (/^\d{1,2}[/.]\d{1,2}[/.]\d{2,4}/.test(text)) return 'dates like this are read differently in different countries; timestamps are read as YYYY-MM-DD HH:MM';
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return 'it has a date but no time of day';
  const match = /^(\d{4})-(\d{2})-(\d{2})[T ]/.exec(text);
  if (match) {
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return `${match[1]}-${match[2]}-${match[3]} is not a calendar date`;
    return 'the time of day or the offset after the date cannot be read';
  }
  return 'it is not a timestamp';
}

export const TIMESTAMP_HINT =
  'Write timestamps as 2026-04-07 09:15 or 2026-04-07 09:15:00 (in the source\'s timezone), or with an offset: 2026-04-07T09:15:00Z, 2026-04-07T09:15:00+02:00, 2026-04-07 09:15 +0200.';
