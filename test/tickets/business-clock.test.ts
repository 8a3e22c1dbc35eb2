// Business time (TICKETS.md 7.1): hand-computed spans across weekends, holidays, lunch breaks,
// 24:00 ends and both daylight-saving changes, and the two laws every schedule obeys.
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { BusinessClock } from '../../src/tickets/business-clock.ts';
import { parseSchedule, scheduleProblems } from '../../src/tickets/schedule-def.ts';
import type { ScheduleDef } from '../../src/tickets/types.ts';
import { ZoneCalendar } from '../../src/tickets/zone-calendar.ts';

const MINUTE = 60_000;
const t = (iso: string) => Date.parse(iso);
const iso = (ms: number) => new Date(ms).toISOString();

function clock(hours: ScheduleDef['hours'], timezone = 'UTC', holidays: string[] = []): BusinessClock {
  const { schedule, problems } = parseSchedule({ id: 's', timezone, hours, holidays });
  expect(problems).toEqual([]);
  return new BusinessClock(schedule!);
}

const WEEKDAYS_9_TO_5 = { mon: ['09:00-17:00'], tue: ['09:00-17:00'], wed: ['09:00-17:00'], thu: ['09:00-17:00'], fri: ['09:00-17:00'] };
const minutesBetween = (c: BusinessClock, a: string, b: string) => c.between(t(a), t(b)) / MINUTE;

describe('business time between two instants', () => {
  it('skips a weekend: Friday 16:00 to Monday 10:00 is one hour each side', () => {
    expect(minutesBetween(clock(WEEKDAYS_9_TO_5), '2026-04-10T16:00:00Z', '2026-04-13T10:00:00Z')).toBe(120);
  });

  it('skips a holiday: with Monday closed, Friday 16:00 to Tuesday 10:00 is still two hours', () => {
    const c = clock(WEEKDAYS_9_TO_5, 'UTC', ['2026-04-13']);
    expect(minutesBetween(c, '2026-04-10T16:00:00Z', '2026-04-14T10:00:00Z')).toBe(120);
    expect(minutesBetween(c, '2026-04-13T09:00:00Z', '2026-04-13T17:00:00Z')).toBe(0);
  });

  it('skips a lunch break: 12:00 to 14:00 around 12:30-13:30 is one hour', () => {
    const c = clock({ wed: ['08:00-12:30', '13:30-18:00'] });
    expect(minutesBetween(c, '2026-04-08T12:00:00Z', '2026-04-08T14:00:00Z')).toBe(60);
    expect(minutesBetween(c, '2026-04-08T12:40:00Z', '2026-04-08T13:20:00Z')).toBe(0);
  });

  it('runs to midnight with a 24:00 end and on into the next day', () => {
    const c = clock({ sat: ['20:00-24:00'], sun: ['00:00-02:00'] });
    expect(minutesBetween(c, '2026-04-11T22:00:00Z', '2026-04-12T01:00:00Z')).toBe(180);
  });

  it('is zero for an instant and itself, and negative backwards', () => {
    const c = clock(WEEKDAYS_9_TO_5);
    expect(minutesBetween(c, '2026-04-08T10:00:00Z', '2026-04-08T10:00:00Z')).toBe(0);
    expect(minutesBetween(c, '2026-04-08T11:00:00Z', '2026-04-08T10:00:00Z')).toBe(-60);
  });

  it('counts the instants in the zone: a Berlin day open 08:00-18:00 is 06:00-16:00 UTC in summer', () => {
    const c = clock({ tue: ['08:00-18:00'] }, 'Europe/Berlin');
    expect(minutesBetween(c, '2026-04-07T00:00:00Z', '2026-04-08T00:00:00Z')).toBe(600);
    expect(minutesBetween(c, '2026-04-07T15:00:00Z', '2026-04-07T17:00:00Z')).toBe(60);
  });
});

