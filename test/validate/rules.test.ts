// Every check rule of FORMAT.md section 3 (strategy side), table-driven: start from the
// valid fixture, change one thing, assert the code, severity and exact position.
import { describe, expect, it } from 'vitest';
import { editFixture, pipelineOn, positionOf, readFixture, where } from '../helpers/workspace-fixture.ts';

const valid = readFixture('valid');


interface Case {
  name: string;
  file: string;
  edit: (text: string) => string;
  code: string;
  severity?: 'error' | 'warning';
  /** The text the diagnostic must point at, in the edited file. */
  at: string;
  occurrence?: number;
  hint?: RegExp;
  message?: RegExp;
  /** Other codes the edit rightly causes (a renamed id breaks the references to it). */
  also?: string[];
}

const replace = (from: string, to: string) => (text: string) => text.replace(from, to);

const cases: Case[] = [
  { name: 'duplicate key', file: 'strategy/goals.yaml', edit: replace('owner: ana\n', 'owner: ana\nowner: ben\n'), code: 'yaml-syntax', at: 'owner: ben' },
  { name: 'unknown field with a typo', file: 'strategy/goals.yaml', edit: replace('target: { value: 4', 'targt: { value: 4'), code: 'schema', at: 'targt', hint: /Did you mean `target`\?/ },
  { name: 'unknown nested field', file: 'strategy/goals.yaml', edit: replace('{ value: 4, date:', '{ value: 4, dat:'), code: 'schema', at: 'dat:', hint: /`date`/ },
  { name: 'wrong type', file: 'strategy/goals.yaml', edit: replace('owner: ana\nkpi: frt', 'owner: ana\nkpi: frt\nweight: heavy'), code: 'schema', at: 'heavy', message: /must be a number/ },
  { name: 'a title of spaces alone', file: 'strategy/objectives.yaml', edit: replace('title:', 'title: "   " #'), code: 'schema', at: '"   "', message: /must not be blank/ },
  { name: 'bad enum value', file: 'strategy/goals.yaml', edit: replace('type: maintain', 'type: maintian'), code: 'schema', at: 'maintian', hint: /`maintain`/ },
  { name: 'impossible date', file: 'strategy/goals.yaml', edit: replace('date: 2026-09-30 }\nmilestones', 'date: 2026-09-31 }\nmilestones'), code: 'schema', at: '2026-09-31', message: /real date/ },
  { name: 'bad duration', file: 'strategy/service.yaml', edit: replace('firstResponse: 30m', 'firstResponse: 30 minutes'), code: 'schema', at: '30 minutes', message: /duration/ },
  { name: 'bad id', file: 'strategy/objectives.yaml', edit: replace('id: loyal', 'id: Loyal Customers'), code: 'schema', at: 'Loyal Customers', also: ['ref-unknown'] },
  { name: 'objective and parent together', file: 'strategy/goals.yaml', edit: replace('parent: frt-org\n', 'parent: frt-org\nobjective: loyal\n'), code: 'schema', at: 'frt-org', occurrence: 2, message: /either `objective` or `parent`/ },
  { name: '__proto__ key', file: 'strategy/objectives.yaml', edit: replace('owner: ana', 'owner: ana\n__proto__: { polluted: true }'), code: 'schema', at: '__proto__', message: /unknown field `__proto__`/ },
  { name: 'unknown kind', file: 'strategy/objectives.yaml', edit: replace('kind: Objective', 'kind: Objectiv'), code: 'unknown-kind', at: 'Objectiv', hint: /`Objective`/, also: ['ref-unknown'] },
  { name: 'missing kind', file: 'strategy/objectives.yaml', edit: replace('kind: Objective\n', ''), code: 'unknown-kind', at: 'id: loyal', also: ['ref-unknown'] },
  { name: 'ref to an unknown person', file: 'strategy/goals.yaml', edit: replace('owner: ben', 'owner: benn'), code: 'ref-unknown', at: 'benn', hint: /`ben`/ },
  { name: 'ref to an unknown scope team', file: 'strategy/goals.yaml', edit: replace('scope: team:tier1', 'scope: team:tier2'), code: 'ref-unknown', at: 'team:tier2' },
  { name: 'ref to an unknown SLA', file: 'strategy/service.yaml', edit: replace('sla: [p1, p2]', 'sla: [p1, p3]'), code: 'ref-unknown', at: 'p3' },
  { name: 'ref to an unknown team lead', file: 'strategy/workspace.yaml', edit: replace('lead: ben', 'lead: bob'), code: 'ref-unknown', at: 'bob' },
  { name: 'ref to an unknown related KPI', file: 'strategy/kpis.yaml', edit: replace('related: [csat]', 'related: [cast]'), code: 'ref-unknown', at: 'cast', hint: /`csat`/ },
  { name: 'ref to an unknown goal in supports', file: 'strategy/hiring.yaml', edit: replace('supports: [frt-tier1]', 'supports: [frt-tier9]'), code: 'ref-unknown', at: 'frt-tier9' },
  { name: 'goal without kpi', file: 'strategy/goals.yaml', edit: replace('kpi: frt\nscope', 'scope'), code: 'goal-target-missing', at: 'kind: Goal', occurrence: 2, message: /no `kpi`/ },
  { name: 'goal without target', file: 'strategy/goals.yaml', edit: replace('target: { value: 3.5, date: 2026-09-30 }\n', ''), code: 'goal-target-missing', at: 'kind: Goal', occurrence: 2, message: /no `target`/ },
  { name: 'target without value', file: 'strategy/goals.yaml', edit: replace('target: { value: 3.5, date: 2026-09-30 }', 'target: { date: 2026-09-30 }'), code: 'goal-target-missing', at: 'target: { date', message: /numeric `target.value`/ },
  { name: 'target value not a number', file: 'strategy/goals.yaml', edit: replace('{ value: 3.5, date: 2026-09-30 }', '{ value: 3.5h, date: 2026-09-30 }'), code: 'goal-target-missing', at: '3.5h', message: /must be a number/ },
  { name: 'target value .nan', file: 'strategy/goals.yaml', edit: replace('{ value: 3.5, date: 2026-09-30 }', '{ value: .nan, date: 2026-09-30 }'), code: 'goal-target-missing', at: '.nan', message: /not NaN/ },
  { name: 'infinite weight', file: 'strategy/goals.yaml', edit: replace('owner: ana\nkpi: frt', 'owner: ana\nkpi: frt\nweight: .inf'), code: 'schema', at: '.inf', message: /^`weight` is infinity \(.inf/ },
  { name: 'target without date', file: 'strategy/goals.yaml', edit: replace('target: { value: 3.5, date: 2026-09-30 }', 'target: { value: 3.5 }'), code: 'goal-target-missing', at: 'target: { value: 3.5 }', message: /not time-bound/ },
  { name: 'reach goal without baseline', file: 'strategy/goals.yaml', edit: replace('baseline: { value: 5, date: 2026-03-31 }\n', 'start: 2026-04-01\n'), code: 'goal-baseline-missing', at: 'kind: Goal', occurrence: 2 },
  { name: 'target worse than baseline', file: 'strategy/goals.yaml', edit: replace('target: { value: 4,', 'target: { value: 7,'), code: 'goal-direction', at: '7,', message: /lower is better/ },
  { name: 'target equal to baseline', file: 'strategy/goals.yaml', edit: replace('target: { value: 4,', 'target: { value: 6,'), code: 'goal-direction', at: '6, date: 2026-09', message: /not better/ },
  { name: 'target date before start', file: 'strategy/goals.yaml', edit: replace('{ value: 3.5, date: 2026-09-30 }', '{ value: 3.5, date: 2026-03-01 }'), code: 'goal-dates', at: '2026-03-01' },
  { name: 'milestone after the target date', file: 'strategy/goals.yaml', edit: replace('{ date: 2026-06-30, value: 5 }', '{ date: 2026-10-30, value: 5 }'), code: 'goal-dates', at: '2026-10-30' },
  { name: 'milestones out of order', file: 'strategy/goals.yaml', edit: replace('  - { date: 2026-06-30, value: 5 }', '  - { date: 2026-06-30, value: 5 }\n  - { date: 2026-05-30, value: 5.5 }'), code: 'goal-dates', at: '2026-05-30', message: /does not come after/ },
  { name: 'maintain goal without start', file: 'strategy/goals.yaml', edit: replace('start: 2026-01-01\n', ''), code: 'goal-dates', at: 'kind: Goal', occurrence: 3, message: /no `start`/ },
  { name: 'percent above 100', file: 'strategy/goals.yaml', edit: replace('{ value: 90, date: 2026-12-31 }', '{ value: 105, date: 2026-12-31 }'), code: 'goal-range', at: '105', hint: /0-100/ },
  { name: 'parent chain loop', file: 'strategy/goals.yaml', edit: replace('objective: loyal\nowner: ana\nkpi: frt', 'parent: frt-tier1\nowner: ana\nkpi: frt'), code: 'goal-cycle', at: 'frt-tier1', message: /loops/ },
  { name: 'team parent chain loop', file: 'strategy/workspace.yaml', edit: replace('{ id: support, name: Support, lead: ana }', '{ id: support, name: Support, parent: tier1, lead: ana }'), code: 'team-cycle', at: 'tier1, lead: ana', message: /support -> tier1 -> support/ },
  { name: 'goal without objective or parent', file: 'strategy/goals.yaml', edit: replace('objective: loyal\nowner: ana\nkpi: csat', 'owner: ana\nkpi: csat'), code: 'goal-orphan', severity: 'warning', at: 'kind: Goal', occurrence: 3 },
  { name: 'big move without a reason', file: 'strategy/goals.yaml', edit: replace('target: { value: 4,', 'target: { value: 2.9,'), code: 'goal-unexplained', severity: 'warning', at: '2.9' },
  { name: 'objective without goals', file: 'strategy/objectives.yaml', edit: (t) => `${t}---\nkind: Objective\nid: unused\ntitle: Nobody serves this\nowner: ana\n`, code: 'objective-empty', severity: 'warning', at: 'unused' },
  { name: 'first response longer than resolution', file: 'strategy/service.yaml', edit: replace('firstResponse: 30m', 'firstResponse: 3h'), code: 'sla-order', at: '3h' },
  { name: 'two policies with one priority', file: 'strategy/service.yaml', edit: replace('priority: 2', 'priority: 1'), code: 'sla-order', at: '1', occurrence: 3 },
  { name: 'more than three core channels', file: 'strategy/service.yaml', edit: (t) => `${t}${['chat', 'phone', 'social'].map((id) => `---\nkind: Channel\nid: ${id}\nname: ${id}\nrole: core\nsla: [p1]\n`).join('')}`, code: 'channel-core-count', severity: 'warning', at: 'core', occurrence: 4 },
  { name: 'core channel without SLA', file: 'strategy/service.yaml', edit: replace('sla: [p1, p2]\n', ''), code: 'channel-no-sla', severity: 'warning', at: 'core' },
  { name: 'hiring profile without a must-have skill', file: 'strategy/hiring.yaml', edit: replace('need: must', 'need: nice'), code: 'hiring-no-must', severity: 'warning', at: '- { name: Clear writing' },
  { name: 'unknown rule in rules:', file: 'strategy/workspace.yaml', edit: (t) => `${t}rules:\n  goal-orphn: error\n`, code: 'schema', at: 'goal-orphn', hint: /`goal-orphan`/ },
];

describe('check rules fire at the offending value', () => {
  it('the valid fixture has no diagnostic at all', async () => {
    const result = await pipelineOn(valid);
    expect(result.diagnostics).toEqual([]);
    expect(result.model?.goals.map((g) => g.id)).toEqual(['csat-hold', 'frt-org', 'frt-tier1']);
  });

  it.each(cases)('$code: $name', async (c) => {
    const files = editFixture(valid, c.file, c.edit);
    const result = await pipelineOn(files);
    const expected = positionOf(files[c.file]!, c.at, c.occurrence);
    const match = result.diagnostics.find((d) => d.code === c.code && d.line === expected.line);
    expect(match, `diagnostics were:\n${result.diagnostics.map((d) => `${where(d)} ${d.message}`).join('\n')}`).toBeDefined();
    expect(match).toMatchObject({ severity: c.severity ?? 'error', file: c.file, line: expected.line, column: expected.column });
    if (c.hint) expect(match!.hint).toMatch(c.hint);
    if (c.message) expect(match!.message).toMatch(c.message);
    // One edit, one problem: nothing else is reported alongside (duplicate-style rules report both places).
    expect(result.diagnostics.filter((d) => d.code !== c.code && !c.also?.includes(d.code)).map(where)).toEqual([]);
  });
});

describe('near misses do not fire', () => {
  const quiet: [string, string, (text: string) => string][] = [
    ['a big move with an achievable reason', 'strategy/goals.yaml', replace('target: { value: 4,', 'target: { value: 2.9,').bind(null) as never],
    ['a move of exactly half the baseline', 'strategy/goals.yaml', replace('target: { value: 4,', 'target: { value: 3,')],
    ['three core channels', 'strategy/service.yaml', (t) => `${t}${['chat', 'phone'].map((id) => `---\nkind: Channel\nid: ${id}\nname: ${id}\nrole: core\nsla: [p1]\n`).join('')}`],
    ['a non-core channel without SLA', 'strategy/service.yaml', replace('role: core\nowner: ben\nsla: [p1, p2]\n', 'role: pilot\nowner: ben\n')],
    ['first response equal to resolution', 'strategy/service.yaml', replace('firstResponse: 30m', 'firstResponse: 2h')],
    ['a percent of exactly 100', 'strategy/goals.yaml', replace('{ value: 90, date: 2026-12-31 }', '{ value: 100, date: 2026-12-31 }')],
  ];
  quiet[0]![2] = (t) => t.replace('target: { value: 4,', 'target: { value: 2.9,').replace('milestones:', 'achievable: Two hires in April.\nmilestones:');

  it.each(quiet)('%s', async (_name, file, edit) => {
    const result = await pipelineOn(editFixture(valid, file, edit));
    expect(result.diagnostics).toEqual([]);
  });
});

describe('both places of a duplicate are reported', () => {
  it('duplicate-id points at both ids', async () => {
    const files = editFixture(valid, 'strategy/objectives.yaml', (t) => `${t}---\nkind: Objective\nid: loyal\ntitle: Again\nowner: ana\n`);
    const { diagnostics } = await pipelineOn(files);
    expect(diagnostics.map(where)).toEqual(['duplicate-id error strategy/objectives.yaml:2:5', 'duplicate-id error strategy/objectives.yaml:7:5']);
    expect(diagnostics[0]!.related?.[0]).toMatchObject({ line: 7, column: 5 });
  });

  it('duplicate-id points at both entries of a Workspace list (teams, people, segments)', async () => {
    const files = editFixture(valid, 'strategy/workspace.yaml', replace('  - { id: ben, name: Ben Okafor, team: tier1, role: Team Lead }', '  - { id: ben, name: Ben Okafor, team: tier1, role: Team Lead }\n  - { id: ana, name: Ana Lopez, team: tier1 }'));
    const { diagnostics } = await pipelineOn(files);
    const first = positionOf(files['strategy/workspace.yaml']!, 'ana, name: Ana Ruiz');
    const second = positionOf(files['strategy/workspace.yaml']!, 'ana, name: Ana Lopez');
    expect(diagnostics.map(where)).toEqual([`duplicate-id error strategy/workspace.yaml:${first.line}:${first.column}`, `duplicate-id error strategy/workspace.yaml:${second.line}:${second.column}`]);
    expect(diagnostics[1]!.message).toBe('another person already has the id `ana`');
    expect(diagnostics[1]!.related?.[0]).toMatchObject(first);
  });

  it('team-cycle: a team that is its own parent; a chain that ends passes', async () => {
    const self = editFixture(valid, 'strategy/workspace.yaml', replace('parent: support, lead: ben', 'parent: tier1, lead: ben'));
    const at = positionOf(self['strategy/workspace.yaml']!, 'tier1, lead: ben');
    const { diagnostics } = await pipelineOn(self);
    expect(diagnostics.map(where)).toEqual([`team-cycle error strategy/workspace.yaml:${at.line}:${at.column}`]);
    expect(diagnostics[0]!.message).toBe("team `tier1`'s parent chain loops: tier1 -> tier1");
    const chain = editFixture(valid, 'strategy/workspace.yaml', replace('  - { id: tier1, name: Tier 1, parent: support, lead: ben }', '  - { id: tier1, name: Tier 1, parent: support, lead: ben }\n  - { id: tier2, name: Tier 2, parent: tier1 }'));
    expect((await pipelineOn(chain)).diagnostics).toEqual([]);
  });

  it('a target outside the KPI range is goal-range alone, not also goal-unexplained for the size of the move', async () => {
    const ranged = editFixture(valid, 'strategy/kpis.yaml', replace('direction: decrease\nrelated: [csat]', 'direction: decrease\nrange: { min: 0 }\nrelated: [csat]'));
    const files = editFixture(ranged, 'strategy/goals.yaml', replace('target: { value: 4, date: 2026-09-30 }', 'target: { value: -4, date: 2026-09-30 }'));
    const { diagnostics } = await pipelineOn(files);
    expect(diagnostics.map((d) => d.code)).toEqual(['goal-range']);
  });

  it('a misspelt kind is one finding: references to the document are not errors of their own', async () => {
    const files = editFixture(valid, 'strategy/goals.yaml', replace('kind: Goal\nid: frt-org', 'kind: Gaol\nid: frt-org'));
    const { diagnostics } = await pipelineOn(files);
    expect(diagnostics.map((d) => `${d.code} ${d.message}`)).toEqual(['unknown-kind unknown kind `Gaol`']);
  });

  it('workspace-missing fires with no Workspace and with two', async () => {
    const { workspace: _w, ...without } = { workspace: 1, ...valid };
    delete (without as Record<string, string>)['strategy/workspace.yaml'];
    expect((await pipelineOn(without)).diagnostics.map((d) => d.code)).toContain('workspace-missing');
    const two = { ...valid, 'strategy/other.yaml': 'kind: Workspace\nid: other\nname: Other\n' };
    expect((await pipelineOn(two)).diagnostics.map(where)).toEqual(['workspace-missing error strategy/workspace.yaml:1:7']);
  });
});

describe('Workspace rules: overrides', () => {
  const orphan = (rules: string) =>
    editFixture(editFixture(valid, 'strategy/goals.yaml', replace('objective: loyal\nowner: ana\nkpi: csat', 'owner: ana\nkpi: csat')), 'strategy/workspace.yaml', (t) => `${t}rules:\n${rules}`);

  it('raises a warning to an error', async () => {
    const { diagnostics } = await pipelineOn(orphan('  goal-orphan: error\n'));
    expect(diagnostics.map((d) => `${d.code} ${d.severity}`)).toEqual(['goal-orphan error']);
  });

  it('turns a rule off', async () => {
    expect((await pipelineOn(orphan('  goal-orphan: off\n'))).diagnostics).toEqual([]);
  });

  it('lowers an error to a warning, and the goal stays in the model', async () => {
    const files = editFixture(editFixture(valid, 'strategy/goals.yaml', replace('target: { value: 4,', 'target: { value: 7,')), 'strategy/workspace.yaml', (t) => `${t}rules:\n  goal-direction: warning\n`);
    const result = await pipelineOn(files);
    expect(result.diagnostics.map((d) => `${d.code} ${d.severity}`)).toEqual(['goal-direction warning']);
    expect(result.model?.goals.map((g) => g.id)).toContain('frt-org');
  });
});
