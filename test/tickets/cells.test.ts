// Timestamp, number and rating cells (TICKETS.md 7.1), and the statistics of 7.2.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BAD_RATING, NO_RATING, parseCount, parseDecimal, parseRating } from '../../src/tickets/cells.ts';
import { percentileOfSorted, statisticCode, statisticOf } from '../../src/tickets/statistics.ts';
import { explainBadTimestamp, parseTimestamp } from '../../src/tickets/timestamp.ts';
import { ZoneCalendar } from '../../src/tickets/zone-calendar.ts';

const berlin = new ZoneCalendar('Europe/Berlin');
const newYork = new ZoneCalendar('America/New_York');
const iso = (ms: number) => new Date(ms).toISOString();

describe('timestamps', () => {
  it.each([
    ['2026-04-07T09:15:00Z', '2026-04-07T09:15:00.000Z'],
    ['2026-04-07T09:15:00+02:00', '2026-04-07T07:15:00.000Z'],
    ['2026-04-07 09:15', '2026-04-07T07:15:00.000Z'],
    ['2026-04-07 09:15:00', '2026-04-07T07:15:00.000Z'],
    ['2026-04-07 09:15:00 +0200', '2026-04-07T07:15:00.000Z'],
    ['2026-04-07 09:15 +02:00', '2026-04-07T07:15:00.000Z'],
    ['2026-04-07 09:15:00 -0500', '2026-04-07T14:15:00.000Z'],
    ['2026-04-07 09:15Z', '2026-04-07T09:15:00.000Z'],
    ['2026-04-07 09:15:00 UTC', '2026-04-07T09:15:00.000Z'],
    ['2026-04-07T09:15:30.250Z', '2026-04-07T09:15:30.250Z'],
    ['2026-04-07 09:15:30.5', '2026-04-07T07:15:30.500Z'],
    ['2026-01-07 09:15', '2026-01-07T08:15:00.000Z'],
  ])('%s is %s (local times in Europe/Berlin)', (text, expected) => {
    expect(iso(parseTimestamp(text, berlin))).toBe(expected);
  });

  it('keeps a fraction finer than a millisecond', () => {
    expect(parseTimestamp('2026-04-07T09:15:00.0005Z', berlin) - Date.parse('2026-04-07T09:15:00Z')).toBe(0.5);
  });

  it('reads a local time in the skipped hour as the gap later, and a repeated one as the earlier instant', () => {
    expect(iso(parseTimestamp('2026-03-08 02:30', newYork))).toBe('2026-03-08T07:30:00.000Z');
    expect(iso(parseTimestamp('2026-11-01 01:30', newYork))).toBe('2026-11-01T05:30:00.000Z');
    expect(iso(parseTimestamp('2026-11-01 01:30 -0500', newYork))).toBe('2026-11-01T06:30:00.000Z');
  });

  it.each([
    ['04/07/2026 09:15', 'read differently in different countries'],
    ['2026-04-07', 'no time of day'],
    ['2026-02-30 09:15', 'not a calendar date'],
    ['2026-04-07 25:00', 'cannot be read'],
    ['2026-04-07 09:15 CEST', 'cannot be read'],
  ])('%s is no timestamp: %s', (text, why) => {
    expect(parseTimestamp(text, berlin)).toBeNaN();
    expect(explainBadTimestamp(text)).toContain(why);
  });

  it('adds nothing to "not a timestamp" for text that is plainly none', () => {
    expect(parseTimestamp('yesterday', berlin)).toBeNaN();
    expect(explainBadTimestamp('yesterday')).toBe('');
  });
});

