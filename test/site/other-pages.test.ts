// What the objective, cascade, KPI, SLA, channel and hiring pages are given.
import { describe, expect, it } from 'vitest';
import { tableToCsv } from '../../src/site/data/csv.ts';
import { column, fixtureFiles, fixtureSite, texts } from './fixture.ts';

const nb = (text: string) => text.replace(/ /g, '\u00a0');

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
  it('charts the organisation and the scopes with goals, newest rows first, and the related KPIs beside it', async () => {
    const { site } = await fixtureSite();
    const frt = site.kpis.find((k) => k.id === 'frt')!;
    expect(frt.chart.series.map((s) => s.label)).toEqual(['Organisation', 'Cy Park', 'Frontline']);
    expect(frt.chart.series.map((s) => s.end?.value)).toEqual([nb('4 h 42 min'), nb('5 h'), nb('5 h 42 min')]);
    expect(frt.others).toEqual([]);
    expect(frt.series.columns.map((c) => c.label)).toEqual(['Period', 'Date', 'Organisation', 'Cy Park', 'Frontline']);
    expect(column(frt.series, 'Date')).toEqual(['2026-06-30', '2026-05-31', '2026-04-30', '2026-03-31', '2026-02-28', '2026-01-31']);
    expect(texts(frt.series)[2]).toEqual(['2026-04', '2026-04-30', nb('5 h'), nb('5 h 30 min'), nb('5 h 54 min')]);
    expect(column(frt.goals, 'ID')).toEqual(['frt-cy', 'frt-frontline', 'frt-org']);
    expect(frt.related.map((r) => [r.kpi.id, r.scopeLabel, r.latest])).toEqual([['csat', 'Organisation', '86.5% on 2026-03-31']]);
    expect(frt.related[0]!.chart.series[0]!.points).toHaveLength(3);
  });

  it('draws scopes without a goal as small charts of their own over the organisation, and keeps them in the CSV', async () => {
    const files = fixtureFiles();
    files['data/metrics.csv'] += '2026-04,frt,team:support,5.1\n2026-05,frt,team:support,4.9\n';
    const { site } = await fixtureSite(files);
    const frt = site.kpis.find((k) => k.id === 'frt')!;
    expect(frt.chart.series.map((s) => s.label)).toEqual(['Organisation', 'Cy Park', 'Frontline']);
    expect(frt.others.map((g) => g.heading)).toEqual(['Teams']);
    expect(frt.others[0]!.scopes.map((o) => [o.scope, o.label, o.latest])).toEqual([['team:support', 'Support', `${nb('4 h 54 min')} on 2026-05-31`]]);
    expect(frt.others[0]!.scopes[0]!.chart.series.map((s) => [s.role, s.label])).toEqual([['reference', 'Organisation'], ['scope', 'Support']]);
    const support = frt.series.columns.find((c) => c.label === 'Support')!;
    expect(support.csvOnly).toBe(true);
    const csv = tableToCsv(frt.series).split('\r\n');
    expect(csv[0]).toBe('\uFEFFPeriod,Date,Organisation,Cy Park,Frontline,Support');
    expect(csv.slice(2, 4)).toEqual(['2026-05,2026-05-31,4.8,5,5.8,4.9', '2026-04,2026-04-30,5,5.5,5.9,5.1']);
    // Each group of small charts has its figures in a table of its own under them.
    const teams = frt.others[0]!.table;
    expect(teams.csv).toBe('kpis/frt/teams');
    expect(teams.columns.map((c) => c.label)).toEqual(['Period', 'Date', 'Support']);
    expect(texts(teams).slice(0, 2)).toEqual([['2026-05', '2026-05-31', nb('4 h 54 min')], ['2026-04', '2026-04-30', nb('5 h 6 min')]]);
  });

  it('groups the small charts by kind, and gives every person a row of one table instead of a chart', async () => {
    const files = fixtureFiles();
    files['data/metrics.csv'] += '2026-05,frt,channel:email,4.5\n2026-05,frt,bogus:thing,4.4\n2026-05,frt,team:support,4.9\n';
    const { site } = await fixtureSite(files);
    const frt = site.kpis.find((k) => k.id === 'frt')!;
    expect(frt.others.map((g) => [g.heading, g.scopes.map((s) => s.scope)])).toEqual([['Teams', ['team:support']], ['Channels', ['channel:email']], ['Other scopes', ['bogus:thing']]]);
    expect(frt.people!.csv).toBe('kpis/frt/people');
    expect(texts(frt.people!)).toEqual([['Cy Park', nb('5 h')]]);
    expect(frt.people!.rows[0]!.cells.map((c) => c.note)).toEqual(['Frontline', 'on 2026-05-31', undefined, undefined, undefined]);
    expect(tableToCsv(frt.people!).split('\r\n')[1]).toBe('Cy Park,5,Frontline,2026-05-31,person:cy');
  });

  it('has no table of people when no person has data on the KPI', async () => {
    const { site } = await fixtureSite();
    expect(site.kpis.find((k) => k.id === 'csat')!.people).toBeNull();
  });

  it('shows the latest 13 rows of a long series, and the CSV has them all', async () => {
    const files = fixtureFiles();
    const weeks = Array.from({ length: 30 }, (_, i) => `2025-W${String(i + 1).padStart(2, '0')},frt,team:support,${6 + (i % 3) / 10}`).join('\n');
    files['data/metrics.csv'] += `${weeks}\n`;
    const { site } = await fixtureSite(files);
    const frt = site.kpis.find((k) => k.id === 'frt')!;
    expect(frt.series.shownRows).toBe(13);
    expect(frt.series.rows.length).toBeGreaterThan(30);
    expect(column(frt.series, 'Date')[0]).toBe('2026-06-30');
  });
});

describe('SLA, channel and hiring page data', () => {
  it('gives each policy its limits, target and adherence over time', async () => {
    const { site } = await fixtureSite();
    const [p1] = site.sla.policies;
    expect(p1).toMatchObject({ id: 'p1', firstResponse: nb('30 min'), resolution: nb('4 h'), clock: 'Calendar hours', target: '95%', latest: '96% on 2026-06-30', meets: true });
    expect(p1!.channels.map((c) => c.id)).toEqual(['email']);
    expect(p1!.chart.series.map((s) => s.role)).toEqual(['actual', 'target']);
    expect(column(p1!.table, 'Meets 95%')).toEqual(['Yes', 'Yes', 'No', 'Yes', 'No', 'No']);
    expect(p1!.chart.ariaLabel).toContain('3 of 6 periods met the target');
    expect(column(site.sla.goals, 'ID')).toEqual(['sla-p1']);
  });

  it('describes channels with role, hours, staffing, SLAs and why', async () => {
    const { site } = await fixtureSite();
    expect(site.channels.channels[0]).toMatchObject({ id: 'email', role: 'Core', hours: 'Mon-Fri 08:00-18:00', staffing: '4 FTE', why: 'Most customers write in.' });
    expect(site.channels.channels[0]!.slas.map((s) => s.name)).toEqual(['P1: Outage']);
    expect(site.channels.summary.caption).toBe('Channels: 4 FTE in all');
  });

  it('adds up only the staffing channels state, and says how many that covers', async () => {
    const files = fixtureFiles();
    files['strategy/service.yaml'] += '---\nkind: Channel\nid: chat\nname: Chat\nrole: core\nowner: ben\nwhy: Quick questions.\n';
    const { site } = await fixtureSite(files);
    expect(site.channels.summary.caption).toBe('Channels: 4 FTE in the 1 of 2 that state their staffing');
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
