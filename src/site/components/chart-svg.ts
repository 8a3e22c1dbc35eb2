// A chart laid out as plain SVG shapes at build time: what prints, what shows without
// JavaScript, and the small multiples of a KPI page. StaticChart.astro turns the shapes into
// elements (so every text goes through Astro's escaping); colours come from the page's CSS
// through class names, so the light, dark and print themes apply. Coordinates are rounded to
// one decimal, so the same chart gives the same bytes.
import type { ChartData, ChartRole, Unit } from '../data/types.ts';
import { boxesAround, fittingTimeTicks, leastCovered, samplePolyline, splitNote, spreadLabels, textWidth, tickText, valueScale } from './chart-scale.ts';

export type ChartVariant = 'wide' | 'narrow' | 'small';

interface VariantSize {
  width: number;
  height: number;
  /** In viewBox units: wide is drawn 960 wide and prints about 700 px wide (A4), so 20 prints as 14.6 px. */
  font: number;
  xTicks: number;
  yTicks: number;
  legend: boolean;
  /** End labels carry the series name as well as the value. */
  named: boolean;
}

const SIZES: Record<ChartVariant, VariantSize> = {
  wide: { width: 960, height: 440, font: 20, xTicks: 9, yTicks: 6, legend: true, named: true },
  narrow: { width: 320, height: 330, font: 15, xTicks: 3, yTicks: 5, legend: true, named: false },
  small: { width: 260, height: 200, font: 14, xTicks: 3, yTicks: 3, legend: false, named: false },
};

export interface SvgText {
  x: number;
  y: number;
  text: string;
  anchor: 'start' | 'middle' | 'end';
}

export interface SvgLine {
  role: ChartRole;
  /** Position among the chart's series, for the scope colours. */
  index: number;
  d: string;
}

export interface SvgMarker {
  role: ChartRole;
  index: number;
  x: number;
  y: number;
  shape: 'circle' | 'diamond' | 'triangle';
}

export interface SvgEndLabel {
  role: ChartRole;
  index: number;
  lines: SvgText[];
  /** From the line's end to the label, when the label had to move away from it. */
  leader: { x1: number; y1: number; x2: number; y2: number } | null;
}

export interface SvgLegendItem {
  role: ChartRole;
  index: number;
  x: number;
  y: number;
  label: string;
}

export interface SvgChart {
  width: number;
  height: number;
  font: number;
  plot: { left: number; top: number; right: number; bottom: number };
  yTicks: { y: number; label: string }[];
  xTicks: { x: number; label: string; anchor: 'start' | 'middle' | 'end' }[];
  lines: SvgLine[];
  markers: SvgMarker[];
  asOf: { x: number; label: SvgText } | null;
  /** The gap bracket, its note, and a line from the note to the bracket when the note sits away from it. */
  gap: { x: number; y1: number; y2: number; labels: SvgText[]; leader: { x1: number; y1: number; x2: number; y2: number } | null } | null;
  /** A ring round one point (the value a goal past due was judged on), with its note. */
  mark: { x: number; y: number; r: number; labels: SvgText[] } | null;
  endLabels: SvgEndLabel[];
  legend: SvgLegendItem[];
}

const r1 = (n: number) => Math.round(n * 10) / 10;

/** Roles drawn later sit on top: the forecast's marker must never hide under the plan's. */
const DRAW_ORDER: Record<ChartRole, number> = { reference: 0, target: 1, plan: 2, scope: 3, actual: 4, forecast: 5 };

function endText(name: string, value: string, named: boolean, font: number): string[] {
  if (!named) return [value];
  const one = `${name} ${value}`;
  return textWidth(one, font) <= 290 ? [one] : [name, value];
}

