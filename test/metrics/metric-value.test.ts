import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseMetricValue, parsePlainDecimal } from '../../src/metrics/metric-value.ts';

describe('parsePlainDecimal', () => {
  it('gives the very double Number() gives for every plain decimal of up to 15 digits', () => {
    const digits = (max: number) => fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 0, maxLength: max });
    const decimal = fc
      .tuple(fc.constantFrom('', '-', '+'), digits(15), fc.boolean(), digits(15))
      .filter(([, whole, , fraction]) => whole.length + fraction.length >= 1 && whole.length + fraction.length <= 15)
      .map(([sign, whole, point, fraction]) => `${sign}${whole}${point || fraction ? '.' : ''}${fraction}`);
    fc.assert(fc.property(decimal, (text) => Object.is(parsePlainDecimal(text), Number(text))), { numRuns: 5000 });
  });

  it('leaves everything else to the careful parser', () => {
    for (const text of ['', '.', '-', '1e3', '0x1F', 'Infinity', '1,5', ' 1', '1.2.3', '1234567890123456', '5%']) {
      expect(parsePlainDecimal(text)).toBeNaN();
    }
  });
});

describe('parseMetricValue', () => {
  it('accepts exponents and long numbers, and % only for percent KPIs', () => {
    expect(parseMetricValue('1e3', false)).toBe(1000);
    expect(parseMetricValue('1234567890123456.5', false)).toBe(1234567890123456.5);
    expect(parseMetricValue('87.5%', true)).toBe(87.5);
    expect(parseMetricValue('87.5%', false)).toBeNaN();
    expect(parseMetricValue('0x1F', false)).toBeNaN();
    expect(parseMetricValue('1e999', false)).toBeNaN();
  });
});
