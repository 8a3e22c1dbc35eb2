// Metric cell values are parsed here, not by papaparse's dynamic typing: an empty cell is a
// missing value (never zero), only plain decimal numbers count (no hex, no `Infinity`, no
// thousands separators), and a trailing `%` is accepted for percent KPIs only.
import { showCell } from './show-cell.ts';

const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** `1e999` is written like a number but is none that arithmetic can use. */
function finite(text: string): number {
  const number = Number(text);
  return Number.isFinite(number) ? number : Number.NaN;
}

/** The number in a trimmed, non-empty cell, or NaN when it is not one. */
export function parseMetricValue(text: string, percent: boolean): number {
  // Fast path for the usual plain decimal: Number() alone would also take 0x1F, 0b1, 0o7.
  const number = Number(text);
  if (number - number === 0 && !(text.length > 1 && text.charCodeAt(0) === 48 && text.charCodeAt(1) > 57)) return number;
  if (NUMBER.test(text)) return finite(text);
  if (percent && text.endsWith('%')) {
    const digits = text.slice(0, -1).trimEnd();
    if (NUMBER.test(digits)) return finite(digits);
  }
  return Number.NaN;
}

/** Message and hint for a cell parseMetricValue rejected. */
export function explainBadValue(text: string, kpi: string, unit: string): { message: string; hint: string } {
  const shown = showCell(text);
  const number = text.slice(0, -1).trimEnd();
  if (text.endsWith('%') && NUMBER.test(number)) {
    return {
      message: `${shown} has a % sign, but \`${kpi}\` is measured in ${unit}`,
      hint: `Write the plain number ${number}; a % sign is only allowed for percent KPIs.`,
    };
  }
  if (/^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/.test(text)) {
    return {
      message: `${shown} for \`${kpi}\` is not a number: it has a thousands separator`,
      hint: `Write ${text.replaceAll(',', '')}.`,
    };
  }
  if (/^[+-]?\d+,\d+$/.test(text)) {
    return {
      message: `${shown} for \`${kpi}\` is not a number: it has a decimal comma`,
      hint: `Write ${text.replace(',', '.')} with a decimal point.`,
    };
  }
  return {
    message: `${shown} for \`${kpi}\` is not a number`,
    hint: 'Leave the cell empty when the value is unknown: an empty cell is a missing value, not zero.',
  };
}
