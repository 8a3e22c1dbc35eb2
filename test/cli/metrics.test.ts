// `goalpost metrics` (TICKETS.md 7.5): every series as long CSV or JSON, filtered by KPI and
// scope, so a figure can be re-checked in a spreadsheet; exit codes as `check`.
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { memoryEffects, memoryFileSystem } from '../helpers/memory-fs.ts';
import { readFixture } from '../helpers/workspace-fixture.ts';

const EXPORT = 'period,scope,frt,csat\n2026-06,org,4.9,91\n2026-04,org,5.6,88\n2026-05,org,,89\n2026-06,team:tier1,4.1,\n';
const files = { ...readFixture('valid'), 'data/helpdesk.csv': EXPORT };

async function run(args: string[], workspace: Record<string, string> = files) {
  const effects = memoryEffects(memoryFileSystem(workspace));
  const code = await main(args, effects);
  return { code, out: effects.out(), err: effects.err() };
}

describe('goalpost metrics', () => {
  it('prints every series in the long shape, sorted by kpi, scope and date, with no row for an empty cell', async () => {
    const { code, out } = await run(['metrics']);
    expect(code).toBe(0);
    expect(out).toBe(
      [
        'period,kpi,scope,value',
        '2026-04,csat,org,88',
        '2026-05,csat,org,89',
        '2026-06,csat,org,91',
        '2026-04,frt,org,5.6',
        '2026-06,frt,org,4.9',
        '2026-06,frt,team:tier1,4.1',
        '',
      ].join('\n'),
    );
  });

  it('filters by KPI and scope, and prints JSON with each point dated by its period end', async () => {
    const { code, out } = await run(['metrics', '--kpi', 'frt', '--scope', 'org', '--format', 'json']);
    expect(code).toBe(0);
    expect(JSON.parse(out)).toEqual({
      series: [
        {
          kpi: 'frt',
          scope: 'org',
          source: 'data/helpdesk.csv',
          points: [
            { period: '2026-04', date: '2026-04-30', value: 5.6 },
            { period: '2026-06', date: '2026-06-30', value: 4.9 },
          ],
        },
      ],
    });
  });

  it('names the closest KPI when --kpi names none (exit 2)', async () => {
    const { code, err } = await run(['metrics', '--kpi', 'frtt']);
    expect(code).toBe(2);
    expect(err).toContain('no KPI `frtt`');
    expect(err).toContain('--kpi frt');
  });

  it('names the closest scope when --scope names nothing (exit 2), and prints only the header for a scope without data', async () => {
    const typo = await run(['metrics', '--kpi', 'frt', '--scope', 'team:tier11']);
    expect(typo.code).toBe(2);
    expect(typo.out).toBe('');
    expect(typo.err).toContain('the workspace has no scope `team:tier11`');
    expect(typo.err).toContain('Did you mean --scope team:tier1?');
    const bare = await run(['metrics', '--kpi', 'frt', '--scope', 'tier1']);
    expect(bare.code).toBe(2);
    expect(bare.err).toContain('Did you mean --scope team:tier1? A scope is written kind:id.');
    const quiet = await run(['metrics', '--kpi', 'frt', '--scope', 'segment:enterprise']);
    expect(quiet).toMatchObject({ code: 0, out: 'period,kpi,scope,value\n' });
  });

  it('exits 1 when the workspace has errors, still printing what could be read', async () => {
    const { code, out, err } = await run(['metrics', '--kpi', 'csat'], { ...files, 'data/helpdesk.csv': EXPORT.replace('88', 'n/a') });
    expect(code).toBe(1);
    expect(out).toBe('period,kpi,scope,value\n2026-05,csat,org,89\n2026-06,csat,org,91\n');
    expect(err).toContain('1 error');
  });
});

describe('goalpost metrics --format json', () => {
  it('is laid out exactly as JSON.stringify with two spaces lays out the same data', async () => {
    const { out } = await run(['metrics', '--format', 'json']);
    expect(out).toBe(`${JSON.stringify(JSON.parse(out), null, 2)}\n`);
    const { out: none } = await run(['metrics', '--format', 'json', '--kpi', 'sla_adherence']);
    expect(none).toBe(`${JSON.stringify({ series: [] }, null, 2)}\n`);
  });
});
