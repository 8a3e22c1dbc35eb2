// Numbers in the KPI's unit as the terminal shows them: "4.45 h", "87.5%", "1,240" (the site
// writes durations as "4 h 27 min", on top of these: site/data/format.ts). Locale-free on purpose (no toLocaleString, whose output depends on the machine's
// ICU data): the same inputs give the same bytes everywhere. Missing prints as an em dash,
// never as zero.
import type { Unit } from '../spec/values.ts';

export const MISSING = '\u2014';

const MINUS = '\u2212';

/** A number with at most `decimals` decimals, trailing zeros dropped, thousands grouped. */
export function formatNumber(value: number, decimals = 2): string {
  const factor = 10 ** decimals;
  const rounded = Math.round(Math.abs(value) * factor) / factor;
  const [whole = '0', fraction] = rounded.toFixed(decimals).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const trimmed = fraction?.replace(/0+$/, '');
  const text = trimmed ? `${grouped}.${trimmed}` : grouped;
  return value < 0 && rounded !== 0 ? `${MINUS}${text}` : text;
}

/** The suffix a value of this unit carries, with its leading space where one belongs. */
export function unitSuffix(unit: Unit): string {
  if (unit === 'percent') return '%';
  if (unit === 'hours') return ' h';
  if (unit === 'minutes') return ' min';
  if (unit === 'days') return ' d';
  if (unit.startsWith('currency:')) return ` ${unit.slice('currency:'.length)}`;
  return '';
}

export function formatValue(value: number | null | undefined, unit: Unit): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return MISSING;
  return `${formatNumber(value, unit === 'count' ? 0 : 2)}${unitSuffix(unit)}`;
}

/** A 0-1 share as a whole percentage, clamped to 0-100 % as the displays require. */
export function formatShare(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return MISSING;
  return `${Math.round(Math.min(1, Math.max(0, value)) * 100)}%`;
}

/**
 * A forecast as a reader can take it: a straight line through a few points runs past what the
 * KPI can be (a negative response time, a CSAT over 100 %), and is then shown as past the
 * KPI's range ("below 0 h"), not as a value nobody could measure. The JSON keeps the fit.
 */
export function formatForecast(value: number | null | undefined, unit: Unit, range: { min?: number; max?: number }): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return MISSING;
  if (range.min !== undefined && value < range.min) return `below ${formatValue(range.min, unit)}`;
  if (range.max !== undefined && value > range.max) return `above ${formatValue(range.max, unit)}`;
  return formatValue(value, unit);
}
