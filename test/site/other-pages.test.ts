// What the objective, cascade, KPI, SLA, channel and hiring pages are given.
import { describe, expect, it } from 'vitest';
import { column, fixtureSite, texts } from './fixture.ts';

describe('objective and cascade page data', () => {
  it('shows how an objective\u2019s progress is made up', async () => {
    const { site, result } = await fixtureSite();
    const page = site.objectives[0]!;
    expect(page.progress).toBe(result.progress!.objectives[0]!.progress);
    expect(column(page.contributions, 'Goal')).toEqual(['Keep CSAT at 85 % or better', '<script>alert(1)</script> "now"', 'P1 adherence from 90 % to 95 %']);
    expect(column(page.contributions, 'Weight')).toEqual(['1', '1', '1']);
    expect(page.goals.rows).toHaveLength(5);
  });

  it('cascades organisation -> team -> person', async () => {
    const { site } = await fixtureSite();
    const root = site.cascade.roots[0]!;
    const frt = root.goals.find((g) => g.id === 'frt-org')!;
    expect(frt.levelLabel).toBe('Organisation');
    expect(frt.children[0]!.levelLabel).toBe('Team: Frontline');
    expect(frt.children[0]!.children[0]!.levelLabel).toBe('Person: Cy Park');
    expect(root.goals.find((g) => g.id === 'sla-p1')!.levelLabel).toBe('Organisation: P1: Outage');
  });
});

describe('KPI page data', () => {
  it('puts every scope on one chart and the related KPIs beside it', async () => {
    const { site } = await fixtureSite();
    const frt = site.kpis.find((k) => k.id === 'frt')!;
    expect(frt.chart.series.map((s) => s.label)).toEqual(['Organisation', 'Cy Park', 'Frontline']);
    expect(frt.series.columns.map((c) => c.label)).toEqual(['Period', 'Date', 'Organisation', 'Cy Park', 'Frontline']);
    expect(texts(frt.series)[3]).toEqual(['2026-04', '2026-04-30', '5 h', '5.5 h', '5.9 h']);
    expect(column(frt.goals, 'ID')).toEqual(['frt-cy', 'frt-frontline', 'frt-org']);
    expect(frt.related.map((r) => [r.kpi.id, r.scopeLabel, r.latest])).toEqual([['csat', 'Organisation', '86.5% on 2026-03-31']]);
    expect(frt.related[0]!.chart.series[0]!.points).toHaveLength(3);
  });
});

describe('SLA, channel and hiring page data', () => {
  it('gives each policy its limits, target and adherence over time', async () => {
    const { site } = await fixtureSite();
    const [p1] = site.sla.policies;
    expect(p1).toMatchObject({ id: 'p1', firstResponse: '30 min', resolution: '4 h', clock: 'Calendar hours', target: '95%', latest: '96% on 2026-06-30', meets: true });
    expect(p1!.channels.map((c) => c.id)).toEqual(['email']);
    expect(p1!.chart.series.map((s) => s.role)).toEqual(['actual', 'target']);
    expect(column(p1!.table, 'Met 95%')).toEqual(['No', 'No', 'Yes', 'No', 'Yes', 'Yes']);
    expect(p1!.chart.ariaLabel).toContain('3 of 6 periods met the target');
    expect(column(site.sla.goals, 'ID')).toEqual(['sla-p1']);
  });

  it('describes channels with role, hours, staffing, SLAs and why', async () => {
    const { site } = await fixtureSite();
    expect(site.channels.channels[0]).toMatchObject({ id: 'email', role: 'Core', hours: 'Mon-Fri 08:00-18:00', staffing: '4 FTE', why: 'Most customers write in.' });
    expect(site.channels.channels[0]!.slas.map((s) => s.name)).toEqual(['P1: Outage']);
  });

  it('splits skills into must-have and nice-to-have and plans headcount by quarter', async () => {
    const { site } = await fixtureSite();
    const [agent] = site.hiring.profiles;
    expect(agent!.must).toEqual([{ name: 'Clear writing', type: 'soft' }]);
    expect(agent!.nice).toEqual([{ name: 'SQL', type: 'hard' }]);
    expect(agent!.supports).toEqual([{ id: 'frt-frontline', name: 'Frontline answers within 4 h', href: 'goals/frt-frontline/', status: 'off-track' }]);
    expect(texts(site.hiring.plan)).toEqual([['Support Agent', 'Frontline', '2', '1', '3']]);
  });
});
