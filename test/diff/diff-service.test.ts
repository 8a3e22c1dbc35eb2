// `goalpost diff` on the service promise and everything else: SLA targets tightened or
// relaxed, adherence targets, channels added, retired or changing role, headcount plans, and
// the plain field changes that keep anything from hiding.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRepo, type TempRepo } from './git-repo.ts';
import { itemOf, messages, runDiff, runDiffJson } from './run-diff.ts';

let repo: TempRepo;
let base: string;
beforeEach(() => {
  repo = createRepo();
  base = repo.git('rev-parse', 'HEAD');
});
afterEach(() => repo.cleanup());

const SERVICE = 'strategy/service.yaml';

describe('goalpost diff: SLA policies, channels, hiring', () => {
  it('says SLA response and resolution targets tightened or relaxed, and judges the adherence target', async () => {
    repo.edit(SERVICE, 'firstResponse: 30m\nresolution: 2h\ntarget: 95', 'firstResponse: 15m\nresolution: 3h\ntarget: 90');
    repo.edit(SERVICE, 'firstResponse: 2h\nresolution: 12h', 'firstResponse: 120m\nresolution: 12h');
    const diff = await runDiffJson(repo, [base]);
    expect(diff.items.map((i) => i.id)).toEqual(['p1']);
    expect(itemOf(diff, 'SLAPolicy', 'p1').changes).toEqual([
      { code: 'tightened', field: 'firstResponse', before: '30m', after: '15m', message: 'first response tightened from 30m to 15m' },
      { code: 'relaxed', field: 'resolution', before: '2h', after: '3h', message: 'resolution relaxed from 2h to 3h' },
      { code: 'less-ambitious', field: 'target', before: 95, after: 90, message: 'adherence target lowered from 95 % to 90 %: less ambitious' },
    ]);
    expect(diff.summary).toBe('1 SLA policy changed (1 less ambitious, 1 tightened, 1 relaxed)');
    expect((await runDiff(repo, [base])).out).toContain('| `p1` P1: outage | first response tightened, resolution relaxed, less ambitious |');
  });

  it('reports channels added, retired and changing role', async () => {
    repo.edit(SERVICE, 'id: email\nname: Email\nrole: core', 'id: email\nname: Email\nrole: retired');
    repo.edit(SERVICE, 'role: pilot', 'role: core');
    repo.write(SERVICE, `${repo.read(SERVICE)}---\nkind: Channel\nid: phone\nname: Phone\nrole: supporting\nsla: [p1]\n`);
    const diff = await runDiffJson(repo, [base]);
    expect(itemOf(diff, 'Channel', 'email').changes).toEqual([{ code: 'retired', field: 'role', before: 'core', after: 'retired', message: 'retired (was core)' }]);
    expect(itemOf(diff, 'Channel', 'chat').changes).toEqual([{ code: 'role-changed', field: 'role', before: 'pilot', after: 'core', message: 'role changed from pilot to core' }]);
    expect(itemOf(diff, 'Channel', 'phone').change).toBe('added');
    expect(diff.summary).toBe('2 channels changed (1 retired), 1 added');
  });

  it('reports a channel SLA list and staffing as plain changes', async () => {
    repo.edit(SERVICE, 'sla: [p1]\n', 'sla: [p1, p2]\nstaffing: 3\n');
    expect(messages(itemOf(await runDiffJson(repo, [base]), 'Channel', 'chat'))).toEqual(['sla: added "p2"', 'staffing set to 3']);
  });

  it('describes a headcount plan per quarter, with the total', async () => {
    repo.edit('strategy/hiring.yaml', '  - { quarter: 2026-Q3, hires: 2 }', '  - { quarter: 2026-Q3, hires: 1 }\n  - { quarter: 2026-Q4, hires: 2 }');
    const diff = await runDiffJson(repo, [base]);
    expect(itemOf(diff, 'HiringProfile', 'tier1-agent').changes).toEqual([
      {
        code: 'headcount-changed',
        field: 'headcount',
        before: [{ quarter: '2026-Q3', hires: 2 }],
        after: [{ quarter: '2026-Q3', hires: 1 }, { quarter: '2026-Q4', hires: 2 }],
        message: 'headcount changed: 2026-Q3 2 hires → 1 hire; 2026-Q4 none → 2 hires (total 2 → 3 hires)',
      },
    ]);
  });

  it('reports a deleted file as the removal of what it held, and other kinds as plain changes', async () => {
    repo.remove('strategy/hiring.yaml');
    repo.edit('strategy/kpis.yaml', 'related: [csat]', 'related: [csat, sla_adherence]\nrollup: last');
    repo.edit('strategy/workspace.yaml', '{ id: tier1, name: Tier 1, parent: support, lead: ben }', '{ id: tier1, name: Tier One, parent: support, lead: ana }');
    repo.edit('strategy/objectives.yaml', 'title: Keep customers loyal\nowner: ana', 'title: Keep customers loyal\nowner: ben');
    const diff = await runDiffJson(repo, [base]);
    expect(itemOf(diff, 'HiringProfile', 'tier1-agent')).toMatchObject({ change: 'removed', file: { before: 'strategy/hiring.yaml' } });
    expect(messages(itemOf(diff, 'KPI', 'frt'))).toEqual(['rollup changed from "mean" to "last"', 'related: added "sla_adherence"']);
    expect(messages(itemOf(diff, 'Workspace', 'diff-support'))).toEqual(['teams[tier1].name changed from "Tier 1" to "Tier One"', 'teams[tier1].lead changed from "ben" to "ana"']);
    expect(itemOf(diff, 'Objective', 'loyal').changes).toEqual([{ code: 'owner-changed', field: 'owner', before: 'ana', after: 'ben', message: 'owner changed from Ana Ruiz (ana) to Ben Okafor (ben)' }]);
    expect(diff.summary).toBe('1 workspace changed; 1 KPI changed; 1 objective changed; 1 hiring profile removed');
  });
});
