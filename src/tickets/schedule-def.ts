// Reads a Schedule as written (TICKETS.md 7.1) into minutes of the day per weekday and holiday
// day numbers, or says what is wrong with it. scheduleProblems is the check behind
// schedule-invalid, so that the rule and the arithmetic read a schedule the same way.
import { dayNumberOf, isValidIsoDate } from '../util/dates.ts';
import type { ScheduleDef, Weekday } from './types.ts';
import { isValidZone } from './zone-calendar.ts';

/** ISO weekday order: index 0 is Monday. */
export const WEEKDAYS: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

const INTERVAL = /^(\d{2}):(\d{2})-(\d{2}):(\d{2})$/;

export interface ScheduleProblem {
  /** Path inside the Schedule document, e.g. ['hours', 'wed', 1]. */
  path: (string | number)[];
  message: string;
}

export interface ParsedSchedule {
  timezone: string;
  /** Per weekday (0 = Monday), open intervals as [start, end) minute pairs, sorted. */
  week: Int32Array[];
  /** Day numbers closed all day. */
  holidays: Set<number>;
}

/** Minutes after midnight of `HH:MM`, or null; `24:00` only as an end. */
function minuteOf(hours: string, minutes: string, isEnd: boolean): number | null {
  const h = Number(hours);
  const m = Number(minutes);
  if (m > 59) return null;
  if (h === 24 && m === 0 && isEnd) return 1440;
  return h <= 23 ? h * 60 + m : null;
}

export function scheduleProblems(def: ScheduleDef): ScheduleProblem[] {
  return parseSchedule(def).problems;
}

/** The schedule, or null with the problems when it cannot be used. */
export function parseSchedule(def: ScheduleDef): { schedule: ParsedSchedule | null; problems: ScheduleProblem[] } {
  const problems: ScheduleProblem[] = [];
  if (!isValidZone(def.timezone)) {
    problems.push({ path: ['timezone'], message: `\`${def.timezone}\` is not an IANA time zone (such as Europe/Berlin or America/New_York)` });
  }
  for (const key of Object.keys(def.hours)) {
    if (!(WEEKDAYS as readonly string[]).includes(key)) problems.push({ path: ['hours', key], message: `\`${key}\` is not a weekday (mon, tue, wed, thu, fri, sat, sun)` });
  }
  const week = WEEKDAYS.map((weekday) => {
    const pairs: [number, number, number][] = [];
    (def.hours[weekday] ?? []).forEach((text, index) => {
      const match = INTERVAL.exec(text.trim());
      const start = match ? minuteOf(match[1]!, match[2]!, false) : null;
      const end = match ? minuteOf(match[3]!, match[4]!, true) : null;
      if (start === null || end === null) {
        problems.push({ path: ['hours', weekday, index], message: `\`${text}\` is not an interval HH:MM-HH:MM (such as 08:00-18:00; 24:00 may end one)` });
      } else if (start >= end) {
        problems.push({ path: ['hours', weekday, index], message: `\`${text}\` ends before it starts; an interval cannot run past midnight (write 22:00-24:00 on one day and 00:00-06:00 on the next)` });
      } else pairs.push([start, end, index]);
    });
    pairs.sort((a, b) => a[0] - b[0]);
    for (let i = 1; i < pairs.length; i++) {
      if (pairs[i]![0] < pairs[i - 1]![1]) {
        problems.push({ path: ['hours', weekday, pairs[i]![2]], message: `\`${def.hours[weekday]![pairs[i]![2]]}\` overlaps \`${def.hours[weekday]![pairs[i - 1]![2]]}\` on ${weekday}` });
      }
    }
    return Int32Array.from(pairs.flatMap(([start, end]) => [start, end]));
  });
  const holidays = new Set<number>();
  def.holidays.forEach((text, index) => {
    if (!isValidIsoDate(text)) problems.push({ path: ['holidays', index], message: `\`${text}\` is not a calendar date YYYY-MM-DD` });
    else holidays.add(dayNumberOf(Number(text.slice(0, 4)), Number(text.slice(5, 7)), Number(text.slice(8, 10))));
  });
  return { schedule: problems.length > 0 ? null : { timezone: def.timezone, week, holidays }, problems };
}
