// Calendar arithmetic on ISO dates (`YYYY-MM-DD`, no time zone) in the proleptic Gregorian
// calendar. Day numbers count days since 1970-01-01 (negative before). Pure integer math with
// no Date objects, so it is fast enough for the metric hot path and free of time-zone drift.
// Quarters honour the fiscal year start month; a fiscal year is named after the calendar year
// it starts in (fiscalYearStart 4: 2026-Q1 = April-June 2026, 2026-Q4 = January-March 2027).
// Dates are plain strings here (util depends on no other layer); model's IsoDate is the same type.
type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const QUARTER_LABEL = /^(\d{4})-Q([1-4])$/;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Day number of a calendar date (month 1-12); the era arithmetic follows H. Hinnant's algorithm. */
export function dayNumberOf(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/** [year, month 1-12, day 1-31] of a day number. */
export function civilOf(dayNumber: number): [number, number, number] {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1;
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  return [yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day];
}

export function isValidIsoDate(text: string): boolean {
  const match = ISO_DATE.exec(text);
  if (!match) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** Days since 1970-01-01. Throws RangeError on a malformed date: callers pass validated dates. */
export function toDayNumber(iso: IsoDate): number {
  if (!isValidIsoDate(iso)) throw new RangeError(`not an ISO calendar date: ${iso}`);
  return dayNumberOf(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10)));
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));
const pad4 = (n: number): string => String(n).padStart(4, '0');

export function fromDayNumber(dayNumber: number): IsoDate {
  const [year, month, day] = civilOf(dayNumber);
  return `${pad4(year)}-${pad2(month)}-${pad2(day)}`;
}

export function monthLabel(year: number, month: number): string {
  return `${pad4(year)}-${pad2(month)}`;
}

export function addDays(iso: IsoDate, days: number): IsoDate {
  return fromDayNumber(toDayNumber(iso) + days);
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return toDayNumber(to) - toDayNumber(from);
}

/** Day number of the last day of the month `months` after (year, month); months may be negative. */
export function endOfMonthDay(year: number, month: number, months = 0): number {
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  return dayNumberOf(y, m, daysInMonth(y, m));
}

/** Fiscal quarter label (`2026-Q2`) of a date. */
export function quarterOf(iso: IsoDate, fiscalYearStart: number): string {
  const year = Number(iso.slice(0, 4));
  const month = Number(iso.slice(5, 7));
  const offset = (month - fiscalYearStart + 12) % 12;
  const fiscalYear = month >= fiscalYearStart ? year : year - 1;
  return `${pad4(fiscalYear)}-Q${Math.floor(offset / 3) + 1}`;
}

/** First and last day of a fiscal quarter label; null when the label is not `YYYY-Qn`. */
export function quarterRange(label: string, fiscalYearStart: number): { start: IsoDate; end: IsoDate } | null {
  const match = QUARTER_LABEL.exec(label);
  if (!match) return null;
  const firstMonthIndex = Number(match[1]) * 12 + (fiscalYearStart - 1) + (Number(match[2]) - 1) * 3;
  const year = Math.floor(firstMonthIndex / 12);
  const month = firstMonthIndex - year * 12 + 1;
  return {
    start: fromDayNumber(dayNumberOf(year, month, 1)),
    end: fromDayNumber(endOfMonthDay(year, month, 2)),
  };
}

/** ISO weekday, Monday 1 to Sunday 7 (1970-01-01 was a Thursday). */
export function isoWeekday(dayNumber: number): number {
  return ((((dayNumber + 3) % 7) + 7) % 7) + 1;
}

/** ISO years have 53 weeks when they start on a Thursday, or on a Wednesday in a leap year. */
export function isoWeeksInYear(year: number): 52 | 53 {
  const jan1 = isoWeekday(dayNumberOf(year, 1, 1));
  return jan1 === 4 || (jan1 === 3 && isLeapYear(year)) ? 53 : 52;
}

/** Day number of the Monday of ISO week `week` of `year`, or null when the week does not exist. */
export function isoWeekMonday(year: number, week: number): number | null {
  if (week < 1 || week > isoWeeksInYear(year)) return null;
  const jan4 = dayNumberOf(year, 1, 4);
  return jan4 - (isoWeekday(jan4) - 1) + (week - 1) * 7;
}

/** ISO week label (`2026-W15`) of a day: the week belongs to the year of its Thursday. */
export function isoWeekLabel(dayNumber: number): string {
  const thursday = dayNumber + 4 - isoWeekday(dayNumber);
  const [year] = civilOf(thursday);
  const week = Math.floor((thursday - dayNumberOf(year, 1, 1)) / 7) + 1;
  return `${pad4(year)}-W${pad2(week)}`;
}
