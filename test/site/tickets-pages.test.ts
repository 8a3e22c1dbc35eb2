// What the pages are given for numbers computed from a ticket export (issue 15 item 8): how a
// KPI is computed, in words; the tickets behind every point, in the tables, the CSVs and the
// chart's tooltip data; per SLA policy and period the tickets met and breached, and the latest
// breaches linked into the help desk. The export is review-fixture.ts's five tickets.
import { describe, expect, it } from 'vitest';
import { tableToCsv } from '../../src/site/data/csv.ts';
import { allTables } from '../../src/site/data/site-data.ts';
import { helpDeskUrl, lateness } from '../../src/site/data/sla-page.ts';
import { statisticWords } from '../../src/site/data/ticket-origin.ts';
import { toDayNumber } from '../../src/util/dates.ts';
import { column, fixtureSite, texts } from './fixture.ts';
import { reviewFixtureFiles } from './review-fixture.ts';

const nb = (text: string) => text.replace(/ /g, '\u00a0');

describe('a KPI computed from tickets', () => {
  it('says how it is computed, in words, with the source and the files it read', async () => {
    const { site } = await fixtureSite(reviewFixtureFiles());
    const kpi = site.kpis.find((k) => k.id === 'frt_business')!;
    expect(kpi.computed).toEqual({
      summary: '90th percentile first reply time in business hours (Office hours), per month, from 1 help-desk export file',
      details: [
        { label: 'Measure', text: '`first-reply`' },
        { label: 'Statistic', text: '90th percentile' },
        { label: 'Clock', text: 'Business hours (Office hours)' },
        { label: 'Period', text: 'Month' },
      ],
      sources: [{ id: 'desk', name: 'Help desk export', files: ['data/desk/2026.csv'] }],
      countsShown: true,
    });
    expect(site.kpis.find((k) => k.id === 'sla_adherence')!.computed!.summary).toBe(
      'Share of tickets that met both targets of their SLA policy, each in its policy\u2019s clock, per month, from 1 help-desk export file',
    );
    expect(site.kpis.find((k) => k.id === 'frt')!.computed).toBeNull();
  });

  it('names percentiles as a support lead says them', () => {
    expect(['median', 'mean', 'p90', 'p1', 'p2', 'p3', 'p11', 'p12', 'p13', 'p21', 'p95'].map(statisticWords)).toEqual([
      'Median', 'Mean', '90th percentile', '1st percentile', '2nd percentile', '3rd percentile', '11th percentile', '12th percentile', '13th percentile', '21st percentile', '95th percentile',
    ]);
  });

  it('gives the tickets behind each point: a Tickets column beside one scope, and the counts in the chart for the tooltip', async () => {
    const { site } = await fixtureSite(reviewFixtureFiles());
    const kpi = site.kpis.find((k) => k.id === 'frt_business')!;
    expect(kpi.series.columns.filter((c) => !c.csvOnly).map((c) => c.label)).toEqual(['Period', 'Date', 'Organisation', 'Tickets']);
    expect(texts(kpi.series)).toEqual([
      ['2026-06', '2026-06-30', nb('5 min'), '3'],
      ['2026-05', '2026-05-31', nb('55 min'), '2'],
    ]);
    expect(kpi.chart.series.map((s) => [s.label, s.points, s.tickets])).toEqual([
      ['Organisation', [[toDayNumber('2026-05-31'), 55], [toDayNumber('2026-06-30'), 5]], [2, 3]],
    ]);
  });

  it('puts each count under its value when several scopes share the table, and in a CSV column of its own', async () => {
    const files = reviewFixtureFiles();
    files['strategy/goals.yaml'] += '---\nkind: Goal\nid: p1-reply\ntitle: P1 replies within 30 min\nobjective: fast\nowner: ben\nkpi: frt_business\nscope: sla:p1\nbaseline: { value: 60, date: 2026-04-30 }\ntarget: { value: 30, date: 2026-09-30 }\n';
    const { site } = await fixtureSite(files);
    const kpi = site.kpis.find((k) => k.id === 'frt_business')!;
    expect(kpi.series.columns.map((c) => [c.label, c.csvOnly ?? false])).toEqual([
      ['Period', false], ['Date', false], ['Organisation', false], ['P1: Outage', false], ['Organisation tickets', true], ['P1: Outage tickets', true],
    ]);
    expect(kpi.series.rows[1]!.cells.slice(2)).toEqual([
      { text: nb('55 min'), num: 55, note: '2 tickets' },
      { text: nb('55 min'), num: 55, note: '2 tickets' },
      { text: '2', num: 2 },
      { text: '2', num: 2 },
    ]);
    expect(tableToCsv(kpi.series).split('\r\n')[2]).toBe('2026-05,2026-05-31,55,55,2,2');
  });

  it('gives beside each person\'s latest value how many tickets it stands on, and has them in the CSV', async () => {
    const files = reviewFixtureFiles();
    const people: Record<string, string> = { t1: 'cy', t2: 'cy', t3: 'cy', t4: 'ben', t5: 'ben' };
    files['data/desk/2026.csv'] = files['data/desk/2026.csv']!.split('\n').map((line, i) => (line === '' ? line : `${line},${i === 0 ? 'person' : people[line.split(',')[0]!]}`)).join('\n');
    const { site } = await fixtureSite(files);
    const kpi = site.kpis.find((k) => k.id === 'frt_business')!;
    // June: Ben's t4 (asked and answered before opening: 0 min) and t5 (5 min), p90 = 4.5 min
    // (shown to the minute); Cy's t3, 5 min. Ben's name is the fixture's spreadsheet formula.
    expect(kpi.people!.columns.filter((c) => !c.csvOnly).map((c) => c.label)).toEqual(['Person', 'Latest', 'Tickets']);
    expect(kpi.people!.rows.map((r) => [r.cells[0]!.text, r.cells[1]!.num, r.cells[1]!.text, r.cells[1]!.note, r.cells[2]!.num])).toEqual([
      ["=cmd|' /C calc'!A0", 4.5, nb('5 min'), 'on 2026-06-30', 2],
      ['Cy Park', 5, nb('5 min'), 'on 2026-06-30', 1],
    ]);
    expect(tableToCsv(kpi.people!).split('\r\n').slice(0, 2)).toEqual(['\uFEFFPerson,Latest,Tickets,Team,Date,Scope', expect.stringMatching(/,4\.5,2,.*,2026-06-30,person:ben$/)]);
  });

  it('gives a goal on it the same words, a Tickets column and the counts behind its actual line', async () => {
    const { site } = await fixtureSite(reviewFixtureFiles());
    const goal = site.goals.find((g) => g.id === 'sla-p1')!;
    expect(goal.computed!.summary).toMatch(/^Share of tickets that met both targets/);
    expect(column(goal.points, 'Tickets')).toEqual(['2', '2']);
    expect(column(goal.points, 'Actual')).toEqual(['0%', '50%']);
    expect(goal.chart.series.find((s) => s.role === 'actual')!.tickets).toEqual([2, 2]);
    const fromCsv = site.goals.find((g) => g.id === 'frt-org')!;
    expect(fromCsv.computed).toBeNull();
    expect(fromCsv.points.columns.map((c) => c.label)).not.toContain('Tickets');
    expect(fromCsv.chart.series[0]!.tickets).toBeUndefined();
  });
});

