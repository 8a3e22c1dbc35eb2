// What a quarterly review page is given: statuses at the quarter's end beside the previous
// quarter's end (from the engine at those dates), goals due, gaps to plan, SLA, hiring.
import { describe, expect, it } from 'vitest';
import { column, fixtureSite, statusesAt } from './fixture.ts';

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

  it('shows each goal at the quarter end beside the previous quarter end, as the engine computes them', async () => {
    const { site, result } = await fixtureSite();
    const q1 = site.quarters.find((q) => q.label === '2026-Q1')!;
    expect(q1.evaluatedAt).toBe('2026-03-31');
    expect(q1.previous).toEqual({ label: '2025-Q4', end: '2025-12-31' });
    const atEnd = statusesAt(result, '2026-03-31');
    const atPrev = statusesAt(result, '2025-12-31');
    for (const row of q1.changes.rows) {
      const id = row.cells[0]!.text;
      expect(row.cells[3]!.status).toBe(atEnd[id]);
      expect(row.cells[2]!.status).toBe(atPrev[id]);
    }
    const q2 = site.quarters.find((q) => q.label === '2026-Q2')!;
    const now = Object.fromEntries(result.progress!.goals.map((g) => [g.id, g.status]));
    expect(Object.fromEntries(q2.changes.rows.map((r) => [r.cells[0]!.text, r.cells[3]!.status]))).toEqual(
      Object.fromEntries(Object.entries(now).filter(([id]) => id !== 'sla-p1')),
    );
  });

  it('names what improved and what slipped, slipped first', async () => {
    const { site } = await fixtureSite();
    const q2 = site.quarters.find((q) => q.label === '2026-Q2')!;
    const changes = Object.fromEntries(q2.changes.rows.map((r) => [r.cells[0]!.text, r.cells[4]!.text]));
    expect(changes['frt-org']).toBe('Unchanged');
    expect(changes['frt-frontline']).toBe('First data');
    expect(q2.changes.rows[0]!.cells[4]!.text).toBe(q2.slipped > 0 ? 'Slipped' : q2.changes.rows[0]!.cells[4]!.text);
  });

  it('lists goals due in the quarter as achieved or missed', async () => {
    const { site } = await fixtureSite();
    const q1 = site.quarters.find((q) => q.label === '2026-Q1')!;
    expect(q1.due.rows.map((r) => [r.cells[0]!.text, r.cells[4]!.text])).toEqual([['sla-p1', 'Achieved']]);
    const q2 = site.quarters.find((q) => q.label === '2026-Q2')!;
    expect(q2.due.rows.map((r) => [r.cells[0]!.text, r.cells[4]!.text])).toEqual([['frt-cy', 'Missed']]);
  });

  it('ranks the biggest gaps to plan', async () => {
    const { site } = await fixtureSite();
    const q2 = site.quarters.find((q) => q.label === '2026-Q2')!;
    const ids = q2.gaps.rows.map((r) => r.cells[0]!.text);
    expect(ids[0]).toBe('frt-frontline');
    const gaps = q2.gaps.rows.map((r) => r.cells[7]!.num!);
    expect([...gaps].sort((a, b) => b - a)).toEqual(gaps);
  });

  it('gives SLA adherence over the quarter and the hires planned in it', async () => {
    const { site } = await fixtureSite();
    const q2 = site.quarters.find((q) => q.label === '2026-Q2')!;
    expect(column(q2.sla, 'Mean adherence')).toEqual(['95.2%']);
    expect(column(q2.sla, 'Periods on target')).toEqual(['2 of 3 periods']);
    expect(column(q2.sla, 'Met')).toEqual(['Yes']);
    expect(column(q2.hiring, 'Hires')).toEqual(['2']);
    expect(column(q2.hiring, 'Serves')).toEqual(['Frontline answers within 4 h']);
  });

  it('computes no statuses for a quarter that has not started', async () => {
    const { site } = await fixtureSite();
    const q4 = site.quarters.find((q) => q.label === '2026-Q4')!;
    expect(q4.evaluatedAt).toBeNull();
    expect(q4.changes.rows.every((r) => r.cells[3]!.text === '\u2014')).toBe(true);
    expect(column(q4.due, 'Outcome')).toEqual(['Not yet due']);
  });
});
