// `goalpost diff` on goals, end to end through git: each kind of change a reviewer cares
// about, with its wording (markdown) and its code (JSON). The base is the fixture's commit;
// the head is the working tree unless a test commits it.
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

const GOALS = 'strategy/goals.yaml';

describe('goalpost diff: goals', () => {
  it('reports nothing when nothing changed', async () => {
    const run = await runDiff(repo, [base]);
    expect(run.code).toBe(0);
    expect(run.out).toContain('### No strategy changes');
    expect((await runDiffJson(repo, [base])).items).toEqual([]);
  });

  it('says a raised target on a decrease KPI is less ambitious', async () => {
    repo.edit(GOALS, 'target: { value: 4, date: 2026-09-30 }', 'target: { value: 4.5, date: 2026-09-30 }');
    const diff = await runDiffJson(repo, [base]);
    expect(diff.summary).toBe('1 goal changed (1 less ambitious)');
    expect(itemOf(diff, 'Goal', 'frt-org').changes).toEqual([
      { code: 'less-ambitious', field: 'target.value', before: 4, after: 4.5, message: 'target raised from 4 hours to 4.5 hours: less ambitious' },
    ]);
    const markdown = (await runDiff(repo, [base])).out;
    expect(markdown).toContain('| `frt-org` Cut first response time to 4 hours | less ambitious |');
    expect(markdown).toContain('- target raised from 4 hours to 4.5 hours: less ambitious');
  });

  it('says a lowered target on a decrease KPI and a raised one on an increase KPI are more ambitious', async () => {
    repo.edit(GOALS, 'target: { value: 4, date', 'target: { value: 3.5, date');
    repo.edit(GOALS, 'target: { value: 90,', 'target: { value: 92,');
    const diff = await runDiffJson(repo, [base]);
    expect(messages(itemOf(diff, 'Goal', 'frt-org'))).toEqual(['target lowered from 4 hours to 3.5 hours: more ambitious']);
    expect(itemOf(diff, 'Goal', 'csat-up').changes[0]).toMatchObject({ code: 'more-ambitious', message: 'target raised from 90 % to 92 %: more ambitious' });
    expect(diff.summary).toBe('2 goals changed (2 more ambitious)');
  });

  it('says a due date slipped or was pulled in, in whole days', async () => {
    repo.edit(GOALS, 'target: { value: 4, date: 2026-09-30 }', 'target: { value: 4, date: 2026-10-31 }');
    repo.edit(GOALS, 'date: 2026-12-31 }', 'date: 2026-11-30 }');
    const diff = await runDiffJson(repo, [base]);
    expect(itemOf(diff, 'Goal', 'frt-org').changes).toEqual([
      { code: 'slipped', field: 'target.date', before: '2026-09-30', after: '2026-10-31', days: 31, message: 'due date slipped by 31 days, from 2026-09-30 to 2026-10-31' },
    ]);
    expect(messages(itemOf(diff, 'Goal', 'csat-up'))).toEqual(['due date pulled in by 31 days, from 2026-12-31 to 2026-11-30']);
    expect(diff.summary).toBe('2 goals changed (1 slipped, 1 pulled in)');
    expect((await runDiff(repo, [base])).out).toContain('| `frt-org` Cut first response time to 4 hours | slipped by 31 days |');
  });

  it('names baseline, owner, KPI, scope, parent, objective and milestone changes', async () => {
    repo.edit(GOALS, 'baseline: { value: 6, date: 2026-03-31 }', 'baseline: { value: 6.5, date: 2026-03-31 }');
    repo.edit(GOALS, 'objective: loyal\nowner: ana\nkpi: frt', 'objective: loyal\nowner: ben\nkpi: frt');
    repo.edit(GOALS, '  - { date: 2026-06-30, value: 5 }', '  - { date: 2026-06-30, value: 5.5 }');
    repo.edit(GOALS, 'parent: frt-org\nowner: ben\nkpi: frt\nscope: team:tier1', 'objective: efficient\nowner: ben\nkpi: frt\nscope: segment:enterprise');
    repo.edit(GOALS, 'objective: loyal\nowner: ana\nkpi: csat', 'objective: efficient\nowner: ana\nkpi: sla_adherence');
    const diff = await runDiffJson(repo, [base]);
    expect(messages(itemOf(diff, 'Goal', 'frt-org'))).toEqual([
      'baseline changed from 6 hours on 2026-03-31 to 6.5 hours on 2026-03-31',
      'owner changed from Ana Ruiz (ana) to Ben Okafor (ben)',
      'milestones changed from 5 hours by 2026-06-30 to 5.5 hours by 2026-06-30',
    ]);
    expect(itemOf(diff, 'Goal', 'frt-tier1').changes.map((c) => [c.code, c.message])).toEqual([
      ['scope-changed', 'scope changed from team:tier1 to segment:enterprise'],
      ['objective-changed', 'objective set to efficient'],
      ['parent-changed', 'parent goal removed (was frt-org)'],
    ]);
    const csat = itemOf(diff, 'Goal', 'csat-up');
    expect(csat.changes.map((c) => c.code)).toEqual(['kpi-changed', 'objective-changed']);
    expect(messages(csat)).toEqual([
      'KPI changed from Customer satisfaction (csat) to SLA adherence (sla_adherence)',
      'objective changed from loyal to efficient',
    ]);
  });

  it('reports a goal added in a new file and one removed with its file', async () => {
    repo.write('strategy/goals/new.yaml', 'kind: Goal\nid: frt-enterprise\ntitle: Enterprise answers in 3 hours\nobjective: loyal\nowner: ana\nkpi: frt\nscope: segment:enterprise\nbaseline: { value: 5, date: 2026-03-31 }\ntarget: { value: 3, date: 2026-09-30 }\n');
    repo.write(GOALS, repo.read(GOALS).split('---\n').filter((doc) => !doc.includes('id: csat-up')).join('---\n'));
    const diff = await runDiffJson(repo, [base]);
    expect(itemOf(diff, 'Goal', 'frt-enterprise')).toMatchObject({ change: 'added', title: 'Enterprise answers in 3 hours', file: { after: 'strategy/goals/new.yaml' } });
    expect(itemOf(diff, 'Goal', 'csat-up')).toMatchObject({ change: 'removed', file: { before: 'strategy/goals.yaml' }, changes: [{ code: 'removed' }] });
    expect(messages(itemOf(diff, 'Goal', 'frt-enterprise'))).toEqual(['added: First response time (frt) for segment:enterprise from 5 hours to 3 hours by 2026-09-30']);
    expect(messages(itemOf(diff, 'Goal', 'csat-up'))).toEqual(['removed: Customer satisfaction (csat) from 84 % to 90 % by 2026-12-31']);
    expect(diff.summary).toBe('1 goal added, 1 removed');
  });

  it('matches goals by id: a renamed file or a goal moved to another file is a move, not a removal', async () => {
    repo.move(GOALS, 'strategy/goals/loyal.yaml');
    const moved = await runDiffJson(repo, [base]);
    expect(moved.items.map((i) => [i.id, i.change, i.changes.map((c) => c.code)])).toEqual([
      ['csat-up', 'changed', ['moved']],
      ['frt-org', 'changed', ['moved']],
      ['frt-tier1', 'changed', ['moved']],
    ]);
    expect(messages(itemOf(moved, 'Goal', 'frt-org'))).toEqual(['moved from strategy/goals.yaml to strategy/goals/loyal.yaml']);
    repo.commit('rename');
    const [kept, split] = [repo.read('strategy/goals/loyal.yaml').split('---\n').slice(0, 2), repo.read('strategy/goals/loyal.yaml').split('---\n')[2]!];
    repo.write('strategy/goals/loyal.yaml', kept.join('---\n'));
    repo.write('strategy/goals/csat.yml', split.replace('value: 90', 'value: 91'));
    const diff = await runDiffJson(repo, ['HEAD']);
    expect(diff.items.map((i) => i.id)).toEqual(['csat-up']);
    expect(messages(itemOf(diff, 'Goal', 'csat-up'))).toEqual(['target raised from 90 % to 91 %: more ambitious', 'moved from strategy/goals/loyal.yaml to strategy/goals/csat.yml']);
  });

  it('reports any other field as a plain change', async () => {
    repo.edit(GOALS, 'title: Raise CSAT to 90 %', 'title: Raise CSAT to 90 % by year end\nweight: 2\nachievable: New macros.');
    const diff = await runDiffJson(repo, [base]);
    expect(itemOf(diff, 'Goal', 'csat-up').changes).toEqual([
      { code: 'field-changed', field: 'title', before: 'Raise CSAT to 90 %', after: 'Raise CSAT to 90 % by year end', message: 'title changed from "Raise CSAT to 90 %" to "Raise CSAT to 90 % by year end"' },
      { code: 'field-changed', field: 'weight', before: 1, after: 2, message: 'weight changed from 1 to 2' },
      { code: 'field-changed', field: 'achievable', after: 'New macros.', message: 'achievable set to "New macros."' },
    ]);
  });
});
