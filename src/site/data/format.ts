// Site-only wording of units and directions; numbers themselves are formatted by
// render/format-value.ts, shared with the terminal.
import type { Direction, Unit } from '../../spec/values.ts';

export { formatForecast, formatNumber, formatShare, formatValue, unitSuffix } from '../../render/format-value.ts';

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
