// compareModels as a pure function: two pipeline results (run in memory) and, when the
// progress engine provides them, two progress reports at one as-of date.
import { describe, expect, it } from 'vitest';
import type { GoalStatus, ProgressReport } from '../../src/compute/types.ts';
import { compareModels, type DiffSide } from '../../src/diff/compare-models.ts';
import { formatDiffMarkdown } from '../../src/diff/format-diff-markdown.ts';
import { summaryLine } from '../../src/diff/summarize-diff.ts';
import { editFixture, pipelineOn, readFixture } from '../helpers/workspace-fixture.ts';

// readFixture reads below fixtures/workspaces/; the diff fixture sits beside that folder.
const base = readFixture('../diff/base');

function progressOf(statuses: Record<string, GoalStatus>): ProgressReport {
  const goals = Object.entries(statuses).map(([id, status]) => ({
    id, status, current: null, currentDate: null, attainment: null, expected: null, planned: null, forecast: null, forecastHits: null, dueValue: null, dueDate: null, stale: false, rolledUp: false, children: [],
  }));
  return { asOf: '2026-06-30', goals, objectives: [] };
}

async function side(label: string, files: Record<string, string>, statuses?: Record<string, GoalStatus>): Promise<DiffSide> {
  const result = await pipelineOn(files);
  return { label, model: result.model, progress: statuses ? progressOf(statuses) : null, diagnostics: result.diagnostics, strategyFiles: result.strategyFiles };
}

const lowered = editFixture(base, 'strategy/goals.yaml', (t) => t.replace('target: { value: 4, date: 2026-09-30 }', 'target: { value: 4.5, date: 2026-09-30 }'));

describe('compareModels', () => {
  it('gives each changed goal its status before and after, at the same as-of date', async () => {
    const diff = compareModels(
      await side('main', base, { 'frt-org': 'at-risk', 'frt-tier1': 'on-track', 'csat-up': 'off-track' }),
      await side('working tree', lowered, { 'frt-org': 'on-track', 'frt-tier1': 'on-track', 'csat-up': 'on-track' }),
    );
    expect(diff.asOf).toBe('2026-06-30');
    // csat-up's status moved, but its definition did not: it is not part of this change.
    expect(diff.items.map((i) => i.id)).toEqual(['frt-org']);
    const [item] = diff.items;
    expect(item!.status).toEqual({ before: 'at-risk', after: 'on-track' });
    expect(item!.changes.at(-1)).toEqual({ code: 'status-changed', field: 'status', before: 'at-risk', after: 'on-track', message: 'status at 2026-06-30: at risk → on track' });
    expect(summaryLine(diff)).toBe('1 goal changed (1 less ambitious, 1 status changed)');
    const markdown = formatDiffMarkdown(diff);
    expect(markdown).toContain('statuses as of 2026-06-30, on the same data');
    expect(markdown).toContain('| Goal | Changes | Status |');
    expect(markdown).toContain('| `frt-org` Cut first response time to 4 hours | less ambitious | at risk → on track |');
  });

  it('says when a changed goal keeps its status', async () => {
    const diff = compareModels(await side('main', base, { 'frt-org': 'on-track' }), await side('head', lowered, { 'frt-org': 'on-track' }));
    expect(diff.items[0]!.status).toEqual({ before: 'on-track', after: 'on-track' });
    expect(diff.items[0]!.changes.map((c) => c.code)).toEqual(['less-ambitious']);
    expect(formatDiffMarkdown(diff)).toContain('- status at 2026-06-30: on track, unchanged');
  });

  it('leaves statuses out when either side has no progress report', async () => {
    const diff = compareModels(await side('main', base), await side('head', lowered, { 'frt-org': 'on-track' }));
    expect(diff.asOf).toBeNull();
    expect(diff.items[0]!.status).toBeUndefined();
    expect(formatDiffMarkdown(diff)).toContain('| Goal | Changes |\n');
  });

  it('is symmetric: swapping the sides swaps added and removed, and the ambition', async () => {
    const extra = { ...lowered, 'strategy/more.yaml': 'kind: Objective\nid: growth\ntitle: Grow\nowner: ana\n' };
    const [a, b] = [await side('a', base), await side('b', extra)];
    const forward = compareModels(a, b);
    const backward = compareModels(b, a);
    expect(forward.items.map((i) => [i.id, i.change])).toEqual([['growth', 'added'], ['frt-org', 'changed']]);
    expect(backward.items.map((i) => [i.id, i.change])).toEqual([['growth', 'removed'], ['frt-org', 'changed']]);
    expect(backward.items[1]!.changes[0]!.code).toBe('more-ambitious');
  });

  it('does not report a list of plain values given in another order, and reports one that gained a value', async () => {
    const reordered = editFixture(base, 'strategy/service.yaml', (t) => t.replace('sla: [p1, p2]', 'sla: [p2, p1]'));
    expect(compareModels(await side('a', base), await side('b', reordered)).items).toEqual([]);
    const fewer = editFixture(base, 'strategy/service.yaml', (t) => t.replace('sla: [p1, p2]', 'sla: [p1]'));
    const changes = compareModels(await side('a', base), await side('b', fewer)).items.flatMap((i) => i.changes.map((c) => c.message));
    expect(changes).toEqual(['sla: removed "p2"']);
  });

  it('judges a target across a change of the KPI\'s duration unit in minutes, and does not judge one across other units', async () => {
    const inMinutes = editFixture(base, 'strategy/kpis.yaml', (t) => t.replace('id: frt\nname: First response time\nunit: hours', 'id: frt\nname: First response time\nunit: minutes'));
    const rescaled = editFixture(inMinutes, 'strategy/goals.yaml', (t) =>
      t.replace('baseline: { value: 6, date: 2026-03-31 }\ntarget: { value: 4, date: 2026-09-30 }\nmilestones:\n  - { date: 2026-06-30, value: 5 }', 'baseline: { value: 360, date: 2026-03-31 }\ntarget: { value: 240, date: 2026-09-30 }\nmilestones:\n  - { date: 2026-06-30, value: 300 }'),
    );
    const goalChanges = async (files: Record<string, string>) =>
      compareModels(await side('a', base), await side('b', files)).items.filter((i) => i.kind === 'Goal' && i.id === 'frt-org').flatMap((i) => i.changes.map((c) => [c.code, c.message]));
    // 4 hours is 240 minutes: the same target, written in the new unit.
    expect(await goalChanges(rescaled)).toEqual([['field-changed', 'target written as 240 minutes (was 4 hours): the same target in the KPI\'s new unit']]);
    // The unit alone changed: 4 hours became 4 minutes, far more ambitious for a time to lower.
    expect((await goalChanges(inMinutes))[0]).toEqual(['more-ambitious', 'target lowered from 4 hours to 4 minutes: more ambitious']);
    const inCount = editFixture(base, 'strategy/kpis.yaml', (t) => t.replace('id: frt\nname: First response time\nunit: hours', 'id: frt\nname: First response time\nunit: count'));
    expect((await goalChanges(inCount))[0]![0]).toBe('field-changed');
  });

  it('does not report a written duration that means the same time', async () => {
    const same = editFixture(base, 'strategy/service.yaml', (t) => t.replace('firstResponse: 2h', 'firstResponse: 120m').replace('resolution: 12h', 'resolution: 720m'));
    expect(compareModels(await side('a', base), await side('b', same)).items).toEqual([]);
  });
});
