// The axes and labels every chart of the site shares, whether drawn as a static SVG at build
// time (chart-svg.ts) or by the chart.js island on screen: month ticks that carry the year
// (on the first tick and on every January), value ticks at round steps of the KPI's unit
// (whole or half hours for durations), and end labels pushed apart so that two close lines
// (a forecast two minutes off its target) keep both labels readable. Pure functions.
import type { Unit } from '../../spec/values.ts';
import { fromDayNumber, toDayNumber } from '../../util/dates.ts';
import { formatValue } from '../data/format.ts';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export interface TimeTick {
  day: number;
  label: string;
}

/**
 * First-of-month ticks between two day numbers, every 1, 2, 3, 6 or 12 months (aligned to the
 * calendar, so quarterly ticks fall on Jan, Apr, Jul, Oct) so that at most `maxTicks` show,
 * with the year wherever it changes.
 */
export function timeTicks(min: number, max: number, maxTicks = 8): TimeTick[] {
  const start = fromDayNumber(min);
  let year = Number(start.slice(0, 4));
  let month = Number(start.slice(5, 7));
  const months: { day: number; year: number; month: number }[] = [];
  for (;;) {
    const day = toDayNumber(`${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-01`);
    if (day > max) break;
    if (day >= min) months.push({ day, year, month });
    if (++month === 13) [month, year] = [1, year + 1];
  }
  const step = [1, 2, 3, 6, 12].find((s) => months.filter((m) => (m.month - 1) % s === 0).length <= maxTicks) ?? 12;
  const kept = months.filter((m) => (m.month - 1) % step === 0);
  // Every January carries its year; the first tick carries it too unless a January follows
  // ("Oct, Jan 2026, Apr" reads as October 2025).
  const january = kept.some((m) => m.month === 1);
  return kept.map((m, i) => ({ day: m.day, label: m.month === 1 || (i === 0 && !january) ? `${MONTHS[m.month - 1]} ${m.year}` : MONTHS[m.month - 1]! }));
}

export interface PlacedTick extends TimeTick {
  x: number;
  /** Centred under its tick, unless that would run past the edge of the picture. */
  anchor: 'start' | 'middle' | 'end';
}

function placeTicks(ticks: readonly TimeTick[], pixelOf: (day: number) => number, fontSize: number, edges: { left: number; right: number }): (PlacedTick & { from: number; to: number })[] {
  return ticks.map((t) => {
    const x = pixelOf(t.day);
    const w = textWidth(t.label, fontSize);
    const anchor = x - w / 2 < edges.left ? 'start' : x + w / 2 > edges.right ? 'end' : 'middle';
    const from = anchor === 'start' ? x : anchor === 'end' ? x - w : x - w / 2;
    return { ...t, x, anchor, from, to: from + w };
  });
}

/** The most month ticks (up to `maxTicks`) whose labels, at `pixelOf(day)`, do not run into each other. */
export function fittingTimeTicks(min: number, max: number, maxTicks: number, pixelOf: (day: number) => number, fontSize: number, edges = { left: -Infinity, right: Infinity }): PlacedTick[] {
  const gap = fontSize;
  const strip = (ticks: ReturnType<typeof placeTicks>) => ticks.map(({ from: _f, to: _t, ...t }) => t);
  for (let n = maxTicks; n >= 1; n--) {
    const placed = placeTicks(timeTicks(min, max, n), pixelOf, fontSize, edges);
    if (placed.every((t, i) => i === 0 || placed[i - 1]!.to + gap <= t.from)) return strip(placed);
  }
  // Even yearly labels collide: keep those that fit, the latest first.
  const kept: ReturnType<typeof placeTicks> = [];
  for (const tick of placeTicks(timeTicks(min, max, 1), pixelOf, fontSize, edges).reverse()) {
    if (!kept.length || tick.to + gap <= kept[0]!.from) kept.unshift(tick);
  }
  return strip(kept);
}

export interface ValueScale {
  min: number;
  max: number;
  ticks: number[];
}

function stepsFor(unit: Unit): number[] {
  if (unit === 'hours') return [0.25, 0.5, 1, 2, 3, 6, 12, 24, 48, 96, 168];
  if (unit === 'minutes') return [1, 5, 10, 15, 30, 60, 120, 240, 480, 1440];
  return [];
}

function niceStep(span: number, target: number, unit: Unit): number {
  const raw = span / target;
  const fixed = stepsFor(unit).find((s) => s >= raw);
  if (fixed !== undefined) return fixed;
  const power = 10 ** Math.floor(Math.log10(raw));
  const fraction = raw / power;
  return (fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 2.5 ? 2.5 : fraction <= 5 ? 5 : 10) * power;
}

/** A y range that holds every value (and 0 for quantities whose zero means something), at round ticks. */
export function valueScale(values: readonly number[], unit: Unit, options: { fromZero?: boolean; min?: number; max?: number; ticks?: number } = {}): ValueScale {
  const finite = values.filter((v) => Number.isFinite(v));
  let low = finite.length ? Math.min(...finite) : 0;
  let high = finite.length ? Math.max(...finite) : 1;
  if (options.fromZero && low > 0) low = 0;
  if (options.min !== undefined) low = Math.min(low, options.min);
  if (options.max !== undefined) high = Math.max(high, options.max);
  if (high === low) [low, high] = [low - (Math.abs(low) || 1) * 0.1, high + (Math.abs(high) || 1) * 0.1];
  const step = niceStep(high - low, options.ticks ?? 5, unit);
  const min = Math.floor(low / step + 1e-9) * step;
  const max = Math.ceil(high / step - 1e-9) * step;
  const ticks: number[] = [];
  for (let i = 0; min + i * step <= max + step * 1e-6; i++) ticks.push(Number((min + i * step).toFixed(10)));
  return { min, max, ticks };
}

