// Properties of the whole page data: deterministic, links only from ids, one CSV per table,
// diagnostics carried for the dev server, CSV cells neutralised against formula injection.
import { describe, expect, it } from 'vitest';
import { tableToCsv } from '../../src/site/data/csv.ts';
import { allTables, emptySiteData } from '../../src/site/data/site-data.ts';
import { fixtureFiles, fixtureSite } from './fixture.ts';

function hrefs(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) for (const item of value) hrefs(item, out);
  else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (key === 'href' && typeof item === 'string') out.push(item);
      else hrefs(item, out);
    }
  }
  return out;
}

describe('site data', () => {
  it('is the same for the same inputs', async () => {
    const a = JSON.stringify((await fixtureSite()).site);
    const b = JSON.stringify((await fixtureSite()).site);
    expect(a).toBe(b);
  });

  it('builds links from ids only, never from free text', async () => {
    const { site } = await fixtureSite();
    const links = hrefs(site);
    expect(links.length).toBeGreaterThan(20);
    for (const link of links) expect(link).toMatch(/^[a-z0-9._\-/#Q]*$/);
  });

  it('gives every table its own CSV path', async () => {
    const { site } = await fixtureSite();
    const paths = allTables(site).map((t) => t.csv);
    expect(new Set(paths).size).toBe(paths.length);
    for (const p of paths) expect(p).toMatch(/^[a-z0-9][a-zA-Z0-9._\-/]*$/);
  });

  it('neutralises cells that a spreadsheet would run as a formula', async () => {
    const { site } = await fixtureSite();
    const csv = tableToCsv(site.overview.objectives[0]!.table);
    expect(csv.startsWith('\uFEFFID,Goal,Status,Owner,Current,Target,Attainment,Expected,Due\r\n')).toBe(true);
    expect(csv).toContain(`,Off track,'=cmd|' /C calc'!A0,5.7,4,0.15,0.497268,2026-09-30\r\n`);
    expect(csv).not.toMatch(/(^|,)=cmd/m);
    expect(csv).toContain('frt-org,"<script>alert(1)</script> ""now""",On track,Ana Ruiz,4.7,4,');
    const table = { csv: 't', caption: '', columns: [{ label: 'a' }, { label: 'b' }, { label: 'c' }], rows: [{ cells: [{ text: '+1 call' }, { text: '-3', num: -3 }, { text: '@SUM(A1)' }] }, { cells: [{ text: 'say "hi", ok' }, { text: '', num: null }, { text: '\tx' }] }] };
    expect(tableToCsv(table)).toBe(`\uFEFFa,b,c\r\n'+1 call,-3,'@SUM(A1)\r\n"say ""hi"", ok",,'\tx\r\n`);
  });

  it('carries the diagnostics, errors included, for the dev server', async () => {
    const files = fixtureFiles();
    files['strategy/goals.yaml'] = files['strategy/goals.yaml']!.replace('target: { value: 4.5, date: 2026-05-31 }', 'target: { value: 7, date: 2026-05-31 }');
    const { site } = await fixtureSite(files);
    expect(site.meta.errors).toBe(1);
    expect(site.diagnostics.find((d) => d.severity === 'error')).toMatchObject({ code: 'goal-direction', file: 'strategy/goals.yaml' });
    expect(site.goals.map((g) => g.id)).not.toContain('frt-cy');
    expect(site.goals).toHaveLength(4);
  });

  it('still serves the diagnostics when there is no usable workspace', () => {
    const site = emptySiteData('2026-06-30', [{ code: 'workspace-missing', severity: 'error', message: 'no Workspace document', file: 'strategy', line: 1, column: 1 }]);
    expect(site.meta.errors).toBe(1);
    expect(site.checks.rows).toHaveLength(1);
    expect(allTables(site).map((t) => t.csv)).toEqual(['checks']);
  });
});