describe('daylight-saving changes', () => {
  const allSunday = { sun: ['00:00-24:00'] };

  it.each([
    ['America/New_York', 'spring', '2026-03-08T05:00:00Z', '2026-03-09T04:00:00Z', 23 * 60],
    ['America/New_York', 'autumn', '2026-11-01T04:00:00Z', '2026-11-02T05:00:00Z', 25 * 60],
    ['Europe/London', 'spring', '2026-03-29T00:00:00Z', '2026-03-29T23:00:00Z', 23 * 60],
    ['Europe/London', 'autumn', '2026-10-24T23:00:00Z', '2026-10-26T00:00:00Z', 25 * 60],
  ])('%s, %s: a Sunday open all day is as long as the day really is', (zone, _change, from, to, minutes) => {
    const c = clock(allSunday, zone);
    expect(minutesBetween(c, from, to)).toBe(minutes);
    // Padding either side adds nothing: the neighbouring days are closed.
    expect(minutesBetween(c, iso(t(from) - 6 * 3_600_000), iso(t(to) + 6 * 3_600_000))).toBe(minutes);
  });

  it('London: an interval across the spring change is an hour shorter, across the autumn change an hour longer', () => {
    expect(minutesBetween(clock({ sun: ['00:30-03:00'] }, 'Europe/London'), '2026-03-28T12:00:00Z', '2026-03-30T00:00:00Z')).toBe(90);
    expect(minutesBetween(clock({ sun: ['00:30-03:00'] }, 'Europe/London'), '2026-10-24T12:00:00Z', '2026-10-26T00:00:00Z')).toBe(210);
  });

  it('New York: an interval that starts in the skipped hour starts an hour later (02:30 is 03:30 EDT)', () => {
    const c = clock({ sun: ['02:30-04:00'] }, 'America/New_York');
    expect(minutesBetween(c, '2026-03-08T00:00:00Z', '2026-03-09T00:00:00Z')).toBe(30);
    expect(iso(c.add(t('2026-03-08T05:00:00Z'), 1))).toBe('2026-03-08T07:30:00.001Z');
  });

  it('New York: an interval that starts in the repeated hour starts at its first occurrence (01:30 EDT)', () => {
    const c = clock({ sun: ['01:30-03:00'] }, 'America/New_York');
    expect(minutesBetween(c, '2026-11-01T00:00:00Z', '2026-11-02T00:00:00Z')).toBe(150);
    expect(iso(c.add(t('2026-11-01T00:00:00Z'), 1))).toBe('2026-11-01T05:30:00.001Z');
  });
});

describe('local wall-clock times', () => {
  it('a time in the skipped hour moves forward by the gap, as Luxon does', () => {
    const ny = new ZoneCalendar('America/New_York');
    const day = Math.floor(t('2026-03-08T00:00:00Z') / 86_400_000);
    expect(iso(ny.instantOf(day, (2 * 60 + 30) * MINUTE))).toBe('2026-03-08T07:30:00.000Z');
    const luxon = DateTime.fromObject({ year: 2026, month: 3, day: 8, hour: 2, minute: 30 }, { zone: 'America/New_York' });
    expect(iso(luxon.toMillis())).toBe('2026-03-08T07:30:00.000Z');
    const london = new ZoneCalendar('Europe/London');
    expect(iso(london.instantOf(day + 21, (1 * 60 + 30) * MINUTE))).toBe('2026-03-29T01:30:00.000Z');
  });

  it('a time that occurs twice is the earlier instant (Luxon gives the later one)', () => {
    const ny = new ZoneCalendar('America/New_York');
    const day = Math.floor(t('2026-11-01T00:00:00Z') / 86_400_000);
    expect(iso(ny.instantOf(day, (1 * 60 + 30) * MINUTE))).toBe('2026-11-01T05:30:00.000Z');
    const luxon = DateTime.fromObject({ year: 2026, month: 11, day: 1, hour: 1, minute: 30 }, { zone: 'America/New_York' });
    expect(iso(luxon.toMillis())).toBe('2026-11-01T06:30:00.000Z');
    const london = new ZoneCalendar('Europe/London');
    const autumn = Math.floor(t('2026-10-25T00:00:00Z') / 86_400_000);
    expect(iso(london.instantOf(autumn, (1 * 60 + 30) * MINUTE))).toBe('2026-10-25T00:30:00.000Z');
  });

  it('the local day of an instant follows the zone', () => {
    const berlin = new ZoneCalendar('Europe/Berlin');
    const april7 = Math.floor(t('2026-04-07T00:00:00Z') / 86_400_000);
    expect(berlin.localDay(t('2026-04-06T22:00:00Z'))).toBe(april7);
    expect(berlin.localDay(t('2026-04-06T21:59:59.999Z'))).toBe(april7 - 1);
  });
});

