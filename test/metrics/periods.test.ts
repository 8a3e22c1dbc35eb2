// Period forms (FORMAT.md section 4) and the date helpers under them (src/util/dates.ts).
import { describe, expect, it } from 'vitest';
import { explainBadPeriod, parsePeriod, periodLabel, shiftPeriodEnd } from '../../src/metrics/periods.ts';
import {
  addDays,
  daysBetween,
  fromDayNumber,
  isValidIsoDate,
  isoWeeksInYear,
  quarterOf,
  quarterRange,
  toDayNumber,
} from '../../src/util/dates.ts';

describe('date helpers', () => {
  it('counts days from 1970-01-01 both ways', () => {
    expect(toDayNumber('1970-01-01')).toBe(0);
    expect(toDayNumber('1969-12-31')).toBe(-1);
    expect(toDayNumber('2000-03-01')).toBe(11017);
    for (const iso of ['1600-02-29', '1900-03-01', '2024-02-29', '2026-12-31', '9999-12-31']) {
      expect(fromDayNumber(toDayNumber(iso))).toBe(iso);
    }
  });

  it('agrees with Date.UTC over a long stretch', () => {
    for (let day = -40000; day < 40000; day += 37) {
      expect(fromDayNumber(day)).toBe(new Date(day * 86_400_000).toISOString().slice(0, 10));
    }
  });

  it('validates calendar dates', () => {
    expect(isValidIsoDate('2024-02-29')).toBe(true);
    expect(isValidIsoDate('2026-02-29')).toBe(false);
    expect(isValidIsoDate('1900-02-29')).toBe(false);
    expect(isValidIsoDate('2026-04-31')).toBe(false);
    expect(isValidIsoDate('2026-4-1')).toBe(false);
    expect(() => toDayNumber('2026-13-01')).toThrow(RangeError);
  });

  it('adds and counts whole days', () => {
    expect(addDays('2026-02-27', 2)).toBe('2026-03-01');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(daysBetween('2026-03-31', '2026-06-30')).toBe(91);
    expect(daysBetween('2026-06-30', '2026-03-31')).toBe(-91);
  });

  it('names fiscal quarters after the calendar year they start in', () => {
    expect(quarterOf('2026-05-15', 1)).toBe('2026-Q2');
    expect(quarterOf('2026-04-01', 4)).toBe('2026-Q1');
    expect(quarterOf('2027-03-31', 4)).toBe('2026-Q4');
    expect(quarterOf('2026-03-31', 4)).toBe('2025-Q4');
    expect(quarterOf('2026-12-01', 10)).toBe('2026-Q1');
    expect(quarterRange('2026-Q1', 4)).toEqual({ start: '2026-04-01', end: '2026-06-30' });
    expect(quarterRange('2026-Q4', 4)).toEqual({ start: '2027-01-01', end: '2027-03-31' });
    expect(quarterRange('2026-Q1', 1)).toEqual({ start: '2026-01-01', end: '2026-03-31' });
    expect(quarterRange('2026-Q5', 1)).toBeNull();
  });

  it('knows which ISO years have 53 weeks', () => {
    expect(isoWeeksInYear(2020)).toBe(53);
    expect(isoWeeksInYear(2015)).toBe(53);
    expect(isoWeeksInYear(2021)).toBe(52);
    expect(isoWeeksInYear(2026)).toBe(53);
  });
});

describe('parsePeriod', () => {
  it.each([
    ['2026-04-07', 'day', '2026-04-07', '2026-04-07'],
    ['2026-W15', 'week', '2026-04-06', '2026-04-12'],
    ['2026-W01', 'week', '2025-12-29', '2026-01-04'],
    ['2020-W53', 'week', '2020-12-28', '2021-01-03'],
    ['2026-04', 'month', '2026-04-01', '2026-04-30'],
    ['2024-02', 'month', '2024-02-01', '2024-02-29'],
    ['2026-02', 'month', '2026-02-01', '2026-02-28'],
    ['2026-12', 'month', '2026-12-01', '2026-12-31'],
    ['2026-Q2', 'quarter', '2026-04-01', '2026-06-30'],
  ])('%s is a %s from %s to %s', (text, granularity, start, end) => {
    expect(parsePeriod(text, 1)).toEqual({ granularity, start, end, endDay: toDayNumber(end) });
  });

  it('counts quarters from the fiscal year start', () => {
    expect(parsePeriod('2026-Q1', 4)).toMatchObject({ start: '2026-04-01', end: '2026-06-30' });
    expect(parsePeriod('2026-Q4', 4)).toMatchObject({ start: '2027-01-01', end: '2027-03-31' });
  });

  it.each(['2021-W53', '2026-W00', '2026-W54', '2026-13', '2026-00', '2026-02-29', '2026-04-31', '2026-Q0', '2026-Q5',
    '2026-w15', '2026-4', 'April 2026', '', ' 2026-04'])('rejects %j', (text) => {
    expect(parsePeriod(text, 1)).toBeNull();
  });

  it('explains why a period is rejected', () => {
    expect(explainBadPeriod('2021-W53')).toBe('2021 has 52 ISO weeks, so "2021-W53" does not exist');
    expect(explainBadPeriod('2026-02-30')).toBe('"2026-02-30" is not a calendar date');
    expect(explainBadPeriod('2026-13')).toBe('"2026-13" is not a calendar month');
    expect(explainBadPeriod('n/a')).toBe('"n/a" is not a day, ISO week, month or quarter');
    expect(explainBadPeriod('')).toBe('the period cell is empty');
  });

  it('rebuilds every label from its granularity and end day', () => {
    for (const text of ['2026-04-07', '2026-W15', '2026-W01', '2020-W53', '2026-04', '2026-Q2', '2026-Q4']) {
      const period = parsePeriod(text, 4)!;
      expect(periodLabel(period.granularity, period.endDay, 4)).toBe(text);
    }
  });

  it('steps period ends by calendar periods', () => {
    const day = (iso: string) => toDayNumber(iso);
    expect(fromDayNumber(shiftPeriodEnd(day('2026-04-07'), 'day', 2))).toBe('2026-04-09');
    expect(fromDayNumber(shiftPeriodEnd(day('2026-04-12'), 'week', 2))).toBe('2026-04-26');
    expect(fromDayNumber(shiftPeriodEnd(day('2025-12-31'), 'month', 2))).toBe('2026-02-28');
    expect(fromDayNumber(shiftPeriodEnd(day('2026-03-31'), 'quarter', 2))).toBe('2026-09-30');
  });
});
