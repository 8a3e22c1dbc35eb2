// Numbers as a person writes them: hours and minutes to the minute, percentages to one decimal,
// the size of a difference in the KPI's unit, missing as a dash.
import { describe, expect, it } from 'vitest';
import { formatDifference, formatDuration, formatForecast, formatMinutes, formatValue } from '../../src/site/data/format.ts';

const nb = (text: string) => text.replace(/ /g, '\u00a0');

describe('site number formats', () => {
  it('writes durations in hours and minutes, rounded to the minute', () => {
    expect(formatValue(4.45, 'hours')).toBe(nb('4 h 27 min'));
    expect(formatValue(3.5, 'hours')).toBe(nb('3 h 30 min'));
    expect(formatValue(3, 'hours')).toBe(nb('3 h'));
    expect(formatValue(0.25, 'hours')).toBe(nb('15 min'));
    expect(formatValue(0, 'hours')).toBe(nb('0 min'));
    expect(formatValue(95, 'minutes')).toBe(nb('1 h 35 min'));
    expect(formatValue(12.4, 'minutes')).toBe(nb('12 min'));
    expect(formatDuration(-67)).toBe(nb('\u22121 h 7 min'));
    expect(formatValue(1500, 'hours')).toBe(nb('1,500 h'));
  });

  it('writes percentages to one decimal at most, and other units as the terminal does', () => {
    expect(formatValue(89.54, 'percent')).toBe('89.5%');
    expect(formatValue(90, 'percent')).toBe('90%');
    expect(formatValue(28.61, 'score')).toBe('28.6');
    expect(formatValue(0.234, 'ratio')).toBe('0.23');
    expect(formatValue(1240.4, 'count')).toBe('1,240');
    expect(formatValue(12.5, 'currency:EUR')).toBe(nb('12.5 EUR'));
    expect(formatValue(null, 'hours')).toBe('\u2014');
  });

  it('writes the size of a difference without its sign, percentages in points', () => {
    expect(formatDifference(3.531 - 3.5, 'hours')).toBe(nb('2 min'));
    expect(formatDifference(-1.45, 'hours')).toBe(nb('1 h 27 min'));
    expect(formatDifference(-0.3, 'percent')).toBe(nb('0.3 points'));
    expect(formatDifference(1, 'percent')).toBe(nb('1 point'));
    expect(formatDifference(1.39, 'score')).toBe(nb('1.4 points'));
    expect(formatDifference(-3, 'count')).toBe('3');
  });

  it('keeps a forecast inside what the KPI can be, and SLA limits readable', () => {
    expect(formatForecast(-0.4, 'hours', { min: 0 })).toBe(`below ${nb('0 min')}`);
    expect(formatForecast(101, 'percent', { max: 100 })).toBe('above 100%');
    expect(formatMinutes(30)).toBe(nb('30 min'));
    expect(formatMinutes(720)).toBe(nb('12 h'));
    expect(formatMinutes(4320)).toBe(nb('3 d'));
  });
});
