// Numbers and units as the site shows them. Locale-free on purpose (no toLocaleString, whose
// output depends on the machine's ICU data): the same inputs give the same bytes everywhere.
import type { Direction, Unit } from '../../model/types.ts';

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
  if (value === null || value === undefined || !Number.isFinite(value)) return '\u2014';
  return `${formatNumber(value, unit === 'count' ? 0 : 2)}${unitSuffix(unit)}`;
}

/** A 0-1 share as a whole percentage, clamped to 0-100 % as the displays require. */
export function formatShare(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '\u2014';
  return `${Math.round(Math.min(1, Math.max(0, value)) * 100)}%`;
}

/** Quantities whose zero means something (times, counts, money) get a y axis from zero. */
export function zeroBased(unit: Unit): boolean {
  return unit === 'hours' || unit === 'minutes' || unit === 'days' || unit === 'count' || unit.startsWith('currency:');
}

export function unitLabel(unit: Unit): string {
  if (unit.startsWith('currency:')) return `currency (${unit.slice('currency:'.length)})`;
  return unit;
}

export function directionLabel(direction: Direction): string {
  return direction === 'increase' ? 'higher is better' : 'lower is better';
}

export function formatMinutes(minutes: number): string {
  if (minutes > 2880 && minutes % 1440 === 0) return `${minutes / 1440} d`;
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest ? `${hours} h ${rest} min` : `${hours} h`;
}

/** `1` -> `1 goal`, `2` -> `2 goals`. */
export function plural(count: number, word: string, many = `${word}s`): string {
  return `${count} ${count === 1 ? word : many}`;
}
