// The periods of one KPI from a first to a last local day: each day's period as a small index,
// and each period's end day (which dates its point, as in FORMAT.md section 4) and label
// (2026-04-07, 2026-W15, 2026-04, 2026-Q2; quarters follow the fiscal year start).
import { periodLabel, shiftPeriodEnd } from '../metrics/periods.ts';
import type { Granularity } from '../metrics/types.ts';
import { civilOf, endOfMonthDay, isoWeekday } from '../util/dates.ts';

/** The end day of the period of `granularity` that holds `day`. */
export function periodEndOf(day: number, granularity: Granularity, fiscalYearStart: number): number {
  switch (granularity) {
    case 'day':
      return day;
    case 'week':
      return day + 7 - isoWeekday(day);
    case 'month': {
      const [year, month] = civilOf(day);
      return endOfMonthDay(year, month);
    }
    case 'quarter': {
      const [year, month] = civilOf(day);
      const intoQuarter = ((month - fiscalYearStart + 12) % 12) % 3;
      return endOfMonthDay(year, month, 2 - intoQuarter);
    }
  }
}

export class PeriodAxis {
  readonly granularity: Granularity;
  readonly endDays: Int32Array;
  private readonly fiscalYearStart: number;
  private readonly firstDay: number;
  /** index[day - firstDay]: the period index of that day. */
  private readonly index: Int32Array;
  private labels: (string | undefined)[] | undefined;

  /** firstDay ≤ lastDay. */
  constructor(granularity: Granularity, firstDay: number, lastDay: number, fiscalYearStart: number) {
    this.granularity = granularity;
    this.fiscalYearStart = fiscalYearStart;
    this.firstDay = firstDay;
    const ends: number[] = [];
    for (let end = periodEndOf(firstDay, granularity, fiscalYearStart); ; end = shiftPeriodEnd(end, granularity, 1)) {
      ends.push(end);
      if (end >= lastDay) break;
    }
    this.endDays = Int32Array.from(ends);
    this.index = new Int32Array(lastDay - firstDay + 1);
    let period = 0;
    for (let day = firstDay; day <= lastDay; day++) {
      while (day > ends[period]!) period++;
      this.index[day - firstDay] = period;
    }
  }

  get length(): number {
    return this.endDays.length;
  }

  /** The period index of a day within the axis. */
  indexOf(day: number): number {
    return this.index[day - this.firstDay]!;
  }

  /** The label of a period; made once per axis, so every scope's series shares the strings. */
  label(period: number): string {
    const labels = (this.labels ??= new Array<string | undefined>(this.endDays.length));
    return (labels[period] ??= periodLabel(this.granularity, this.endDays[period]!, this.fiscalYearStart));
  }
}
