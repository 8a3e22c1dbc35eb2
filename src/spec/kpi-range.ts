// A KPI's plausible bounds: those written in `range`, and for percent KPIs never wider than
// 0-100 (FORMAT.md: percent implies min 0 and max 100).
import type { Unit } from './values.ts';

export function kpiRange(unit: Unit, range: { min?: number; max?: number } = {}): { min?: number; max?: number } {
  if (unit !== 'percent') return { ...range };
  return { min: Math.max(0, range.min ?? 0), max: Math.min(100, range.max ?? 100) };
}
