import { describe, expect, it } from 'vitest';
import { formatForecast, formatValue, MISSING } from '../../src/render/format-value.ts';

describe('formatValue', () => {
  it('writes the unit, groups thousands, uses a true minus sign and never shows missing as zero', () => {
    expect(formatValue(4.456, 'hours')).toBe('4.46 h');
    expect(formatValue(1240.4, 'count')).toBe('1,240');
    expect(formatValue(-2.5, 'percent')).toBe('\u22122.5%');
    expect(formatValue(null, 'hours')).toBe(MISSING);
  });
});

describe('formatForecast', () => {
  it('shows a value within the range as a value, and one past it as past the bound', () => {
    expect(formatForecast(3.2, 'hours', { min: 0 })).toBe('3.2 h');
    expect(formatForecast(-7.17, 'hours', { min: 0 })).toBe('below 0 h');
    expect(formatForecast(102.2, 'percent', { min: 0, max: 100 })).toBe('above 100%');
    expect(formatForecast(100, 'percent', { min: 0, max: 100 })).toBe('100%');
    expect(formatForecast(-7.17, 'hours', {})).toBe('\u22127.17 h');
    expect(formatForecast(null, 'hours', { min: 0 })).toBe(MISSING);
  });
});