export function layoutChart(chart: ChartData, variant: ChartVariant): SvgChart {
  const size = SIZES[variant];
  const { font } = size;
  const unit: Unit = chart.valueUnit;
  const drawn = chart.series.map((s, index) => ({ ...s, index })).filter((s) => s.points.length > 0);
  const xs = drawn.flatMap((s) => s.points.map((p) => p[0]));
  const ys = drawn.flatMap((s) => s.points.map((p) => p[1]));
  if (chart.gap) ys.push(chart.gap.planned, chart.gap.actual);
  if (chart.mark) ys.push(chart.mark.value);
  const xMin0 = xs.length ? Math.min(...xs) : 0;
  const xMax0 = xs.length ? Math.max(...xs) : 1;
  const padDays = Math.max(2, Math.round((xMax0 - xMin0) * 0.015));
  const [xMin, xMax] = [xMin0 - padDays, xMax0 + padDays];
  const scale = valueScale(ys, unit, { fromZero: chart.yMin === 0, min: chart.yMin, max: chart.yMax, ticks: size.yTicks });
  const yLabels = scale.ticks.map((t) => tickText(t, unit));

  // Which series get a label at the right edge, and which beside their last point.
  const nearRight = (day: number) => day >= xMax0 - (xMax0 - xMin0) * 0.03;
  // A small multiple's heading says its latest value: its plot keeps the width.
  const labelled = variant === 'small' ? [] : drawn.filter((s) => s.end && s.role !== 'plan' && s.role !== 'reference');
  const rightLabels = labelled.filter((s) => nearRight(s.points[s.points.length - 1]![0]));
  const pointLabels = labelled.filter((s) => !rightLabels.includes(s));
  const rightTexts = rightLabels.map((s) => endText(s.end!.name, s.end!.value, size.named, font));
  const rightWidth = rightTexts.length ? Math.max(...rightTexts.flat().map((t) => textWidth(t, font))) + 14 : 10;

  // The legend, wrapped into rows under the x axis.
  const legendItems = size.legend ? drawn.filter((s) => s.role !== 'reference') : [];
  const legend: SvgLegendItem[] = [];
  let rowX = 0;
  let rows = legendItems.length ? 1 : 0;
  const legendRows: { item: (typeof legendItems)[number]; x: number; row: number }[] = [];
  const maxRow = size.width - 8;
  for (const item of legendItems) {
    const w = 34 + textWidth(item.label, font) + 22;
    if (rowX > 0 && rowX + w > maxRow) [rowX, rows] = [0, rows + 1];
    legendRows.push({ item, x: rowX, row: rows - 1 });
    rowX += w;
  }
  const lineHeight = font * 1.35;
  const legendHeight = rows ? rows * lineHeight + font * 0.6 : 0;

  const plot = {
    left: r1(Math.max(...yLabels.map((l) => textWidth(l, font))) + 12),
    top: r1(font * 1.5),
    right: r1(size.width - rightWidth),
    bottom: r1(size.height - font * 1.9 - legendHeight),
  };
  const x = (day: number) => r1(plot.left + ((day - xMin) / (xMax - xMin)) * (plot.right - plot.left));
  const y = (value: number) => r1(plot.bottom - ((value - scale.min) / (scale.max - scale.min)) * (plot.bottom - plot.top));

  const xTicks = fittingTimeTicks(xMin, xMax, size.xTicks, x, font, { left: plot.left - 6, right: size.width }).map((t) => ({ x: t.x, label: t.label, anchor: t.anchor }));

  const ordered = [...drawn].sort((a, b) => DRAW_ORDER[a.role] - DRAW_ORDER[b.role] || a.index - b.index);
  const lines: SvgLine[] = ordered.map((s) => ({ role: s.role, index: s.index, d: s.points.map((p, i) => `${i ? 'L' : 'M'}${x(p[0])} ${y(p[1])}`).join('') }));
  const markers: SvgMarker[] = [];
  for (const s of ordered) {
    if (s.role === 'plan') for (const p of s.points) markers.push({ role: s.role, index: s.index, x: x(p[0]), y: y(p[1]), shape: 'diamond' });
    if (s.role === 'actual' && s.points.length <= 60 && variant !== 'small') for (const p of s.points) markers.push({ role: s.role, index: s.index, x: x(p[0]), y: y(p[1]), shape: 'circle' });
    if (s.role === 'forecast') {
      const last = s.points[s.points.length - 1]!;
      markers.push({ role: s.role, index: s.index, x: x(last[0]), y: y(last[1]), shape: 'triangle' });
    }
  }

  const heightOf = (texts: string[]) => texts.length * lineHeight;
  const spread = spreadLabels(
    rightLabels.map((s, i) => ({ want: y(s.points[s.points.length - 1]![1]), height: heightOf(rightTexts[i]!) })),
    plot.top - font * 0.5,
    plot.bottom + font * 0.5,
    2,
  );
  const endLabels: SvgEndLabel[] = rightLabels.map((s, i) => {
    const texts = rightTexts[i]!;
    const last = s.points[s.points.length - 1]!;
    const [lx, ly] = [x(last[0]), y(last[1])];
    const centre = spread[i]!;
    const firstBaseline = centre - heightOf(texts) / 2 + lineHeight * 0.75;
    const labelX = r1(plot.right + 8);
    return {
      role: s.role,
      index: s.index,
      lines: texts.map((text, k) => ({ x: labelX, y: r1(firstBaseline + k * lineHeight), text, anchor: 'start' as const })),
      leader: Math.abs(centre - ly) > font * 0.45 || labelX - lx > 14 ? { x1: lx, y1: ly, x2: r1(labelX - 3), y2: r1(centre) } : null,
    };
  });

  // Notes on the chart, each beside its point where the lines (and earlier notes) are not: the
  // value a goal past due was judged on, then the gap to plan (a bracket from the actual to the
  // planned value) with the current value when its line ends before the due date. On a phone
  // the current value is left to the figures above the chart.
  const bounds = { left: plot.left, top: plot.top, right: plot.right, bottom: plot.bottom };
  const obstacles = ordered.flatMap((s) => samplePolyline(s.points.map((p) => [x(p[0]), y(p[1])] as [number, number])));
  let lastBox = { left: 0, right: 0, top: 0, bottom: 0 };
  const placeNote = (lines: string[], ax: number, ay: number): SvgText[] => {
    const width = Math.max(...lines.map((l) => textWidth(l, font)));
    const candidates = boxesAround(ax, ay, width, lines.length * lineHeight, font * 0.6);
    const box = candidates[leastCovered(candidates, bounds, obstacles)]!;
    lastBox = box;
    for (let bx = box.left; bx <= box.right; bx += 6) for (let by = box.top; by <= box.bottom; by += 6) obstacles.push([bx, by]);
    return lines.map((text, k) => ({ x: r1(box.left), y: r1(box.top + lineHeight * (k + 0.78)), text, anchor: 'start' as const }));
  };
  /** A line from (ax, ay) to the nearest edge of the box placed last, when that box sits away from the point: the note then still reads as the point's. */
  const leaderTo = (ax: number, ay: number) => {
    const nx = Math.min(Math.max(ax, lastBox.left - 3), lastBox.right + 3);
    // Into the first line of text rather than the box's top edge, above the letters.
    const ny = Math.min(Math.max(ay, lastBox.top + lineHeight * 0.45), lastBox.bottom - lineHeight * 0.3);
    return Math.hypot(nx - ax, ny - ay) > font * 1.6 ? { x1: r1(ax), y1: r1(ay), x2: r1(nx), y2: r1(ny) } : null;
  };
  let mark: SvgChart['mark'] = null;
  if (chart.mark) {
    const [mx, my] = [x(chart.mark.day), y(chart.mark.value)];
    mark = { x: mx, y: my, r: r1(font * 0.55), labels: placeNote(size.named ? [chart.mark.text] : splitNote(chart.mark.text), mx, my) };
  }
  let gap: SvgChart['gap'] = null;
  const current = size.named ? pointLabels.filter((s) => s.role === 'actual') : [];
  const noteLines = [
    ...current.map((s) => `${s.end!.name} ${s.end!.value}`),
    ...(chart.gap ? (size.named ? [chart.gap.text] : splitNote(chart.gap.text)) : []),
  ];
  if (noteLines.length) {
    const actual = current[0];
    if (chart.gap) obstacles.push(...samplePolyline([[x(chart.gap.day), y(chart.gap.actual)], [x(chart.gap.day), y(chart.gap.planned)]], 3));
    const [ax, ay] = chart.gap
      ? [x(chart.gap.day), (y(chart.gap.actual) + y(chart.gap.planned)) / 2]
      : [x(actual!.points[actual!.points.length - 1]![0]), y(actual!.points[actual!.points.length - 1]![1])];
    const texts = placeNote(noteLines, ax, ay);
    if (actual) endLabels.push({ role: actual.role, index: actual.index, lines: [texts.shift()!], leader: null });
    if (chart.gap) gap = { x: x(chart.gap.day), y1: y(chart.gap.actual), y2: y(chart.gap.planned), labels: texts, leader: leaderTo(ax, ay) };
  }

  for (const { item, x: lx, row } of legendRows) legend.push({ role: item.role, index: item.index, x: r1(lx + 4), y: r1(plot.bottom + font * 1.9 + font * 0.6 + row * lineHeight + lineHeight * 0.55), label: item.label });

  const asOf =
    chart.asOfDay !== null && chart.asOfDay >= xMin && chart.asOfDay <= xMax
      ? (() => {
          const ax = x(chart.asOfDay!);
          const nearEnd = ax > plot.right - textWidth('as of', font) - 8;
          // A small multiple keeps the rule and leaves the words to the big chart.
          return { x: ax, label: { x: r1(nearEnd ? ax - 5 : ax + 5), y: r1(plot.top - font * 0.4), text: variant === 'small' ? '' : 'as of', anchor: nearEnd ? ('end' as const) : ('start' as const) } };
        })()
      : null;

  return {
    width: size.width,
    height: size.height,
    font,
    plot,
    yTicks: scale.ticks.map((t, i) => ({ y: y(t), label: yLabels[i]! })),
    xTicks,
    lines,
    markers,
    asOf,
    gap,
    mark,
    endLabels,
    legend,
  };
}

/** The class that colours a series: its role, and for scope lines their place among the chart's lines. */
export function seriesClass(role: ChartRole, index: number): string {
  return role === 'scope' ? `s-scope s-scope-${(index % 10) + 1}` : `s-${role}`;
}
