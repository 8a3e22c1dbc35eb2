// The four period forms of a metric CSV (FORMAT.md section 4): day `2026-04-07`, ISO week
// `2026-W15`, month `2026-04`, fiscal quarter `2026-Q2`. Only these exact spellings are periods,
// so a period's label can always be rebuilt from its granularity and end day (see periodLabel).
import {
  civilOf,
  dayNumberOf,
  daysInMonth,
  endOfMonthDay,
  fromDayNumber,
  isoWeekLabel,
  isoWeekMonday,
  isoWeeksInYear,
  monthLabel,
  quarterOf,
  quarterRange,
  toDayNumber,
} from '../util/dates.ts';
import { showCell } from './show-cell.ts';
import type { Granularity, ParsedPeriod } from './types.ts';

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const WEEK = /^(\d{4})-W(\d{2})$/;
const MONTH = /^(\d{4})-(\d{2})$/;
export const QUARTER = /^(\d{4})-Q([1-4])$/;

function period(granularity: Granularity, startDay: number, endDay: number): ParsedPeriod {
  return { granularity, start: fromDayNumber(startDay), end: fromDayNumber(endDay), endDay };
}

export function parsePeriod(text: string, fiscalYearStart: number): ParsedPeriod | null {
  let match = DAY.exec(text);
  if (match) {
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
    const dayNumber = dayNumberOf(year, month, day);
    return period('day', dayNumber, dayNumber);
  }
  match = WEEK.exec(text);
  if (match) {
    const monday = isoWeekMonday(Number(match[1]), Number(match[2]));
    return monday === null ? null : period('week', monday, monday + 6);
  }
  match = MONTH.exec(text);
  if (match) {
    const [year, month] = [Number(match[1]), Number(match[2])];
    if (month < 1 || month > 12) return null;
    return period('month', dayNumberOf(year, month, 1), endOfMonthDay(year, month));
  }
  if (QUARTER.test(text)) {
    const range = quarterRange(text, fiscalYearStart)!;
    return period('quarter', toDayNumber(range.start), toDayNumber(range.end));
  }
  return null;
}

/** The canonical label of the period of `granularity` that ends on `endDay`. */
export function periodLabel(granularity: Granularity, endDay: number, fiscalYearStart: number): string {
  switch (granularity) {
    case 'day':
      return fromDayNumber(endDay);
    case 'week':
      return isoWeekLabel(endDay);
    case 'month': {
      const [year, month] = civilOf(endDay);
      return monthLabel(year, month);
    }
    case 'quarter':
      return quarterOf(fromDayNumber(endDay), fiscalYearStart);
  }
}

/** The label of each end day's period, for a series' `periods`. */
export function periodLabels(granularity: Granularity, endDays: Int32Array, fiscalYearStart: number): string[] {
  return Array.from(endDays, (day) => periodLabel(granularity, day, fiscalYearStart));
}

/** End day of the period `count` periods after the one ending on `endDay`. */
export function shiftPeriodEnd(endDay: number, granularity: Granularity, count: number): number {
  if (granularity === 'day') return endDay + count;
  if (granularity === 'week') return endDay + 7 * count;
  const [year, month] = civilOf(endDay);
  return endOfMonthDay(year, month, granularity === 'month' ? count : 3 * count);
}

export const GRANULARITY_NOUN: Record<Granularity, string> = {
  day: 'daily',
  week: 'weekly',
  month: 'monthly',
  quarter: 'quarterly',
};

/** Why a period cell is not a period, in the user's terms (for metric-period messages). */
export function explainBadPeriod(text: string): string {
  const shown = showCell(text);
  if (text === '') return 'the period cell is empty';
  let match = WEEK.exec(text);
  if (match) {
    const year = Number(match[1]);
    return `${year} has ${isoWeeksInYear(year)} ISO weeks, so ${shown} does not exist`;
  }
  if (DAY.test(text)) return `${shown} is not a calendar date`;
  if (MONTH.test(text)) return `${shown} is not a calendar month`;
  return `${shown} is not a day, ISO week, month or quarter`;
}
