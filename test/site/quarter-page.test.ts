// What a quarterly review page is given: every goal accounted for (under way, due, closed
// earlier, starting later) with counts that add up; statuses and values at the quarter's end
// beside the previous quarter's end (from the engine at those dates); the goals that need
// attention; today's statuses on a quarter not started yet; SLA and hiring.
import { describe, expect, it } from 'vitest';
import { column, fixtureFiles, fixtureSite, statusesAt } from './fixture.ts';

const nb = (text: string) => text.replace(/ /g, '\u00a0');
const ids = (rows: { cells: { text: string }[] }[]) => rows.map((r) => r.cells[0]!.text);

describe('quarterly review page data', () => {
  it('has one page per quarter in which some goal is under way', async () => {
    const { site } = await fixtureSite();
    expect(site.quarters.map((q) => [q.label, q.state])).toEqual([
      ['2026-Q1', 'closed'],
      ['2026-Q2', 'current'],
      ['2026-Q3', 'upcoming'],
      ['2026-Q4', 'upcoming'],
    ]);
    expect(site.meta.currentQuarter).toBe('2026-Q2');
  });

  it('accounts for every goal on every quarter page, with counts that add up', async () => {
    const { site } = await fixtureSite();
    const all = site.goals.map((g) => g.id).sort();
    for (const q of site.quarters) {
      const listed = [...ids(q.changes.rows), ...ids(q.closed.rows), ...ids(q.later.rows)].sort();
      expect(listed, q.label).toEqual(all);
      expect(q.groups.underWay + q.groups.closed + q.groups.later, q.label).toBe(all.length);
      expect(q.counts.reduce((sum, c) => sum + c.count, 0), q.label).toBe(q.groups.underWay);
      expect(ids(q.due.rows).every((id) => ids(q.changes.rows).includes(id)), q.label).toBe(true);
    }
    expect(site.quarters.map((q) => q.summary)).toEqual([
      '5 goals: 3 under way (1 due in 2026-Q1), 2 start in 2026-Q2',
      '5 goals: 4 under way (1 due in 2026-Q2), 1 closed in 2026-Q1',
      '5 goals: 3 under way (2 due in 2026-Q3), 1 closed in 2026-Q1, 1 in 2026-Q2',
      '5 goals: 1 under way (1 due in 2026-Q4), 1 closed in 2026-Q1, 1 in 2026-Q2, 2 due in 2026-Q3',
    ]);
  });

  it('shows each goal at the quarter end beside the previous quarter end, as the engine computes them', async () => {
    const { site, result } = await fixtureSite();
    const q1 = site.quarters.find((q) => q.label === '2026-Q1')!;
    expect(q1.evaluatedAt).toBe('2026-03-31');
    expect(q1.previous).toEqual({ label: '2025-Q4', end: '2025-12-31' });
    const atEnd = statusesAt(result, '2026-03-31');
    const atPrev = statusesAt(result, '2025-12-31');
    for (const row of q1.changes.rows) {
      const id = row.cells[0]!.text;
      expect(row.cells[4]!.status).toBe(atEnd[id]);
      expect(row.cells[3]!.status).toBe(atPrev[id]);
    }
    const q2 = site.quarters.find((q) => q.label === '2026-Q2')!;
    const now = Object.fromEntries(result.progress!.goals.map((g) => [g.id, g.status]));
    expect(Object.fromEntries(q2.changes.rows.map((r) => [r.cells[0]!.text, r.cells[4]!.status]))).toEqual(
      Object.fromEntries(Object.entries(now).filter(([id]) => id !== 'sla-p1')),
    );
  });

  it('gives each goal its owner, its value at both quarter ends and how it moved', async () => {
    const { site } = await fixtureSite();
    const q2 = site.quarters.find((q) => q.label === '2026-Q2')!;
    const org = q2.changes.rows.find((r) => r.cells[0]!.text === 'frt-org')!;
    expect(column(q2.changes, 'Owner')[ids(q2.changes.rows).indexOf('frt-org')]).toBe('Ana Ruiz');
    expect(org.cells[3]).toMatchObject({ status: 'on-track', note: nb('5 h 12 min') });
    expect(org.cells[4]).toMatchObject({ status: 'on-track', note: nb('4 h 42 min') });
    expect(org.cells[5]).toEqual({ text: 'Unchanged', note: `${nb('30 min')} better` });
    expect(org.cells.slice(6).map((c) => c.num)).toEqual([5.2, 4.7, expect.closeTo(-0.5, 9)]);
    expect(q2.changes.columns.filter((c) => c.csvOnly).map((c) => c.label)).toEqual(['ID', 'Value at end of 2026-Q1', 'Value at end of 2026-Q2', 'Value moved']);
  });

  it('names what improved and what slipped, slipped first', async () => {
    const { site } = await fixtureSite();
    const q2 = site.quarters.find((q) => q.label === '2026-Q2')!;
    const changes = Object.fromEntries(q2.changes.rows.map((r) => [r.cells[0]!.text, r.cells[5]!.text]));
    expect(changes['frt-org']).toBe('Unchanged');
    expect(changes['frt-frontline']).toBe('First data');
  });

  it('lists goals due in the quarter with the outcome in words, and goals closed earlier', async () => {
    const { site } = await fixtureSite();
    const q1 = site.quarters.find((q) => q.label === '2026-Q1')!;
    expect(q1.due.rows.map((r) => [r.cells[0]!.text, r.cells[4]!.status, r.cells[5]!.text])).toEqual([['sla-p1', 'achieved', '96% meets the 95% target']]);
    const q2 = site.quarters.find((q) => q.label === '2026-Q2')!;
    expect(q2.due.rows.map((r) => [r.cells[0]!.text, r.cells[4]!.status, r.cells[5]!.text])).toEqual([
      ['frt-cy', 'missed', `${nb('5 h')} on 2026-05-31, ${nb('30 min')} short of the ${nb('4 h 30 min')} target`],
    ]);
    expect(q2.closed.rows.map((r) => [r.cells[0]!.text, r.cells[5]!.text])).toEqual([['sla-p1', 'on 2026-03-31 at 96%; 96% since']]);
    expect(ids(site.quarters[0]!.later.rows)).toEqual(['frt-cy', 'frt-frontline']);
  });

  it('opens with the goals under way that need attention at the quarter end', async () => {
    const { site } = await fixtureSite();
    const q2 = site.quarters.find((q) => q.label === '2026-Q2')!;
    expect(q2.attention.map((a) => [a.id, a.status])).toEqual([['frt-frontline', 'off-track'], ['frt-cy', 'missed']]);
    const q1 = site.quarters.find((q) => q.label === '2026-Q1')!;
    expect(q1.attention).toEqual([]);
  });

  it('gives SLA adherence over the quarter and the hires planned in it', async () => {
    const { site } = await fixtureSite();
    const q2 = site.quarters.find((q) => q.label === '2026-Q2')!;
    // (94 + 95.5 + 96) / 3 = 95.17: the KPI's rollup is the default, mean.
    expect(column(q2.sla, 'Adherence (mean of the periods)')).toEqual(['95.2%']);
    expect(column(q2.sla, 'Periods on target')).toEqual(['2 of 3 periods']);
    expect(column(q2.sla, 'Met')).toEqual(['Yes']);
    expect(column(q2.hiring, 'Planned')).toEqual(['2']);
    expect(column(q2.hiring, 'Hired')).toEqual(['Not recorded']);
    expect(column(q2.hiring, 'Serves')).toEqual(['Frontline answers within 4 h']);
  });

  it('combines the quarter\u2019s SLA periods by the adherence KPI\u2019s rollup', async () => {
    const files = fixtureFiles();
    files['strategy/kpis.yaml'] = files['strategy/kpis.yaml']!.replace('id: sla_adherence\nname: SLA adherence\nunit: percent\ndirection: increase', 'id: sla_adherence\nname: SLA adherence\nunit: percent\ndirection: increase\nrollup: min');
    const { site } = await fixtureSite(files);
    const q2 = site.quarters.find((q) => q.label === '2026-Q2')!;
    // The lowest of 94, 95.5 and 96, against a 95 % target.
    expect(column(q2.sla, 'Adherence (lowest of the periods)')).toEqual(['94%']);
    expect(column(q2.sla, 'Met')).toEqual(['No']);
  });

  it('shows today\u2019s status, and what falls due, on a quarter that has not started', async () => {
    const { site, result } = await fixtureSite();
    const q3 = site.quarters.find((q) => q.label === '2026-Q3')!;
    expect(q3.evaluatedAt).toBe('2026-06-30');
    const today = Object.fromEntries(result.progress!.goals.map((g) => [g.id, g.status]));
    expect(q3.changes.columns.map((c) => c.label)).toEqual(['ID', 'Goal', 'Owner', 'Status today', 'Value today', 'Due']);
    for (const row of q3.changes.rows) expect(row.cells[3]!.status).toBe(today[row.cells[0]!.text]);
    expect(q3.due.rows.map((r) => [r.cells[0]!.text, r.cells[5]!.text])).toEqual([
      ['frt-frontline', `forecast ${nb('5 h 24 min')} misses the ${nb('4 h')} target by ${nb('1 h 24 min')}`],
      ['frt-org', `forecast ${nb('3 h 54 min')} hits the ${nb('4 h')} target`],
    ]);
    expect(column(q3.sla, 'Met')).toEqual(['Not started']);
    const q4 = site.quarters.find((q) => q.label === '2026-Q4')!;
    expect(q4.closed.caption).toBe('Goals due before 2026-Q4');
  });
});
