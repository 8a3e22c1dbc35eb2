// A line chart island (React + chart.js), which replaces the chart's static SVG on screen (the
// SVG is what prints and what shows without JavaScript). It gets only the points it draws,
// shares its axes and labels with the SVG (components/chart-scale.ts: the year on the time
// axis, values written as the site writes them, end labels pushed apart), reads its colours
// from the page's CSS custom properties (so it follows the light or dark theme) and redraws
// when the theme changes. The canvas carries role="img" and an aria-label. For a series
// computed from tickets, the tooltip gives the tickets behind the point.
import { useEffect, useRef } from 'react';
import {
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
  type ChartConfiguration,
  type ChartDataset,
  type LegendItem,
  type Plugin,
  type TooltipItem,
} from 'chart.js';
import type { ChartData, ChartRole, ChartSeries } from '../data/types.ts';
import { fromDayNumber } from '../../util/dates.ts';
import { boxesAround, fittingTimeTicks, leastCovered, samplePolyline, splitNote, spreadLabels, textWidth, tickText, tooltipText, valueScale } from '../components/chart-scale.ts';

Chart.register(LineController, LineElement, PointElement, LinearScale, Legend, Tooltip);

/** At least 14 px everywhere: the review is read off a projector. */
const FONT_SIZE = 14;
const FONT = `${FONT_SIZE}px system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif`;

/** Lower is drawn later, on top: the forecast's marker must never hide under the plan's. */
const ORDER: Record<ChartRole, number> = { forecast: 0, actual: 1, scope: 2, plan: 3, target: 4, reference: 5 };

type Point = { x: number; y: number };

function css(element: Element, name: string, fallback: string): string {
  return getComputedStyle(element).getPropertyValue(name).trim() || fallback;
}

function colourOf(element: Element, role: ChartRole, index: number): string {
  if (role === 'scope') return css(element, `--chart-${(index % 10) + 1}`, '#0072b2');
  if (role === 'reference') return css(element, '--chart-grid', '#cbd5e1');
  return css(element, `--chart-${role}`, '#1d4ed8');
}

function dataset(element: Element, series: ChartSeries, index: number): ChartDataset<'line', Point[]> {
  const { role, label, points } = series;
  const data = points.map(([x, y]) => ({ x, y }));
  const color = colourOf(element, role, index);
  const base = { label, data, borderColor: color, backgroundColor: color, borderWidth: 2, pointRadius: 3, pointHoverRadius: 5, tension: 0, spanGaps: true, order: ORDER[role] };
  if (role === 'actual') return { ...base, borderWidth: 3, pointStyle: 'circle', pointRadius: points.length > 60 ? 0 : 3 };
  if (role === 'plan') return { ...base, borderDash: [8, 5], pointStyle: 'rectRot', pointRadius: 5, backgroundColor: css(element, '--surface', '#fff'), pointBorderColor: color, pointBorderWidth: 2 };
  if (role === 'target') return { ...base, borderDash: [3, 4], pointStyle: 'line', pointRadius: 0 };
  if (role === 'forecast') return { ...base, borderDash: [6, 5], pointRadius: data.map((_, i) => (i === data.length - 1 ? 7 : 0)), pointStyle: 'triangle' };
  if (role === 'reference') return { ...base, borderWidth: 2, pointRadius: 0 };
  return { ...base, borderWidth: index === 0 ? 3.5 : 2.5, pointRadius: points.length > 40 ? 0 : 2 };
}

interface Overlay {
  chart: ChartData;
  text: string;
  asOf: string;
  halo: string;
  /** The page's text colour: the gap bracket and the notes. */
  ink: string;
  colours: string[];
  /** End labels carry the series name (wide charts) or only the value (the legend names it). */
  named: boolean;
}

const endText = (s: ChartSeries, named: boolean) => (named ? `${s.end!.name} ${s.end!.value}` : s.end!.value);

function halo(ctx: CanvasRenderingContext2D, text: string, x: number, y: number, colour: string, background: string): void {
  ctx.lineWidth = 4;
  ctx.strokeStyle = background;
  ctx.strokeText(text, x, y);
  ctx.fillStyle = colour;
  ctx.fillText(text, x, y);
}

