// A line chart island (React + chart.js). It gets only the points it draws, reads its colours
// from the page's CSS custom properties (so it follows the light or dark theme) and redraws when
// the theme changes. The canvas carries role="img" and an aria-label; the data table beside it
// is rendered by Astro and is what works without JavaScript and what prints.
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
  type Plugin,
  type TooltipItem,
} from 'chart.js';
import type { ChartData, ChartRole } from '../data/types.ts';
import { fromDayNumber, toDayNumber } from '../../util/dates.ts';

Chart.register(LineController, LineElement, PointElement, LinearScale, Legend, Tooltip);

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function monthTick(day: number): string {
  const iso = fromDayNumber(day);
  const month = Number(iso.slice(5, 7));
  return month === 1 ? `${MONTHS[0]} ${iso.slice(0, 4)}` : MONTHS[month - 1]!;
}

/** First-of-month day numbers between min and max, thinned to at most ~8 ticks. */
function monthTicks(min: number, max: number): number[] {
  const start = fromDayNumber(min);
  let year = Number(start.slice(0, 4));
  let month = Number(start.slice(5, 7));
  const ticks: number[] = [];
  for (;;) {
    const day = toDayNumber(`${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-01`);
    if (day > max) break;
    if (day >= min) ticks.push(day);
    month = month === 12 ? 1 : month + 1;
    if (month === 1) year++;
  }
  const step = Math.max(1, Math.ceil(ticks.length / 8));
  return ticks.filter((_, i) => i % step === 0);
}

function css(element: Element, name: string, fallback: string): string {
  return getComputedStyle(element).getPropertyValue(name).trim() || fallback;
}

function dataset(element: Element, role: ChartRole, label: string, points: [number, number][], index: number): ChartDataset<'line', { x: number; y: number }[]> {
  const data = points.map(([x, y]) => ({ x, y }));
  const base = { label, data, borderWidth: 2, pointRadius: 3, pointHoverRadius: 5, tension: 0, spanGaps: true };
  if (role === 'actual') {
    const color = css(element, '--chart-actual', '#1d4ed8');
    return { ...base, borderColor: color, backgroundColor: color, borderWidth: 2.5, pointStyle: 'circle', pointRadius: points.length > 60 ? 0 : 3 };
  }
  if (role === 'plan') {
    const color = css(element, '--chart-plan', '#64748b');
    return { ...base, borderColor: color, backgroundColor: color, borderDash: [6, 4], pointStyle: 'rectRot', pointRadius: 4 };
  }
  if (role === 'target') {
    const color = css(element, '--chart-target', '#15803d');
    return { ...base, borderColor: color, backgroundColor: color, borderDash: [2, 3], pointStyle: 'line', pointRadius: 0, borderWidth: 2 };
  }
  if (role === 'forecast') {
    const color = css(element, '--chart-forecast', '#c2410c');
    return { ...base, borderColor: color, backgroundColor: color, borderDash: [3, 4], pointRadius: [0, 4], pointStyle: 'triangle' };
  }
  // Scopes: the first (the organisation when it has data) is drawn boldest.
  const color = css(element, `--chart-${(index % 10) + 1}`, '#0072b2');
  return { ...base, borderColor: color, backgroundColor: color, borderWidth: index === 0 ? 3 : 1.5, pointRadius: points.length > 40 ? 0 : 2 };
}

const asOfRule: Plugin<'line'> = {
  id: 'goalpostAsOf',
  afterDatasetsDraw(chart, _args, options: { day?: number | null; color?: string }) {
    if (options.day === null || options.day === undefined) return;
    const x = chart.scales.x!.getPixelForValue(options.day);
    const { top, bottom, left, right } = chart.chartArea;
    if (x < left || x > right) return;
    const ctx = chart.ctx;
    ctx.save();
    ctx.strokeStyle = options.color ?? '#94a3b8';
    ctx.setLineDash([4, 4]);
    ctx.beginPath();
    ctx.moveTo(x, top);
    ctx.lineTo(x, bottom);
    ctx.stroke();
    ctx.fillStyle = options.color ?? '#94a3b8';
    ctx.font = '11px system-ui, sans-serif';
    ctx.textAlign = x > right - 50 ? 'right' : 'left';
    ctx.fillText('as of', x + (x > right - 50 ? -4 : 4), top + 10);
    ctx.restore();
  },
};

function config(element: Element, chart: ChartData): ChartConfiguration<'line', { x: number; y: number }[]> {
  const xs = chart.series.flatMap((s) => s.points.map((p) => p[0]));
  const min = xs.length ? Math.min(...xs) : 0;
  const max = xs.length ? Math.max(...xs) : 1;
  const pad = Math.max(3, Math.round((max - min) * 0.02));
  const text = css(element, '--chart-text', '#4b5565');
  const grid = css(element, '--chart-grid', '#e5e9f0');
  const format = (value: number) => `${Math.round(value * 100) / 100}${chart.unit}`;
  return {
    type: 'line',
    data: { datasets: chart.series.map((s, i) => dataset(element, s.role, s.label, s.points, i)) },
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      parsing: false,
      normalized: true,
      interaction: { mode: 'nearest', intersect: false },
      scales: {
        x: {
          type: 'linear',
          min: min - pad,
          max: max + pad,
          grid: { color: grid },
          border: { color: grid },
          ticks: { color: text, autoSkip: false, maxRotation: 0, callback: (value) => monthTick(Number(value)) },
          afterBuildTicks: (axis) => {
            axis.ticks = monthTicks(min - pad, max + pad).map((value) => ({ value }));
          },
        },
        y: {
          ...(chart.yMin !== undefined ? { suggestedMin: chart.yMin } : {}),
          ...(chart.yMax !== undefined ? { suggestedMax: chart.yMax } : {}),
          grid: { color: grid },
          border: { color: grid },
          ticks: { color: text, callback: (value) => format(Number(value)) },
        },
      },
      plugins: {
        legend: { position: 'bottom', labels: { color: text, usePointStyle: true, pointStyleWidth: 14, boxHeight: 7, padding: 16, font: { size: 12 } } },
        tooltip: {
          callbacks: {
            title: (items: TooltipItem<'line'>[]) => (items[0] ? fromDayNumber(Math.round(items[0].parsed.x ?? 0)) : ''),
            label: (item: TooltipItem<'line'>) => `${item.dataset.label ?? ''}: ${format(item.parsed.y ?? 0)}`,
          },
        },
        goalpostAsOf: { day: chart.asOfDay, color: css(element, '--chart-asof', '#94a3b8') },
      } as never,
    },
    plugins: [asOfRule],
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
