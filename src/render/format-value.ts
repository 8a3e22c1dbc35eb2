// Numbers in the KPI's unit, the way a support lead writes them: "4.2 h", "87.5 %", "1,240".
// Missing figures print as an em dash, never as zero.
import type { Unit } from '../model/types.ts';

export const MISSING = '—';

function trim(value: number, digits: number): string {
  return Number(value.toFixed(digits)).toLocaleString('en-US', { maximumFractionDigits: digits });
}

export function formatValue(value: number | null | undefined, unit: Unit): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return MISSING;
  switch (unit) {
    case 'minutes':
      return `${trim(value, 1)} min`;
    case 'hours':
      return `${trim(value, 2)} h`;
    case 'days':
      return `${trim(value, 2)} d`;
    case 'percent':
      return `${trim(value, 1)} %`;
    case 'count':
      return trim(value, 0);
    case 'score':
    case 'ratio':
      return trim(value, 2);
    default:
      return `${trim(value, 2)} ${unit.slice('currency:'.length)}`;
  }
}

/** A 0-1 share as a whole percentage, clamped to 0-100 % for display as FORMAT.md asks. */
export function formatShare(share: number | null | undefined): string {
  if (share === null || share === undefined || !Number.isFinite(share)) return MISSING;
  return `${Math.round(Math.min(1, Math.max(0, share)) * 100)} %`;
}
