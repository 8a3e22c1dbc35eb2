// The chart drawn at build time: every line and label inside the picture, end labels that do
// not overlap, the forecast's marker above the plan's, the year on the time axis, text no
// smaller than 14 px where it prints (the wide chart prints about 700 px wide).
import { describe, expect, it } from 'vitest';
import { textWidth } from '../../../src/site/components/chart-scale.ts';
import { layoutChart, type SvgChart } from '../../../src/site/components/chart-svg.ts';
import type { ChartData } from '../../../src/site/data/types.ts';
import { toDayNumber } from '../../../src/util/dates.ts';
import { fixtureSite } from '../fixture.ts';

const PRINT_WIDTH = 700;

function texts(svg: SvgChart) {
  return [
    ...svg.endLabels.flatMap((l) => l.lines),
    ...(svg.gap ? svg.gap.labels : []),
    ...svg.xTicks.map((t) => ({ x: t.x, y: svg.plot.bottom, text: t.label, anchor: t.anchor })),
    ...svg.legend.map((l) => ({ x: l.x + 33, y: l.y, text: l.label, anchor: 'start' as const })),
  ];
}

function box(t: { x: number; y: number; text: string; anchor: string }, font: number) {
  const w = textWidth(t.text, font);
  const left = t.anchor === 'start' ? t.x : t.anchor === 'end' ? t.x - w : t.x - w / 2;
  return { left, right: left + w, top: t.y - font, bottom: t.y };
}

describe('static chart layout', () => {
  it('keeps every label inside the picture, and end labels apart', async () => {
    const { site } = await fixtureSite();
    for (const page of site.goals) {
      for (const variant of ['wide', 'narrow'] as const) {
        const svg = layoutChart(page.chart, variant);
        for (const t of texts(svg)) {
          const b = box(t, svg.font);
          expect(b.left, `${page.id} ${variant} ${t.text}`).toBeGreaterThanOrEqual(-1);
          expect(b.right, `${page.id} ${variant} ${t.text}`).toBeLessThanOrEqual(svg.width + 1);
          expect(b.bottom, `${page.id} ${variant} ${t.text}`).toBeLessThanOrEqual(svg.height);
        }
        const ticks = svg.xTicks.map((t) => box({ x: t.x, y: 0, text: t.label, anchor: t.anchor }, svg.font));
        for (let i = 1; i < ticks.length; i++) expect(ticks[i]!.left, `${page.id} ${variant} tick ${i}`).toBeGreaterThan(ticks[i - 1]!.right);
        const right = svg.endLabels.filter((l) => l.lines[0]!.x > svg.plot.right).map((l) => l.lines[0]!.y).sort((a, b) => a - b);
        for (let i = 1; i < right.length; i++) expect(right[i]! - right[i - 1]!, page.id).toBeGreaterThanOrEqual(svg.font);
      }
    }
  });

  it('labels the current value, the target and the forecast, and draws the gap to plan', async () => {
    const { site } = await fixtureSite();
    const svg = layoutChart(site.goals.find((g) => g.id === 'frt-org')!.chart, 'wide');
    const labels = svg.endLabels.map((l) => [l.role, l.lines.map((t) => t.text).join(' ')]);
    expect(labels).toEqual([
      ['target', 'Target 4\u00a0h'],
      ['forecast', 'Forecast 3\u00a0h\u00a054\u00a0min'],
      ['actual', 'Now 4\u00a0h\u00a042\u00a0min'],
    ]);
    expect(svg.gap!.labels.map((l) => l.text)).toEqual(['6\u00a0min behind plan']);
    expect(layoutChart(site.goals.find((g) => g.id === 'frt-org')!.chart, 'narrow').gap!.labels.map((l) => l.text)).toEqual(['6\u00a0min', 'behind plan']);
    expect(svg.gap!.y1).toBeLessThan(svg.gap!.y2);
    // Drawn last, the forecast's triangle sits above the plan's diamond at the due date.
    const roles = svg.markers.map((m) => m.role);
    expect(roles.lastIndexOf('plan')).toBeLessThan(roles.indexOf('forecast'));
    expect(svg.xTicks.filter((t) => /^[A-Z][a-z]{2} \d{4}$/.test(t.label)).length).toBeGreaterThanOrEqual(1);
  });

  it('prints its text at 14 px or more', () => {
    const svg = layoutChart({ ariaLabel: '', unit: '', valueUnit: 'percent', series: [], asOfDay: null }, 'wide');
    expect((svg.font * PRINT_WIDTH) / svg.width).toBeGreaterThanOrEqual(14);
    const small = layoutChart({ ariaLabel: '', unit: '', valueUnit: 'percent', series: [], asOfDay: null }, 'small');
    expect(small.font).toBeGreaterThanOrEqual(14);
  });

  it('gives the same shapes for the same chart', () => {
    const chart: ChartData = {
      ariaLabel: 'x',
      unit: '%',
      valueUnit: 'percent',
      series: [{ label: 'Adherence', role: 'actual', points: [[toDayNumber('2026-01-31'), 91], [toDayNumber('2026-02-28'), 93.5]], end: { name: 'Latest', value: '93.5%' } }],
      asOfDay: toDayNumber('2026-02-28'),
    };
    expect(JSON.stringify(layoutChart(chart, 'wide'))).toBe(JSON.stringify(layoutChart(structuredClone(chart), 'wide')));
  });
});

describe('the gap note', () => {
  it('gets a line from its point when it is placed away from it, and none beside it', async () => {
    const { site } = await fixtureSite();
    const leaders = new Map(site.goals.map((page) => [page.id, layoutChart(page.chart, 'wide')] as const));
    // In the fixture, frt-org's note sits beside its bracket; frt-cy's and frt-frontline's are pushed away by the lines.
    expect(leaders.get('frt-org')!.gap!.leader).toBeNull();
    for (const id of ['frt-cy', 'frt-frontline']) {
      const svg = leaders.get(id)!;
      const gap = svg.gap!;
      expect(gap.leader, id).not.toBeNull();
      // From the middle of the bracket.
      expect([gap.leader!.x1, gap.leader!.y1]).toEqual([Math.round(gap.x * 10) / 10, Math.round(((gap.y1 + gap.y2) / 2) * 10) / 10]);
      const first = gap.labels[0]!;
      // It ends within the note's lines: the current value's line (an end label now) above the gap's, down to the last one's foot.
      const last = gap.labels[gap.labels.length - 1]!;
      expect(gap.leader!.y2, id).toBeGreaterThanOrEqual(first.y - 2 * svg.font * 1.35);
      expect(gap.leader!.y2, id).toBeLessThanOrEqual(last.y + svg.font * 0.35);
      const width = Math.max(...gap.labels.map((l) => textWidth(l.text, svg.font)));
      expect(gap.leader!.x2, id).toBeGreaterThanOrEqual(first.x - 3.05);
      expect(gap.leader!.x2, id).toBeLessThanOrEqual(first.x + width + 3.05);
    }
  });
});