describe('numbers and ratings', () => {
  it('reads minutes with a fraction and counts as whole numbers', () => {
    expect(parseDecimal('95.5')).toBe(95.5);
    expect(parseDecimal('-3')).toBe(-3);
    expect(parseDecimal('1,234')).toBeNaN();
    expect(parseDecimal('1e3')).toBeNaN();
    expect(parseCount('2')).toBe(2);
    expect(parseCount('2.5')).toBeNaN();
    expect(parseCount('-1')).toBeNaN();
  });

  it.each([
    ['good', 1],
    ['Good with comment', 1],
    ['BAD', 0],
    ['bad with comment', 0],
    ['5', 1],
    ['4', 1],
    ['3', 0],
    ['1', 0],
    ['offered', NO_RATING],
    ['Unoffered', NO_RATING],
    ['7', BAD_RATING],
    ['4.5', BAD_RATING],
    ['0', BAD_RATING],
  ])('csat %s is %d', (text, rating) => {
    expect(parseRating(text)).toBe(rating);
  });
});

describe('statistics', () => {
  const values = () => Float64Array.from([15, 20, 35, 40, 50]);

  it('p<NN> interpolates at h = (n - 1) * NN / 100', () => {
    // h = 4 * 0.9 = 3.6: 40 + 0.6 * (50 - 40) = 46.
    expect(percentileOfSorted(values(), 0, 5, 90)).toBeCloseTo(46, 12);
    // h = 4 * 0.4 = 1.6: 20 + 0.6 * 15 = 29.
    expect(percentileOfSorted(values(), 0, 5, 40)).toBeCloseTo(29, 12);
    expect(percentileOfSorted(values(), 0, 5, 99)).toBeCloseTo(49.6, 12);
  });

  it('the median is p50: the middle value, or halfway between the two middle ones', () => {
    expect(statisticOf(Float64Array.from([35, 15, 50, 20, 40]), 0, 5, 50)).toBe(35);
    expect(statisticOf(Float64Array.from([4, 1, 3, 2]), 0, 4, 50)).toBe(2.5);
    expect(statisticOf(Float64Array.from([7]), 0, 1, 90)).toBe(7);
  });

  it('the mean is the arithmetic mean of the range', () => {
    expect(statisticOf(Float64Array.from([99, 1, 2, 6, 99]), 1, 4, 0)).toBe(3);
  });

  it('names the statistics', () => {
    expect(statisticCode(undefined)).toBe(50);
    expect(statisticCode('median')).toBe(50);
    expect(statisticCode('mean')).toBe(0);
    expect(statisticCode('p90')).toBe(90);
    expect(statisticCode('p100')).toBeNull();
    expect(statisticCode('p0')).toBeNull();
  });
});

describe('percentiles by selection', () => {
  it('equal the sorted-array formula on random data with many ties', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    for (let run = 0; run < 200; run++) {
      const n = 1 + Math.floor(random() * 60);
      const values = Float64Array.from({ length: n }, () => Math.floor(random() * 10) / (random() < 0.5 ? 1 : 3));
      const sorted = Float64Array.from(values).sort();
      for (const percent of [1, 10, 50, 75, 90, 99]) {
        expect(statisticOf(Float64Array.from(values), 0, n, percent)).toBe(percentileOfSorted(sorted, 0, n, percent));
      }
    }
  });
});

describe('percentiles of whole minutes (counted by byte rather than selected)', () => {
  // Values around the byte boundaries, past the counted range, fractional, and -0, so that
  // both ways of finding the order statistics, and the switch between them, are exercised.
  const value = fc.oneof(
    fc.integer({ min: 0, max: 600 }),
    fc.integer({ min: 250, max: 262 }),
    fc.integer({ min: 65530, max: 65540 }),
    fc.constantFrom(0, -0, 255, 256, 511, 512, 65535, 0.5, 1e9),
  );
  it('equal the sorted-array formula', () => {
    fc.assert(
      fc.property(fc.array(value, { minLength: 1, maxLength: 300 }), fc.integer({ min: 1, max: 99 }), (values, percent) => {
        const sorted = Float64Array.from(values).sort();
        expect(Object.is(statisticOf(Float64Array.from(values), 0, values.length, percent), percentileOfSorted(sorted, 0, values.length, percent))).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
  it('read only their own range of a longer array', () => {
    const values = Float64Array.from([1000, 3, 1, 2, 1000]);
    expect(statisticOf(values, 1, 4, 50)).toBe(2);
    expect(statisticOf(values, 1, 4, 99)).toBeCloseTo(2.98, 12);
  });
});