/** The as-of rule, the gap to plan and the end labels, drawn over the lines. */
const overlay: Plugin<'line'> = {
  id: 'goalpostOverlay',
  afterDatasetsDraw(instance, _args, options: Overlay) {
    const { chart, colours } = options;
    const x = instance.scales.x!;
    const y = instance.scales.y!;
    const { top, bottom, left, right } = instance.chartArea;
    const ctx = instance.ctx;
    ctx.save();
    ctx.font = FONT;
    ctx.textBaseline = 'middle';
    if (chart.asOfDay !== null) {
      const ax = x.getPixelForValue(chart.asOfDay);
      if (ax >= left && ax <= right) {
        ctx.strokeStyle = options.asOf;
        ctx.setLineDash([4, 4]);
        ctx.lineWidth = 1;
        ctx.beginPath();
        ctx.moveTo(ax, top);
        ctx.lineTo(ax, bottom);
        ctx.stroke();
        ctx.setLineDash([]);
        const nearEnd = ax > right - 60;
        ctx.textAlign = nearEnd ? 'right' : 'left';
        halo(ctx, 'as of', ax + (nearEnd ? -5 : 5), top + 10, options.text, options.halo);
      }
    }
    if (chart.gap) {
      const gx = x.getPixelForValue(chart.gap.day);
      const [y1, y2] = [y.getPixelForValue(chart.gap.actual), y.getPixelForValue(chart.gap.planned)];
      ctx.strokeStyle = options.ink;
      ctx.lineWidth = 2;
      ctx.beginPath();
      ctx.moveTo(gx - 5, y1);
      ctx.lineTo(gx + 5, y1);
      ctx.moveTo(gx, y1);
      ctx.lineTo(gx, y2);
      ctx.moveTo(gx - 5, y2);
      ctx.lineTo(gx + 5, y2);
      ctx.stroke();
    }
    const xs = chart.series.flatMap((s) => s.points.map((p) => p[0]));
    const [xMin, xMax] = [Math.min(...xs), Math.max(...xs)];
    const labelled = chart.series.map((s, i) => ({ s, i })).filter(({ s }) => s.end && s.points.length && s.role !== 'plan' && s.role !== 'reference');
    const atRight = labelled.filter(({ s }) => s.points[s.points.length - 1]![0] >= xMax - (xMax - xMin) * 0.03);
    const lineHeight = FONT_SIZE * 1.3;
    const centres = spreadLabels(
      atRight.map(({ s }) => ({ want: y.getPixelForValue(s.points[s.points.length - 1]![1]), height: lineHeight })),
      top - FONT_SIZE / 2,
      bottom + FONT_SIZE / 2,
      2,
    );
    ctx.textAlign = 'left';
    atRight.forEach(({ s, i }, k) => {
      const last = s.points[s.points.length - 1]!;
      const [px, py] = [x.getPixelForValue(last[0]), y.getPixelForValue(last[1])];
      const ly = centres[k]!;
      ctx.strokeStyle = colours[i]!;
      ctx.lineWidth = 1;
      if (Math.abs(ly - py) > 4) {
        ctx.beginPath();
        ctx.moveTo(px + 3, py);
        ctx.lineTo(right + 6, ly);
        ctx.stroke();
      }
      halo(ctx, endText(s, options.named), right + 9, ly, colours[i]!, options.halo);
    });
    // Notes beside their point where the lines are not, as the static chart places them: the
    // value a goal past due was judged on, then the gap to plan with the current value (left to
    // the figures above the chart when it is narrow).
    const obstacles = chart.series.flatMap((s) => samplePolyline(s.points.map((p) => [x.getPixelForValue(p[0]), y.getPixelForValue(p[1])] as [number, number])));
    const place = (note: { text: string; colour: string }[], ax: number, ay: number) => {
      const width = Math.max(...note.map((n) => ctx.measureText(n.text).width));
      const candidates = boxesAround(ax, ay, width, note.length * lineHeight, 8);
      const box = candidates[leastCovered(candidates, { left, top, right, bottom }, obstacles)]!;
      for (let bx = box.left; bx <= box.right; bx += 6) for (let by = box.top; by <= box.bottom; by += 6) obstacles.push([bx, by]);
      ctx.textAlign = 'left';
      note.forEach((n, k) => halo(ctx, n.text, box.left, box.top + lineHeight * (k + 0.5), n.colour, options.halo));
    };
    const split = (text: string) => (options.named ? [text] : splitNote(text));
    if (chart.mark) {
      const [mx, my] = [x.getPixelForValue(chart.mark.day), y.getPixelForValue(chart.mark.value)];
      ctx.strokeStyle = options.ink;
      ctx.lineWidth = 2;
      ctx.beginPath();
      ctx.arc(mx, my, 9, 0, Math.PI * 2);
      ctx.stroke();
      place(split(chart.mark.text).map((text) => ({ text, colour: options.ink })), mx, my);
    }
    const current = options.named ? labelled.filter((l) => !atRight.includes(l) && l.s.role === 'actual') : [];
    const note = [
      ...current.map(({ s, i }) => ({ text: endText(s, true), colour: colours[i]! })),
      ...(chart.gap ? split(chart.gap.text).map((text) => ({ text, colour: options.ink })) : []),
    ];
    if (note.length) {
      const last = current[0]?.s.points[current[0].s.points.length - 1];
      const ax = chart.gap ? x.getPixelForValue(chart.gap.day) : x.getPixelForValue(last![0]);
      const ay = chart.gap ? (y.getPixelForValue(chart.gap.actual) + y.getPixelForValue(chart.gap.planned)) / 2 : y.getPixelForValue(last![1]);
      if (chart.gap) obstacles.push(...samplePolyline([[ax, y.getPixelForValue(chart.gap.actual)], [ax, y.getPixelForValue(chart.gap.planned)]], 3));
      place(note, ax, ay);
    }
    ctx.restore();
  },
};

