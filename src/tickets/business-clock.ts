// Business time in one Schedule (TICKETS.md 7.1): the time between two instants that falls in
// open intervals of non-holiday days, and adding such a duration to an instant.
// Days are walked, never minutes: each local day's open intervals are turned into instants
// once (with the zone's "compatible" rule, so a 24:00 end is the next local midnight and the
// hours a transition skips or repeats count as the instants they are), and kept in a dense
// table with a running total. Business time up to an instant is then the total before its day
// plus a few intervals, and adding a duration is a binary search over the totals.
// Within one local day the intervals are merged (a transition can make two of them overlap as
// instants) and kept inside the day, so no instant is counted twice.
import { isoWeekday } from '../util/dates.ts';
import type { ParsedSchedule } from './schedule-def.ts';
import { MINUTE_MS, ZoneCalendar } from './zone-calendar.ts';

/** Days of table built beyond those asked for, so that neighbouring tickets reuse it. */
const MARGIN_DAYS = 32;
/** How far ahead `add` looks for enough open time before it gives up (a schedule open never). */
const MAX_SEARCH_DAYS = 366 * 50;

export class BusinessClock {
  readonly calendar: ZoneCalendar;
  private readonly week: readonly Int32Array[];
  private readonly holidays: ReadonlySet<number>;
  private readonly opensEachWeek: boolean;
  /** Day number of the table's first day, and how many days it holds. */
  private first = 0;
  private days = 0;
  /** Day i's intervals are bounds[offsets[i] .. offsets[i+1]), as start, end pairs. */
  private offsets = new Int32Array(1);
  private bounds = new Float64Array(0);
  /** totals[i]: business milliseconds of the table's days before day i. */
  private totals = new Float64Array(1);

  /** `calendar`: the schedule's zone, when the caller already has it (its table of midnights is shared). */
  constructor(schedule: ParsedSchedule, calendar = new ZoneCalendar(schedule.timezone)) {
    this.calendar = calendar;
    this.week = schedule.week;
    this.holidays = schedule.holidays;
    this.opensEachWeek = schedule.week.some((pairs) => pairs.length > 0);
  }

  /** Business milliseconds from `a` to `b` (negative when b is before a). */
  between(a: number, b: number): number {
    if (b < a) return -this.between(b, a);
    if (!(a <= b)) return Number.NaN;
    const dayA = this.calendar.localDay(a);
    const dayB = this.calendar.localDay(b);
    this.ensure(dayA, dayB);
    return this.upTo(b, dayB) - this.upTo(a, dayA);
  }

  /**
   * The earliest instant t ≥ a whose business time from a is `ms` (a itself for 0); Infinity
   * when the schedule has no open time at all.
   */
  add(a: number, ms: number): number {
    if (!(ms > 0)) return ms === 0 || ms < 0 ? a : Number.NaN;
    if (!this.opensEachWeek || Number.isNaN(a)) return Number.isNaN(a) ? Number.NaN : Number.POSITIVE_INFINITY;
    const dayA = this.calendar.localDay(a);
    this.ensure(dayA, dayA + 7);
    for (;;) {
      // Growing the table may move its first day, so the target is taken afresh each time.
      const target = this.upTo(a, dayA) + ms;
      if (this.totals[this.days]! >= target) return this.instantAt(dayA - this.first, target);
      const lastDay = this.first + this.days - 1;
      if (lastDay - dayA > MAX_SEARCH_DAYS) return Number.POSITIVE_INFINITY;
      this.ensure(dayA, lastDay + this.days);
    }
  }

  /** Business milliseconds from the table's first day to `t`, which lies on local day `day`. */
  private upTo(t: number, day: number): number {
    const index = day - this.first;
    let total = this.totals[index]!;
    const end = this.offsets[index + 1]!;
    for (let k = this.offsets[index]!; k < end; k += 2) {
      const start = this.bounds[k]!;
      if (t <= start) break;
      total += Math.min(t, this.bounds[k + 1]!) - start;
    }
    return total;
  }

  /** The earliest instant, on day index `from` or later, at which the running total reaches `target`. */
  private instantAt(from: number, target: number): number {
    // Most targets (an SLA's hours or days) are reached within a few days of `from`: those days
    // are tried first, one by one, and only then the rest searched by halves.
    let low = from;
    const near = Math.min(from + 8, this.days - 1);
    while (low < near && this.totals[low + 1]! < target) low++;
    let high = this.days - 1;
    if (low === near) {
      while (low < high) {
        const middle = (low + high) >>> 1;
        if (this.totals[middle + 1]! >= target) high = middle;
        else low = middle + 1;
      }
    }
    let rest = target - this.totals[low]!;
    const end = this.offsets[low + 1]!;
    let last = Number.NaN;
    for (let k = this.offsets[low]!; k < end; k += 2) {
      const start = this.bounds[k]!;
      last = this.bounds[k + 1]!;
      if (rest <= last - start) return start + rest;
      rest -= last - start;
    }
    // Only a rounding error in the totals gets here: the day's last end is the answer.
    return last;
  }

  /** Makes the table cover local days `low` to `high`. */
  private ensure(low: number, high: number): void {
    const end = this.first + this.days;
    if (this.days > 0 && low >= this.first && high < end) return;
    let first = low - MARGIN_DAYS;
    let last = high + MARGIN_DAYS;
    if (this.days > 0) {
      // Grow by doubling at least, so that walking far ahead costs few rebuilds.
      first = Math.min(first, this.first, low < this.first ? this.first - this.days : this.first);
      last = Math.max(last, end - 1, high >= end ? end - 1 + this.days : end - 1);
    }
    this.build(first, last - first + 1);
  }

  private build(first: number, days: number): void {
    const offsets = new Int32Array(days + 1);
    const totals = new Float64Array(days + 1);
    const bounds: number[] = [];
    for (let i = 0; i < days; i++) {
      const open = this.openIntervals(first + i);
      let sum = 0;
      for (let k = 0; k < open.length; k += 2) sum += open[k + 1]! - open[k]!;
      bounds.push(...open);
      offsets[i + 1] = bounds.length;
      totals[i + 1] = totals[i]! + sum;
    }
    this.first = first;
    this.days = days;
    this.offsets = offsets;
    this.totals = totals;
    this.bounds = Float64Array.from(bounds);
  }

  /** A day's open intervals as instants: sorted, merged, and inside the day. */
  private openIntervals(day: number): number[] {
    if (this.holidays.has(day)) return [];
    const pairs = this.week[isoWeekday(day) - 1]!;
    if (pairs.length === 0) return [];
    const dayStart = this.calendar.dayStart(day);
    const dayEnd = this.calendar.dayStart(day + 1);
    const instants: [number, number][] = [];
    for (let k = 0; k < pairs.length; k += 2) {
      const start = Math.max(dayStart, this.calendar.instantOf(day, pairs[k]! * MINUTE_MS));
      const end = Math.min(dayEnd, this.calendar.instantOf(day, pairs[k + 1]! * MINUTE_MS));
      if (end > start) instants.push([start, end]);
    }
    // Only a transition can put intervals out of order (a start in a gap moves forward).
    instants.sort((a, b) => a[0] - b[0]);
    const merged: number[] = [];
    for (const [start, end] of instants) {
      const last = merged.length - 1;
      if (last > 0 && start <= merged[last]!) merged[last] = Math.max(merged[last]!, end);
      else merged.push(start, end);
    }
    return merged;
  }
}
