// What the overview page is given: the goals that need attention, counts by status, objectives
// with their rolled-up progress against expected and goal trees, the filters, stale data flagged.
import { describe, expect, it } from 'vitest';
import { column, fixtureSite } from './fixture.ts';

const nb = (text: string) => text.replace(/ /g, '\u00a0');

describe('overview page data', () => {
  it('counts every goal once, by the status the engine gives it', async () => {
    const { site, result } = await fixtureSite();
    const { overview } = site;
    expect(overview.total).toBe(5);
    expect(overview.counts.reduce((sum, c) => sum + c.count, 0)).toBe(5);
    const expected = Object.fromEntries(result.progress!.goals.map((g) => [g.id, g.status]));
    const shown = Object.fromEntries(overview.objectives[0]!.table.rows.map((row) => [row.cells[0]!.text, row.cells[2]!.status]));
    expect(shown).toEqual(expected);
    expect(overview.counts.find((c) => c.status === 'achieved')).toEqual({ status: 'achieved', label: 'Achieved', count: 1 });
  });

  it('lists each objective with its progress and its goals as a tree', async () => {
    const { site, result } = await fixtureSite();
    const [objective] = site.overview.objectives;
    expect(objective!.id).toBe('fast');
    expect(objective!.progress).toBe(result.progress!.objectives[0]!.progress);
    expect(objective!.progressText).toBe(`${Math.round(objective!.progress! * 100)}%`);
    const rows = objective!.table.rows.map((row) => [row.cells[0]!.text, row.cells[1]!.indent]);
    expect(rows).toEqual([
      ['csat-hold', 0],
      ['frt-org', 0],
      ['frt-frontline', 1],
      ['frt-cy', 2],
      ['sla-p1', 0],
    ]);
    expect(column(objective!.table, 'Current')).toEqual(['86.5%', '4\u00a0h\u00a042\u00a0min', '5\u00a0h\u00a042\u00a0min', '5\u00a0h', '96%']);
    expect(column(objective!.table, 'Due')).toEqual(['2026-12-31', '2026-09-30', '2026-09-30', '2026-05-31', '2026-03-31']);
    expect(site.overview.unassigned).toBeNull();
  });

  it('flags stale data on the goal and in the summary', async () => {
    const { site } = await fixtureSite();
    const row = site.overview.objectives[0]!.table.rows.find((r) => r.cells[0]!.text === 'csat-hold')!;
    expect(row.cells[1]!.flag).toBe('Stale data');
    expect(site.overview.staleCount).toBe(1);
  });

  it('offers team filters that include the teams above, and owner filters by name', async () => {
    const { site } = await fixtureSite();
    expect(site.overview.teams.map((t) => t.id)).toEqual(['support', 'frontline']);
    expect(site.overview.owners.map((o) => o.id)).toEqual(['ben', 'ana', 'cy']);
    const cy = site.overview.objectives[0]!.table.rows.find((r) => r.cells[0]!.text === 'frt-cy')!;
    expect(cy.filter).toEqual({ goal: 'frt-cy', status: 'missed', teams: ['frontline', 'support'], owner: 'cy', attainment: 2 / 3, expected: 1 });
  });

  it('puts goals that reach no objective in a group of their own', async () => {
    const files = (await import('./fixture.ts')).fixtureFiles();
    files['strategy/goals.yaml'] = files['strategy/goals.yaml']!.replace('objective: fast\nowner: ben', 'owner: ben');
    const { site } = await fixtureSite(files);
    expect(site.overview.unassigned?.rows.map((r) => r.cells[0]!.text)).toEqual(['sla-p1']);
  });

  it('opens with the missed, off-track and at-risk goals, the biggest gap to plan first', async () => {
    const { site, result } = await fixtureSite();
    const troubled = result.progress!.goals.filter((g) => ['missed', 'off-track', 'at-risk'].includes(g.status));
    const byGap = [...troubled].sort((a, b) => b.expected! - b.attainment! - (a.expected! - a.attainment!)).map((g) => g.id);
    expect(site.overview.attention.map((a) => a.id)).toEqual(byGap);
    expect(byGap).toEqual(['frt-frontline', 'frt-cy']);
    const [frontline, cy] = site.overview.attention;
    // 5.7 h against 5.005 h planned on 2026-06-30; 35 points of progress behind.
    expect(frontline).toMatchObject({ status: 'off-track', owner: { id: 'ben' }, gap: 34.7, gapText: `${nb('42 min')} behind plan` });
    expect(frontline!.reason).toBe(`15% of the way against 50% expected by now; forecast ${nb('5 h 24 min')} misses the ${nb('4 h')} target by ${nb('1 h 24 min')}`);
    // Past due, judged on the due value (5 h on 2026-05-31 against 4.5 h).
    expect(cy).toMatchObject({ status: 'missed', gapText: `${nb('30 min')} short of target`, reason: `${nb('5 h')} on 2026-05-31 against the ${nb('4 h 30 min')} target` });
  });

  it('marks where each objective is expected to be by now: the weighted mean of its goals\u2019 expected', async () => {
    const { site, result } = await fixtureSite();
    const [objective] = site.overview.objectives;
    const expected = result.progress!.objectives[0]!.children.map((c) => Math.min(1, result.progress!.goals.find((g) => g.id === c.id)!.expected ?? 0));
    expect(objective!.expected).toBeCloseTo(expected.reduce((a, b) => a + b, 0) / expected.length, 12);
    expect(objective!.expectedText).toBe('90%');
  });
});