function config(element: Element, chart: ChartData): ChartConfiguration<'line', Point[]> {
  const xs = chart.series.flatMap((s) => s.points.map((p) => p[0]));
  const ys = chart.series.flatMap((s) => s.points.map((p) => p[1]));
  if (chart.gap) ys.push(chart.gap.actual, chart.gap.planned);
  if (chart.mark) ys.push(chart.mark.value);
  const min = xs.length ? Math.min(...xs) : 0;
  const max = xs.length ? Math.max(...xs) : 1;
  const pad = Math.max(2, Math.round((max - min) * 0.015));
  // The canvas has no size of its own yet: its box decides.
  const boxWidth = (element.parentElement ?? element).getBoundingClientRect().width;
  const narrow = boxWidth < 520;
  const endTexts = chart.series.filter((s) => s.end && s.role !== 'plan' && s.role !== 'reference').map((s) => endText(s, !narrow));
  const right = endTexts.length ? Math.ceil(Math.max(...endTexts.map((t) => textWidth(t, FONT_SIZE)))) + 16 : 8;
  // Roughly where chart.js will put each day: the box less the value labels and the end labels.
  const plotWidth = Math.max(100, boxWidth - right - 80);
  const ticks = fittingTimeTicks(min - pad, max + pad, narrow ? 4 : 9, (day) => ((day - min + pad) / (max - min + 2 * pad)) * plotWidth, FONT_SIZE);
  const scale = valueScale(ys, chart.valueUnit, { fromZero: chart.yMin === 0, min: chart.yMin, max: chart.yMax, ticks: narrow ? 5 : 6 });
  const text = css(element, '--chart-text', '#4b5565');
  const grid = css(element, '--chart-grid', '#e5e9f0');
  const colours = chart.series.map((s, i) => colourOf(element, s.role, i));
  const font = { size: FONT_SIZE };
  return {
    type: 'line',
    data: { datasets: chart.series.map((s, i) => dataset(element, s, i)) },
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      parsing: false,
      normalized: true,
      layout: { padding: { right, top: 6 } },
      interaction: { mode: 'nearest', intersect: false },
      scales: {
        x: {
          type: 'linear',
          min: min - pad,
          max: max + pad,
          grid: { color: grid },
          border: { color: grid },
          ticks: { color: text, font, autoSkip: false, maxRotation: 0, callback: (value) => ticks.find((t) => t.day === Number(value))?.label ?? '' },
          afterBuildTicks: (axis) => {
            axis.ticks = ticks.map((t) => ({ value: t.day }));
          },
        },
        y: {
          min: scale.min,
          max: scale.max,
          grid: { color: grid },
          border: { color: grid },
          ticks: { color: text, font, callback: (value) => tickText(Number(value), chart.valueUnit) },
          afterBuildTicks: (axis) => {
            axis.ticks = scale.ticks.map((value) => ({ value }));
          },
        },
      },
      plugins: {
        legend: {
          position: 'bottom',
          labels: {
            color: text,
            usePointStyle: true,
            pointStyleWidth: 18,
            boxHeight: 8,
            padding: narrow ? 10 : 18,
            font,
            sort: (a: LegendItem, b: LegendItem) => (a.datasetIndex ?? 0) - (b.datasetIndex ?? 0),
            filter: (item: LegendItem) => chart.series[item.datasetIndex ?? 0]?.role !== 'reference',
          },
        },
        tooltip: {
          titleFont: font,
          bodyFont: font,
          // The forecast starts at the latest actual point: there it would repeat that value as a "forecast".
          filter: (item: TooltipItem<'line'>) => !(chart.series[item.datasetIndex]?.role === 'forecast' && item.dataIndex === 0),
          callbacks: {
            title: (items: TooltipItem<'line'>[]) => (items[0] ? fromDayNumber(Math.round(items[0].parsed.x ?? 0)) : ''),
            label: (item: TooltipItem<'line'>) => tooltipText(chart.series[item.datasetIndex] ?? { label: item.dataset.label ?? '' }, item.dataIndex, item.parsed.y ?? 0, chart.valueUnit),
          },
        },
        goalpostOverlay: { chart, text, asOf: css(element, '--chart-asof', '#94a3b8'), halo: css(element, '--surface', '#ffffff'), ink: css(element, '--text', '#172033'), colours, named: !narrow } satisfies Overlay,
      } as never,
    },
    plugins: [overlay],
  };
}

export default function LineChart({ chart }: { chart: ChartData }) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const canvas = ref.current;
    if (!canvas) return;
    let instance = new Chart(canvas, config(canvas, chart));
    const scheme = window.matchMedia('(prefers-color-scheme: dark)');
    const redraw = () => {
      instance.destroy();
      instance = new Chart(canvas, config(canvas, chart));
    };
    scheme.addEventListener('change', redraw);
    return () => {
      scheme.removeEventListener('change', redraw);
      instance.destroy();
    };
  }, [chart]);
  // chart.js sizes the canvas from its parent; the island element itself is display: contents.
  return (
    <div style={{ position: 'relative', width: '100%', height: '100%' }}>
      <canvas ref={ref} role="img" aria-label={chart.ariaLabel} data-chart="line">
        {chart.ariaLabel}
      </canvas>
    </div>
  );
}
