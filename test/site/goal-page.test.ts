// What a goal page is given: figures, the chart's series (actual up to as-of, planned path,
// target, forecast), the SMART panel, parent and children, points, plan, source.
import { describe, expect, it } from 'vitest';
import { toDayNumber } from '../../src/util/dates.ts';
import { column, fixtureFiles, fixtureSite } from './fixture.ts';

const nb = (text: string) => text.replace(/ /g, '\u00a0');

const goalOf = async (id: string, files = fixtureFiles()) => {
  const { site, result } = await fixtureSite(files);
  return { page: site.goals.find((g) => g.id === id)!, result };
};

describe('goal page data', () => {
  it('charts the actual series up to the as-of date, the plan, the target and the forecast', async () => {
    const { page, result } = await goalOf('frt-org');
    const roles = page.chart.series.map((s) => s.role);
    expect(roles).toEqual(['actual', 'plan', 'target', 'forecast']);
    const actual = page.chart.series[0]!.points;
    expect(actual).toHaveLength(6); // the July point is after the as-of date
    expect(actual[actual.length - 1]).toEqual([toDayNumber('2026-06-30'), 4.7]);
    expect(page.chart.series[1]!.points).toEqual([
      [toDayNumber('2025-12-31'), 6],
      [toDayNumber('2026-03-31'), 5.2],
      [toDayNumber('2026-09-30'), 4],
    ]);
    expect(page.chart.series[2]!.points.map((p) => p[1])).toEqual([4, 4]);
    const forecast = result.progress!.goals.find((g) => g.id === 'frt-org')!.forecast!;
    expect(page.chart.series[3]!.points).toEqual([
      [toDayNumber('2026-06-30'), 4.7],
      [toDayNumber('2026-09-30'), forecast],
    ]);
    expect(page.chart.asOfDay).toBe(toDayNumber('2026-06-30'));
  });

  it('says whose data is missing by name, and the scope a CSV row needs', async () => {
    const files = fixtureFiles();
    files['data/metrics.csv'] = files['data/metrics.csv']!.split('\n').filter((line) => !line.includes('person:cy')).join('\n');
    const { page } = await goalOf('frt-cy', files);
    expect(page.points.rows).toEqual([]);
    expect(page.points.empty).toBe('No data yet for First response time for Cy Park up to 2026-06-30. Add rows for the scope `person:cy` to a CSV in data/.');
  });

  it('says when the current value is worse than the baseline, which attainment shows as 0 %', async () => {
    const files = fixtureFiles();
    // Cy's baseline is 6 h; a latest 6.5 h is 0.5 h the wrong way: attainment -0.5 / 1.5.
    files['data/metrics.csv'] = files['data/metrics.csv']!.split('\n').filter((line) => !line.includes('person:cy')).concat('2026-04,frt,person:cy,6.5\n').join('\n');
    const { page, result } = await goalOf('frt-cy', files);
    expect(result.progress!.goals.find((g) => g.id === 'frt-cy')!.attainment).toBeCloseTo(-1 / 3, 10);
    expect(page.figures.find((f) => f.label === 'Attainment')).toMatchObject({ text: '0%', note: expect.stringMatching(/; worse than the baseline$/) });
  });

  it('gives a planned value from where the chart draws the plan: flat at the baseline until a later start', async () => {
    const files = fixtureFiles();
    files['strategy/goals.yaml'] = files['strategy/goals.yaml']!.replace('baseline: { value: 6, date: 2026-03-31 }\ntarget: { value: 4.5, date: 2026-05-31 }', 'baseline: { value: 6, date: 2026-03-31 }\nstart: 2026-05-01\ntarget: { value: 4.5, date: 2026-05-31 }');
    const { page } = await goalOf('frt-cy', files);
    expect(page.chart.series.find((s) => s.role === 'plan')!.points[0]).toEqual([toDayNumber('2026-03-31'), 6]);
    // April's point (2026-04-30) lies before the start: the plan still holds the baseline there.
    expect(page.points.rows.map((r) => [r.cells[1]!.text, r.cells[3]!.num])).toEqual([['2026-05-31', 4.5], ['2026-04-30', 6]]);
  });

  it('describes the chart in words for screen readers', async () => {
    const { page } = await goalOf('frt-org');
    expect(page.chart.ariaLabel).toContain('Line chart of First response time for Organisation (lower is better).');
    expect(page.chart.ariaLabel).toContain(`6 points from 2026-01-31 to 2026-06-30, latest ${nb('4 h 42 min')}`);
    expect(page.chart.ariaLabel).toContain(`Planned path from ${nb('6 h')} on 2025-12-31 to ${nb('4 h')} on 2026-09-30, through ${nb('5 h 12 min')} on 2026-03-31.`);
    expect(page.chart.ariaLabel).toContain(`At the latest point, ${nb('6 min')} behind plan.`);
    expect(page.chart.ariaLabel).toContain(`Forecast at the due date: ${nb('3 h 54 min')}.`);
  });

  it('keeps the title as plain text (Astro escapes it when rendering)', async () => {
    const { page } = await goalOf('frt-org');
    expect(page.title).toBe('<script>alert(1)</script> "now"');
  });

  it('fills the SMART panel from the file and marks what is missing: the title is what makes a goal specific', async () => {
    const { page } = await goalOf('frt-frontline');
    const smart = Object.fromEntries(page.smart.map((s) => [s.key, s.text]));
    expect(smart.specific).toBe('Frontline answers within 4 h');
    expect(page.smart[0]!.detail).toBeNull();
    expect(smart.achievable).toBeNull();
    expect(smart.measurable).toBe(`First response time (hours, lower is better) for Frontline: from ${nb('6 h')} on 2026-03-31 to ${nb('4 h')}.`);
    expect(smart.relevant).toBe('Ladders up to the goal \u201c<script>alert(1)</script> "now"\u201d.');
    expect(smart['time-bound']).toBe('From 2026-03-31, due 2026-09-30.');
    const top = await goalOf('frt-org');
    expect(top.page.smart.find((s) => s.key === 'relevant')!.text).toBe('Serves the objective \u201cAnswer fast\u201d.');
    expect(top.page.smart.every((s) => s.text !== null)).toBe(true);
    expect(top.page.smart[0]).toMatchObject({ text: '<script>alert(1)</script> "now"', detail: 'Morning backlog.' });
  });

  it('says the status and the forecast in one sentence', async () => {
    expect((await goalOf('frt-org')).page.verdict).toBe(`On track; forecast ${nb('3 h 54 min')} hits the ${nb('4 h')} target`);
    expect((await goalOf('frt-frontline')).page.verdict).toBe(`Off track; forecast ${nb('5 h 24 min')} misses the ${nb('4 h')} target by ${nb('1 h 24 min')}`);
    expect((await goalOf('frt-cy')).page.verdict).toBe(`Missed: ${nb('5 h')} on 2026-05-31, ${nb('30 min')} short of the ${nb('4 h 30 min')} target`);
    expect((await goalOf('sla-p1')).page.verdict).toBe('Achieved on 2026-03-31 at 96%; 96% since');
    expect((await goalOf('csat-hold')).page.verdict).toBe('On track; 86.5% holds the 85% threshold');
  });

  it('says by how much the forecast misses the target, in the KPI\u2019s unit', async () => {
    const { page } = await goalOf('frt-frontline');
    expect(page.figures.find((f) => f.label === 'Forecast at due date')).toEqual({ label: 'Forecast at due date', text: nb('5 h 24 min'), note: `misses the ${nb('4 h')} target by ${nb('1 h 24 min')}` });
  });

  it('marks the gap to plan at the latest point and labels the ends of the lines', async () => {
    const { page } = await goalOf('frt-org');
    expect(page.chart.gap).toEqual({ day: toDayNumber('2026-06-30'), actual: 4.7, planned: expect.closeTo(4.6033, 3), text: `${nb('6 min')} behind plan` });
    expect(page.chart.series.map((s) => s.end)).toEqual([
      { name: 'Now', value: nb('4 h 42 min') },
      undefined,
      { name: 'Target', value: nb('4 h') },
      { name: 'Forecast', value: nb('3 h 54 min') },
    ]);
    expect(page.chart.valueUnit).toBe('hours');
  });

  it('shows parent and children with their statuses', async () => {
    const { page } = await goalOf('frt-frontline');
    expect(page.parent).toEqual({ id: 'frt-org', name: '<script>alert(1)</script> "now"', href: 'goals/frt-org/', status: 'on-track' });
    expect(page.children.rows.map((r) => [r.cells[0]!.text, r.cells[2]!.status])).toEqual([['frt-cy', 'missed']]);
    expect(page.level).toBe('team');
    expect(page.scope).toBe('Frontline');
  });

  it('lists the data points with the planned value at each, and the planned path', async () => {
    const { page } = await goalOf('frt-org');
    expect(column(page.points, 'Period')).toEqual(['2026-06', '2026-05', '2026-04', '2026-03', '2026-02', '2026-01']);
    expect(column(page.points, 'Actual')[5]).toBe(nb('5 h 48 min'));
    expect(column(page.points, 'Planned')[3]).toBe(nb('5 h 12 min'));
    expect(page.points.shownRows).toBe(13);
    expect(column(page.plan, 'Point')).toEqual(['Baseline', 'Milestone', 'Target']);
  });

  it('draws a maintain goal as a threshold, with no forecast', async () => {
    const { page } = await goalOf('csat-hold');
    expect(page.chart.series.map((s) => s.label)).toEqual(['Actual', 'Threshold to hold', 'Threshold']);
    expect(page.chart.gap).toBeNull();
    expect(page.stale).toBe(true);
    expect(page.figures.map((f) => f.label)).toEqual(['Current', 'Target', 'Attainment']);
  });

  it('says where the goal is defined', async () => {
    const { page } = await goalOf('frt-cy');
    expect(page.source).toEqual({ file: 'strategy/goals.yaml', line: 25 });
  });
});
