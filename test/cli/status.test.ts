// `goalpost status` as a new user meets it: a help-desk export with a typo'd KPI column and an
// "n/a" cell is caught by check at both cells; once fixed, status shows the goals.
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { memoryEffects, memoryFileSystem } from '../helpers/memory-fs.ts';
import { editFixture, readFixture } from '../helpers/workspace-fixture.ts';

const valid = readFixture('valid');

async function run(args: string[], files: Record<string, string>) {
  const effects = memoryEffects(memoryFileSystem(files));
  const code = await main(args, effects);
  return { code, out: effects.out(), err: effects.err() };
}

const EXPORT = 'period,scope,frt,csta\n2026-04,org,5.6,88\n2026-05,org,n/a,89\n2026-06,org,4.9,91\n2026-06,team:tier1,4.1,\n';

describe('goalpost status', () => {
  it('check names the typo and the n/a cell; after the fix status shows the goals', async () => {
    const broken = await run(['check'], { ...valid, 'data/helpdesk.csv': EXPORT });
    expect(broken.code).toBe(1);
    expect(broken.out).toContain('data/helpdesk.csv:1:18 error metric-unknown-kpi');
    expect(broken.out).toContain("hint: Did you mean `csat`?");
    expect(broken.out).toContain('data/helpdesk.csv:3:13 error metric-value');

    const fixed = { ...valid, 'data/helpdesk.csv': EXPORT.replace('csta', 'csat').replace('n/a', '') };
    expect((await run(['check'], fixed)).out).toBe('No problems found.\n');
    const table = await run(['status', '--as-of', '2026-06-30'], fixed);
    expect(table.code).toBe(0);
    expect(table.out).toContain('Test Support: 3 goals as of 2026-06-30');
    expect(table.out).toMatch(/frt-org +ana +On track +4\.9 h \/ 4 h +55% \/ 50%/);
    // (4.1 - 5) / (3.5 - 5) = 0.6 against 91 of 183 days = 0.497 of the way: on track.
    expect(table.out).toMatch(/\n {4}frt-tier1 +ben +On track +4\.1 h \/ 3\.5 h +60% \/ 50%/);
    expect(table.out).toMatch(/csat-hold +ana +On track +91% \/ 90%/);
  });

  it('still shows every goal when one person names a team that does not exist', async () => {
    const typo = editFixture(valid, 'strategy/workspace.yaml', (t) => t.replace('team: tier1, role: Team Lead', 'team: tier-1, role: Team Lead'));
    const checked = await run(['check'], typo);
    expect(checked.code).toBe(1);
    expect(checked.out).toContain('strategy/workspace.yaml:10:40 error ref-unknown `people.team` names team `tier-1`, which does not exist');
    const shown = await run(['status', '--as-of', '2026-06-30'], typo);
    expect(shown.code).toBe(1);
    expect(shown.out).toContain('Test Support: 3 goals as of 2026-06-30');
  });

  it('prints FORMAT.md section 6 JSON, with null where a figure does not exist', async () => {
    const { code, out } = await run(['status', '--json', '--as-of', '2026-06-30'], { ...valid, 'data/m.csv': 'period,kpi,value\n2026-06,frt,4.9\n' });
    expect(code).toBe(0);
    const json = JSON.parse(out);
    expect(Object.keys(json)).toEqual(['asOf', 'goals', 'objectives']);
    expect(json.goals.map((g: { id: string }) => g.id)).toEqual(['csat-hold', 'frt-org', 'frt-tier1']);
    // A maintain goal's expected is 1 even without data (FORMAT.md section 5).
    expect(json.goals[0]).toEqual({ id: 'csat-hold', status: 'no-data', current: null, attainment: null, expected: 1, forecast: null, forecastHits: null });
    // (4.9 - 6) / (4 - 6) = 0.55 against the 5 h milestone's (5 - 6) / (4 - 6) = 0.5.
    expect(json.goals[1]).toMatchObject({ id: 'frt-org', status: 'on-track', current: 4.9, expected: 0.5 });
    expect(json.goals[1].attainment).toBeCloseTo(0.55, 12);
  });

  it('shows a forecast past the KPI range as past it, and keeps the fitted value in the JSON', async () => {
    const files = {
      ...valid,
      'strategy/kpis.yaml': valid['strategy/kpis.yaml']!.replace('direction: decrease\n', 'direction: decrease\nrange: { min: 0 }\n'),
      'data/m.csv': 'period,kpi,value\n2026-04,frt,4\n2026-05,frt,2.5\n2026-06,frt,1\n',
    };
    const table = await run(['status', '--as-of', '2026-06-30'], files);
    expect(table.out).toMatch(/frt-org .* below 0 h \(hits\) +2026-09-30/);
    const json = JSON.parse((await run(['status', '--json', '--as-of', '2026-06-30'], files)).out);
    expect(json.goals.find((g: { id: string }) => g.id === 'frt-org').forecast).toBeLessThan(-1);
  });

  it('exits 1 when the workspace has errors, still showing the goals that compute', async () => {
    const files = { ...valid, 'strategy/goals.yaml': valid['strategy/goals.yaml']!.replace('owner: ben', 'owner: nobody') };
    const { code, out, err } = await run(['status'], files);
    expect(code).toBe(1);
    expect(err).toMatch(/1 error/);
    expect(out).toContain('frt-org');
    expect(out).not.toContain('frt-tier1');
  });

  it('counts one goal as one goal', async () => {
    const one = { ...valid, 'strategy/goals.yaml': valid['strategy/goals.yaml']!.split('\n---\n')[0]! + '\n' };
    const { out } = await run(['status', '--as-of', '2026-06-30'], one);
    expect(out).toMatch(/^Test Support: 1 goal as of 2026-06-30/);
  });

  it('says an objective has no goals yet, rather than printing an empty table', async () => {
    const noGoals = Object.fromEntries(Object.entries(valid).filter(([file]) => file !== 'strategy/goals.yaml'));
    const { out } = await run(['status', '--as-of', '2026-06-30'], noGoals);
    expect(out).toContain('Test Support: 0 goals as of 2026-06-30 (none)');
    expect(out).toMatch(/\[loyal\]: progress —\n {2}no goals yet\n/);
    expect(out).not.toContain('owner');
  });

  it('says which value an option lacks, in its own words', async () => {
    const { code, err } = await run(['status', '--as-of'], valid);
    expect(code).toBe(2);
    expect(err).toBe('goalpost: --as-of needs a value (YYYY-MM-DD)\nhint: Usage: goalpost status [--root DIR] [--as-of YYYY-MM-DD] [--json]\n');
  });
});
