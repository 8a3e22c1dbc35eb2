// A KPI's rollup: how several periods' values make one figure (hand-computed).
import { describe, expect, it } from 'vitest';
import { combinePeriods } from '../../src/compute/combine-periods.ts';

describe('combinePeriods', () => {
  it('combines by mean, sum, last, min and max, and gives no figure without values', () => {
    const values = [94, 95.5, 96];
    expect(combinePeriods(values, 'mean')).toBeCloseTo(95.1667, 4);
    expect(combinePeriods(values, 'sum')).toBe(285.5);
    expect(combinePeriods(values, 'last')).toBe(96);
    expect(combinePeriods(values, 'min')).toBe(94);
    expect(combinePeriods(values, 'max')).toBe(96);
    expect(combinePeriods([], 'mean')).toBeNull();
    expect(combinePeriods([], 'sum')).toBeNull();
  });
});
