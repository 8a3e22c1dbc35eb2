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

// Powers of ten up to 10^22 are exact doubles, so an integer below 2^53 divided by one of them
// is the correctly rounded value of the decimal, the same double Number() gives (Clinger's
// fast path). Fifteen digits keep the integer below 2^53.
const POWERS_OF_TEN = Array.from({ length: 16 }, (_, k) => 10 ** k);
const MAX_FAST_DIGITS = 15;

/**
 * The value of a plain decimal such as `-12.5` (at most 15 digits, no exponent, no spaces),
 * else NaN. The hot path of ingestion: a loop over char codes costs less than Number() and
 * rules out hex, binary and `Infinity` by construction.
 */
export function parsePlainDecimal(text: string): number {
  return parsePlainDecimalAt(text, 0, text.length);
}

/** parsePlainDecimal of text[start, end), read where it lies. */
export function parsePlainDecimalAt(text: string, start: number, end: number): number {
  let at = start;
  let sign = 1;
  const first = start < end ? text.charCodeAt(start) : 0;
  if (first === 45) {
    sign = -1;
    at++;
  } else if (first === 43) at++;
  let integer = 0;
  let digits = 0;
  let decimals = -1;
  for (; at < end; at++) {
    const code = text.charCodeAt(at);
    if (code >= 48 && code <= 57) {
      integer = integer * 10 + (code - 48);
      digits++;
      if (decimals >= 0) decimals++;
    } else if (code === 46 && decimals < 0) decimals = 0;
    else return Number.NaN;
  }
  if (digits === 0 || digits > MAX_FAST_DIGITS) return Number.NaN;
  return sign * (decimals > 0 ? integer / POWERS_OF_TEN[decimals]! : integer);
}

/** The number in a trimmed, non-empty cell, or NaN when it is not one. */
export function parseMetricValue(text: string, percent: boolean): number {
  const plain = parsePlainDecimal(text);
  if (plain === plain) return plain;
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
  // A unit written after the number (`8.6h`, `12 min`): the KPI already says it.
  const withUnit = /^([+-]?(?:\d+(?:\.\d*)?|\.\d+))\s*[a-zA-Z]+$/.exec(text);
  if (withUnit) {
    return {
      message: `${shown} for \`${kpi}\` is not a number: it has a unit`,
      hint: `Write ${withUnit[1]}: \`${kpi}\` is measured in ${unit}, as its KPI says.`,
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
