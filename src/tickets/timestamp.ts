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

/** The value of the two digits at `at`, or -1 when one of them is no digit (or past the end). */
function twoDigits(text: string, at: number): number {
  const tens = text.charCodeAt(at) - ZERO;
  const ones = text.charCodeAt(at + 1) - ZERO;
  // Past the end charCodeAt gives NaN, which fails these tests too.
  return tens >= 0 && tens <= 9 && ones >= 0 && ones <= 9 ? tens * 10 + ones : -1;
}

/** Milliseconds to subtract for the offset written from `at` to the end, or NaN. */
function offsetAt(text: string, at: number): number {
  if (text.charCodeAt(at) === 32) at++;
  const rest = text.length - at;
  const sign = text.charCodeAt(at);
  if (rest === 1 && (sign === 90 || sign === 122)) return 0; // Z, z
  if (rest === 3 && text.slice(at).toUpperCase() === 'UTC') return 0;
  if (sign !== 43 && sign !== 45 && sign !== 0x2212) return Number.NaN; // +, -, minus sign
  const hours = twoDigits(text, at + 1);
  let minutes = 0;
  if (rest === 6 && text.charCodeAt(at + 3) === 58) minutes = twoDigits(text, at + 4);
  else if (rest === 5) minutes = twoDigits(text, at + 3);
  else if (rest !== 3) return Number.NaN;
  if (hours < 0 || hours > 23 || minutes < 0 || minutes > 59) return Number.NaN;
  return (sign === 43 ? 1 : -1) * (hours * HOUR_MS + minutes * MINUTE_MS);
}

/**
 * Reads the timestamp cells of one column. Exports run in time order, so a cell's date is
 * most often the date of the cell above it: the day number of the last date read is kept, and
 * a cell with the same date skips the calendar arithmetic.
 */
export class TimestampReader {
  private readonly calendar: ZoneCalendar;
  /** The last valid date read, as yyyymmdd, and its day number. */
  private lastDate = -1;
  private lastDay = 0;

  constructor(calendar: ZoneCalendar) {
    this.calendar = calendar;
  }

  /** The instant a timestamp cell (already trimmed, not empty) names, or NaN. */
  read(text: string): number {
    return this.readAt(text, 0, text.length);
  }

  /** read() of text[start, end), read where it lies (the rare offset other than Z is cut out to be read). */
  readAt(text: string, start: number, end: number): number {
    if (end - start < 16) return Number.NaN;
    const century = twoDigits(text, start);
    const yearOfCentury = twoDigits(text, start + 2);
    const month = twoDigits(text, start + 5);
    const day = twoDigits(text, start + 8);
    const separator = text.charCodeAt(start + 10);
    if (century < 0 || yearOfCentury < 0 || text.charCodeAt(start + 4) !== 45 || text.charCodeAt(start + 7) !== 45 || (separator !== 84 && separator !== 32)) return Number.NaN;
    if (month < 1 || day < 1) return Number.NaN;
    const year = century * 100 + yearOfCentury;
    const key = year * 10000 + month * 100 + day;
    let date = this.lastDay;
    if (key !== this.lastDate) {
      if (month > 12 || day > daysInMonth(year, month)) return Number.NaN;
      date = dayNumberOf(year, month, day);
      this.lastDate = key;
      this.lastDay = date;
    }
    const hour = twoDigits(text, start + 11);
    const minute = twoDigits(text, start + 14);
    if (hour < 0 || hour > 23 || text.charCodeAt(start + 13) !== 58 || minute < 0 || minute > 59) return Number.NaN;
    let ms = hour * HOUR_MS + minute * MINUTE_MS;
    let at = start + 16;
    // Past `end` (the rest of the row) nothing is read: each test below is bounded by it.
    if (at < end && text.charCodeAt(at) === 58) {
      const second = at + 2 < end ? twoDigits(text, at + 1) : -1;
      if (second < 0 || second > 59) return Number.NaN;
      ms += second * 1000;
      at += 3;
      if (at < end && (text.charCodeAt(at) === 46 || text.charCodeAt(at) === 44)) {
        let digitsEnd = at + 1;
        while (digitsEnd < end && text.charCodeAt(digitsEnd) >= ZERO && text.charCodeAt(digitsEnd) <= ZERO + 9) digitsEnd++;
        if (digitsEnd === at + 1) return Number.NaN;
        // The fraction is kept whole (no rounding): .1234 s is 123.4 ms.
        ms += Number(`0.${text.slice(at + 1, digitsEnd)}`) * 1000;
        at = digitsEnd;
      }
    }
    if (at === end) return this.calendar.instantOf(date, ms);
    // Most exports write UTC with a Z: no need to look further.
    if (at === end - 1 && text.charCodeAt(at) === 90) return date * 86_400_000 + ms;
    return date * 86_400_000 + ms - offsetAt(start === 0 && end === text.length ? text : text.slice(start, end), at - start);
  }
}

/** The instant a timestamp cell (already trimmed, not empty) names in `calendar`, or NaN. */
export function parseTimestamp(text: string, calendar: ZoneCalendar): number {
  return new TimestampReader(calendar).read(text);
}

/** Why a timestamp cell was not read, for ticket-value; '' when there is nothing to add to "not a timestamp". */
export function explainBadTimestamp(text: string): string {
  if (/^\d{1,2}[/.]\d{1,2}[/.]\d{2,4}/.test(text)) return 'dates like this are read differently in different countries; timestamps are read as YYYY-MM-DD HH:MM';
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return 'it has a date but no time of day';
  const match = /^(\d{4})-(\d{2})-(\d{2})[T ]/.exec(text);
  if (match) {
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return `${match[1]}-${match[2]}-${match[3]} is not a calendar date`;
    return 'the time of day or the offset after the date cannot be read';
  }
  return '';
}

export const TIMESTAMP_HINT =
  'Write timestamps as 2026-04-07 09:15 or 2026-04-07 09:15:00 (in the source\'s timezone), or with an offset: 2026-04-07T09:15:00Z, 2026-04-07T09:15:00+02:00, 2026-04-07 09:15 +0200.';