describe('adding business time', () => {
  it('starts the clock at the next opening for a ticket created at night', () => {
    const c = clock(WEEKDAYS_9_TO_5);
    expect(iso(c.add(t('2026-04-10T20:00:00Z'), 30 * MINUTE))).toBe('2026-04-13T09:30:00.000Z');
  });

  it('ends at a closing time rather than the next opening when the duration runs out there', () => {
    const c = clock(WEEKDAYS_9_TO_5);
    expect(iso(c.add(t('2026-04-10T16:00:00Z'), 60 * MINUTE))).toBe('2026-04-10T17:00:00.000Z');
  });

  it('crosses a lunch break and a holiday', () => {
    const c = clock({ ...WEEKDAYS_9_TO_5, wed: ['09:00-12:00', '13:00-17:00'] }, 'UTC', ['2026-04-09']);
    expect(iso(c.add(t('2026-04-08T11:00:00Z'), 120 * MINUTE))).toBe('2026-04-08T14:00:00.000Z');
    expect(iso(c.add(t('2026-04-08T16:00:00Z'), 120 * MINUTE))).toBe('2026-04-10T10:00:00.000Z');
  });

  it('adds nothing for zero, and never arrives in a schedule that never opens', () => {
    const c = clock(WEEKDAYS_9_TO_5);
    expect(c.add(t('2026-04-11T12:00:00Z'), 0)).toBe(t('2026-04-11T12:00:00Z'));
    expect(clock({}).add(t('2026-04-11T12:00:00Z'), MINUTE)).toBe(Number.POSITIVE_INFINITY);
  });

  it('reaches far ahead (a year of business hours)', () => {
    const c = clock(WEEKDAYS_9_TO_5);
    const a = t('2026-01-05T09:00:00Z');
    const end = c.add(a, 52 * 5 * 8 * 60 * MINUTE);
    expect(iso(end)).toBe('2027-01-01T17:00:00.000Z');
  });
});

describe('laws of business time (property tests)', () => {
  // A schedule with a lunch break, a 24:00 end, weekend hours and holidays, in a zone with DST.
  const schedules = [
    clock({ mon: ['08:00-12:30', '13:30-18:00'], tue: ['08:00-18:00'], wed: ['00:00-02:00', '22:00-24:00'], fri: ['08:00-16:00'], sun: ['01:00-03:00'] }, 'Europe/London', ['2026-04-03', '2026-12-25']),
    clock({ mon: ['09:00-17:00'], sat: ['01:30-02:30'], sun: ['00:00-24:00'] }, 'America/New_York', ['2026-07-03']),
  ];
  const instant = fc.integer({ min: t('2025-12-01T00:00:00Z') / 1000, max: t('2027-01-31T00:00:00Z') / 1000 }).map((s) => s * 1000);
  const schedule = fc.constantFrom(...schedules);

  it('business(a, c) = business(a, b) + business(b, c)', () => {
    fc.assert(
      fc.property(schedule, instant, instant, instant, (c, x, y, z) => {
        const [a, b, d] = [x, y, z].sort((p, q) => p - q) as [number, number, number];
        expect(c.between(a, d)).toBe(c.between(a, b) + c.between(b, d));
      }),
      { numRuns: 500 },
    );
  });

  it('business(a, add(a, d)) = d, and nothing earlier reaches d', () => {
    fc.assert(
      fc.property(schedule, instant, fc.integer({ min: 1, max: 20_000 }), (c, a, minutes) => {
        const end = c.add(a, minutes * MINUTE);
        expect(end).toBeGreaterThanOrEqual(a);
        expect(c.between(a, end)).toBe(minutes * MINUTE);
        expect(c.between(a, end - 1)).toBeLessThan(minutes * MINUTE);
      }),
      { numRuns: 500 },
    );
  });
});

describe('schedule problems (for schedule-invalid)', () => {
  it('names an unknown zone, a malformed, a reversed and an overlapping interval, and a bad holiday', () => {
    const problems = scheduleProblems({
      id: 'bad',
      timezone: 'Europe/Berlln',
      hours: { mon: ['8:00-18:00'], tue: ['18:00-08:00'], wed: ['08:00-13:00', '12:00-18:00'], thu: ['08:00-24:00'] },
      holidays: ['2026-02-30'],
    });
    expect(problems.map((p) => p.path.join('.'))).toEqual(['timezone', 'hours.mon.0', 'hours.tue.0', 'hours.wed.1', 'holidays.0']);
  });

  it('accepts a valid schedule', () => {
    expect(scheduleProblems({ id: 'ok', timezone: 'Europe/Berlin', hours: { wed: ['08:00-12:30', '13:30-18:00'], sat: ['20:00-24:00'] }, holidays: ['2026-04-03'] })).toEqual([]);
  });
});