/** A tick's value as values are written, except that zero time reads "0 h" on an hours axis. */
export function tickText(value: number, unit: Unit): string {
  if (value === 0 && unit === 'hours') return '0\u00a0h';
  return formatValue(value, unit);
}

/** A point in the tooltip: "Actual: 4 h 47 min", and the tickets behind it when computed from tickets. */
export function tooltipText(series: { label: string; tickets?: readonly (number | null)[] }, index: number, value: number, unit: Unit): string {
  const tickets = series.tickets?.[index];
  const count = tickets === undefined || tickets === null ? '' : ` (${formatValue(tickets, 'count')} ${tickets === 1 ? 'ticket' : 'tickets'})`;
  return `${series.label}: ${tickText(value, unit)}${count}`;
}

/**
 * Rough width of a line of text in the system sans-serif font, on the wide side (DejaVu Sans,
 * Debian's, is among the widest): enough to reserve room for it.
 */
export function textWidth(text: string, fontSize: number): number {
  let em = 0;
  for (const ch of text) {
    if (/[il.,:;'|!]/.test(ch)) em += 0.3;
    else if (/[\s\u00a0]/.test(ch)) em += 0.32;
    else if (/[fjrt()[\]]/.test(ch)) em += 0.42;
    else if (/[mwMW%]/.test(ch)) em += 0.96;
    else if (/[A-Z]/.test(ch)) em += 0.72;
    else em += 0.63;
  }
  // Measured in Chromium on Debian, the system font runs about a tenth wider than these sums.
  return em * fontSize * 1.12;
}

/**
 * Vertical centres for labels that want to sit at `want` (sorted or not), each `height` tall,
 * moved apart as little as needed to keep `gap` between them, and kept within [top, bottom].
 * Returns the centres in the order given.
 */
export function spreadLabels(labels: readonly { want: number; height: number }[], top: number, bottom: number, gap = 2): number[] {
  const order = labels.map((l, i) => ({ ...l, i })).sort((a, b) => a.want - b.want || a.i - b.i);
  const placed = order.map((l) => l.want);
  for (let k = 0; k < order.length; k++) {
    const floor = k === 0 ? top + order[k]!.height / 2 : placed[k - 1]! + order[k - 1]!.height / 2 + gap + order[k]!.height / 2;
    placed[k] = Math.max(placed[k]!, floor);
  }
  // Pushed past the bottom: move the stack up from the last label.
  for (let k = order.length - 1; k >= 0; k--) {
    const ceiling = k === order.length - 1 ? bottom - order[k]!.height / 2 : placed[k + 1]! - order[k + 1]!.height / 2 - gap - order[k]!.height / 2;
    placed[k] = Math.min(placed[k]!, ceiling);
  }
  const out = new Array<number>(labels.length);
  order.forEach((l, k) => (out[l.i] = placed[k]!));
  return out;
}

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** Points every `step` pixels along a polyline: what a label placed on the chart must not cover. */
export function samplePolyline(points: readonly (readonly [number, number])[], step = 6): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i < points.length; i++) {
    const [x, y] = points[i]!;
    out.push([x, y]);
    const next = points[i + 1];
    if (!next) break;
    const n = Math.floor(Math.hypot(next[0] - x, next[1] - y) / step);
    for (let k = 1; k < n; k++) out.push([x + ((next[0] - x) * k) / n, y + ((next[1] - y) * k) / n]);
  }
  return out;
}

/**
 * The candidate box (in order of preference) that stays inside `bounds` and covers the fewest
 * of the chart's line points; a note beside the latest point goes where the lines are not.
 */
export function leastCovered(candidates: readonly (Box & { cost?: number })[], bounds: Box, obstacles: readonly (readonly [number, number])[], pad = 3): number {
  let best = 0;
  let bestScore = Infinity;
  candidates.forEach((box, i) => {
    const overflow = Math.max(0, bounds.left - box.left) + Math.max(0, box.right - bounds.right) + Math.max(0, bounds.top - box.top) + Math.max(0, box.bottom - bounds.bottom);
    let score = (overflow > 0 ? 1e6 + overflow : 0) + (box.cost ?? 0);
    // Counting stops once this box can no longer beat the best so far (a chart has thousands of points).
    for (let k = 0; k < obstacles.length && score < bestScore; k++) {
      const [x, y] = obstacles[k]!;
      if (x >= box.left - pad && x <= box.right + pad && y >= box.top - pad && y <= box.bottom + pad) score++;
    }
    if (score < bestScore) [best, bestScore] = [i, score];
  });
  return best;
}

/** A note as two lines where the chart is narrow: "1 h 21 min" / "behind plan", "90.2%" / "on the due date". */
export function splitNote(text: string): string[] {
  const at = text.search(/ (behind plan|ahead of plan|on the due date)$/);
  return at > 0 ? [text.slice(0, at), text.slice(at + 1)] : [text];
}

/**
 * Where a note of `width` x `height` may sit beside a point: right or left of it or centred,
 * above or below, and, at a small cost per step, further away when nearer places are crowded.
 */
export function boxesAround(x: number, y: number, width: number, height: number, gap: number, step = height / 2, steps = 6): (Box & { cost: number })[] {
  const out: (Box & { cost: number })[] = [];
  for (let k = 0; k <= steps; k++) {
    const d = gap + k * step;
    const cost = k * 0.75;
    const above = { top: y - d - height, bottom: y - d };
    const below = { top: y + d, bottom: y + d + height };
    for (const h of [{ left: x + gap, right: x + gap + width }, { left: x - gap - width, right: x - gap }, { left: x - width / 2, right: x + width / 2 }]) {
      out.push({ ...h, ...above, cost }, { ...h, ...below, cost });
    }
  }
  return out;
}
