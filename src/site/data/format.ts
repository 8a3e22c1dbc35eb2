// Numbers as a person writes them on the review site: durations in hours and minutes ("4 h
// 27 min", every hours or minutes KPI rounded to the minute), percentages to one decimal at
// most, other units as the terminal writes them (render/format-value.ts). The parts of one
// value are joined by no-break spaces so that a value never wraps inside itself. Missing is an
// em dash, never zero. Locale-free, so the same inputs give the same bytes.
import type { Direction, Unit } from '../../spec/values.ts';
import { formatNumber, formatShare, MISSING, unitSuffix } from '../../render/format-value.ts';

export { formatNumber, formatShare, unitSuffix };

const NBSP = '\u00a0';
const MINUS = '\u2212';

/** Quantities whose zero means something (times, counts, money) get a y axis from zero. */
export function zeroBased(unit: Unit): boolean {
  return unit === 'hours' || unit === 'minutes' || unit === 'days' || unit === 'count' || unit.startsWith('currency:');
}

export function isDuration(unit: Unit): boolean {
  return unit === 'hours' || unit === 'minutes';
}

export function unitLabel(unit: Unit): string {
  if (unit.startsWith('currency:')) return `currency (${unit.slice('currency:'.length)})`;
  return unit;
}

export function directionLabel(direction: Direction): string {
  return direction === 'increase' ? 'higher is better' : 'lower is better';
}

/** A whole number of minutes as "4 h 27 min", "45 min", "12 h". */
export function formatDuration(totalMinutes: number): string {
  const minutes = Math.round(Math.abs(totalMinutes));
  const sign = totalMinutes < 0 && minutes !== 0 ? MINUS : '';
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  const text = hours === 0 ? `${rest}${NBSP}min` : rest === 0 ? `${formatNumber(hours, 0)}${NBSP}h` : `${formatNumber(hours, 0)}${NBSP}h${NBSP}${rest}${NBSP}min`;
  return `${sign}${text}`;
}

/** SLA limits, written in minutes: "30 min", "4 h", "3 d" for whole days past two days. */
export function formatMinutes(minutes: number): string {
  if (minutes > 2880 && minutes % 1440 === 0) return `${minutes / 1440}${NBSP}d`;
  return formatDuration(minutes);
}

function decimalsOf(unit: Unit): number {
  if (unit === 'count') return 0;
  if (unit === 'percent' || unit === 'days' || unit === 'score') return 1;
  return 2;
}

/** A value in its KPI's unit: "4 h 27 min", "87.3%", "21", "0.23". */
export function formatValue(value: number | null | undefined, unit: Unit): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return MISSING;
  if (unit === 'hours') return formatDuration(value * 60);
  if (unit === 'minutes') return formatDuration(value);
  const suffix = unitSuffix(unit);
  return `${formatNumber(value, decimalsOf(unit))}${suffix.startsWith(' ') ? NBSP + suffix.slice(1) : suffix}`;
}

/**
 * The size of a difference in the KPI's unit, without sign: "2 min", "4.5 points" (between two
 * percentages, or two scores), "3". Says how far, not which way: the sentence around it does.
 */
export function formatDifference(delta: number, unit: Unit): string {
  const size = Math.abs(delta);
  if (unit === 'percent' || unit === 'score') {
    const text = formatNumber(size, 1);
    return `${text}${NBSP}${text === '1' ? 'point' : 'points'}`;
  }
  return formatValue(size, unit);
}

/**
 * A forecast as a reader can take it: a straight line through a few points runs past what the
 * KPI can be (a negative response time, a CSAT over 100 %), and is then shown as past the
 * KPI's range ("below 0 min"), not as a value nobody could measure.
 */
export function formatForecast(value: number | null | undefined, unit: Unit, range: { min?: number; max?: number }): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return MISSING;
  if (range.min !== undefined && value < range.min) return `below ${formatValue(range.min, unit)}`;
  if (range.max !== undefined && value > range.max) return `above ${formatValue(range.max, unit)}`;
  return formatValue(value, unit);
}

/** `1` -> `1 goal`, `2` -> `2 goals`. */
export function plural(count: number, word: string, many = `${word}s`): string {
  return `${count} ${count === 1 ? word : many}`;
}