describe('the SLA page from a ticket export', () => {
  it('gives per policy and period the tickets that met and breached it, beside the adherence', async () => {
    const { site } = await fixtureSite(reviewFixtureFiles());
    const p1 = site.sla.policies[0]!;
    expect(p1.table.columns.map((c) => c.label)).toEqual(['Period', 'Date', 'Adherence', 'Meets 95%', 'Met', 'Breached']);
    expect(texts(p1.table)).toEqual([
      ['2026-06', '2026-06-30', '0%', 'No', '0', '2'],
      ['2026-05', '2026-05-31', '50%', 'No', '1', '1'],
    ]);
    expect(p1.chart.series[0]!.tickets).toEqual([2, 2]);
  });

  it('lists the latest breaches: the ticket linked into the help desk, when, which target, how late, still open', async () => {
    const { site } = await fixtureSite(reviewFixtureFiles());
    const breaches = site.sla.policies[0]!.breaches!;
    expect(texts(breaches)).toEqual([
      ['t4', '2026-06-29', 'Resolution', `${nb('24 h 5 min')} late so far`],
      ['t3', '2026-06-01', 'Resolution', `${nb('2 h 30 min')} late`],
      ['t2', '2026-05-05', 'First response', `${nb('30 min')} late`],
    ]);
    expect(breaches.rows.map((r) => r.cells[0]!.external)).toEqual(['t4', 't3', 't2'].map((id) => `https://desk.example.com/tickets/${id}`));
    expect(breaches.rows.map((r) => r.cells[4]!.flag ?? null)).toEqual(['Still open', null, null]);
    expect(tableToCsv(breaches).split('\r\n').slice(0, 2)).toEqual([
      '\uFEFFTicket,Source,Breached on,Target missed,How late,Minutes late,Still open,Link',
      `t4,Help desk export,2026-06-29,Resolution,${nb('24 h 5 min')} late so far,1445,Yes,https://desk.example.com/tickets/t4`,
    ]);
    expect(allTables(site).map((t) => t.csv)).toContain('sla/p1/breaches');
  });

  it('leaves out breaches after the as-of date', async () => {
    const { site } = await fixtureSite(reviewFixtureFiles(), '2026-06-15');
    expect(site.sla.policies[0]!.breaches!.rows.map((r) => r.cells[0]!.text)).toEqual(['t3', 't2']);
    expect(column(site.sla.policies[0]!.table, 'Date')).toEqual(['2026-05-31']);
  });

  it('neutralises a ticket id that a spreadsheet would run as a formula', async () => {
    const files = reviewFixtureFiles();
    files['data/desk/2026.csv'] = files['data/desk/2026.csv']!.replace('\nt2,', '\n=1+2,');
    const { site } = await fixtureSite(files);
    const csv = tableToCsv(site.sla.policies[0]!.breaches!);
    expect(csv).toContain("\r\n'=1+2,");
    expect(site.sla.policies[0]!.breaches!.rows[2]!.cells[0]!.external).toBe('https://desk.example.com/tickets/%3D1%2B2');
  });

  it('links only to http(s) addresses', () => {
    expect(helpDeskUrl('https://desk.example.com/tickets/1')).toBe('https://desk.example.com/tickets/1');
    expect(helpDeskUrl('http://desk.example.com/a b')).toBe('http://desk.example.com/a%20b');
    expect(['javascript:alert(1)', 'JavaScript:alert(1)', 'data:text/html,x', 'ftp://desk.example.com/1', '//desk.example.com/1', 'tickets/1', ''].map(helpDeskUrl)).toEqual([null, null, null, null, null, null, null]);
    expect(helpDeskUrl(undefined)).toBeNull();
  });

  it('says how late in hours and minutes, and so far for a ticket still open', () => {
    expect(lateness({ lateMinutes: 135, ongoing: false })).toBe(`${nb('2 h 15 min')} late`);
    expect(lateness({ lateMinutes: 45, ongoing: true })).toBe(`${nb('45 min')} late so far`);
    expect(lateness({ lateMinutes: 0, ongoing: true })).toBe(`less than ${nb('1 min')} late so far`);
  });

  it('has no breaches table and no ticket counts when the workspace reads no ticket export', async () => {
    const { site } = await fixtureSite();
    expect(site.sla.policies[0]!.breaches).toBeNull();
    expect(site.sla.policies[0]!.table.columns.map((c) => c.label)).toEqual(['Period', 'Date', 'Adherence', 'Meets 95%']);
    expect(site.kpis.every((k) => k.computed === null)).toBe(true);
  });
});
