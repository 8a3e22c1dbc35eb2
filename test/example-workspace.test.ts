// The example workspace end to end, with saved expected outputs: a changed output is a
// reviewed diff (`npx vitest run -u` rewrites them), not a surprise.
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.ts';
import { nodeFileSystem } from '../src/effects.ts';
import { GOAL_STATUSES } from '../src/compute/types.ts';
import { runPipeline } from '../src/pipeline.ts';
import { memoryEffects } from './helpers/memory-fs.ts';

const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');

async function run(args: string[]) {
  const effects = memoryEffects(nodeFileSystem, { cwd: ROOT, today: '2026-11-23' });
  const code = await main(args, effects);
  return { code, out: effects.out(), err: effects.err() };
}

describe('the example workspace', () => {
  it('passes check with no error and no warning', async () => {
    expect(await run(['check', '--strict'])).toEqual({ code: 0, out: 'No problems found.\n', err: '' });
  });

  it('shows every status at its pinned as-of date', async () => {
    const { code, out } = await run(['status', '--json']);
    expect(code).toBe(0);
    const status = JSON.parse(out) as { asOf: string; goals: { status: string }[] };
    expect(status.asOf).toBe('2026-06-30');
    expect(new Set(status.goals.map((g) => g.status))).toEqual(new Set(GOAL_STATUSES));
    await expect(out).toMatchFileSnapshot('output/example-status.json');
  });

  it('prints the status table', async () => {
    await expect((await run(['status'])).out).toMatchFileSnapshot('output/example-status.txt');
  });

  it('computes the help-desk KPIs from the Zendesk export, with the tickets behind every point', async () => {
    const { code, out } = await run(['metrics', '--format', 'json', '--scope', 'org']);
    expect(code).toBe(0);
    const { series } = JSON.parse(out) as { series: { kpi: string; source: string; points: { tickets?: number }[] }[] };
    const computed = series.filter((s) => s.source === 'tickets:zendesk');
    expect(computed.map((s) => s.kpi)).toEqual(['art', 'csat', 'fcr', 'frt', 'reopen_rate', 'sla_adherence', 'ticket_volume']);
    for (const s of computed) for (const point of s.points) expect(point.tickets, s.kpi).toBeGreaterThan(0);
    expect(series.filter((s) => s.source !== 'tickets:zendesk').map((s) => s.kpi)).toEqual(['aht', 'ces', 'nps', 'self_service', 'workload_spread']);
  });

  it('keeps data/ under 8 MB', () => {
    const data = path.join(ROOT, 'data');
    const bytes = readdirSync(data, { recursive: true, encoding: 'utf8' }).reduce((sum, file) => {
      const stat = statSync(path.join(data, file));
      return sum + (stat.isFile() ? stat.size : 0);
    }, 0);
    expect(bytes).toBeLessThan(8 * 1024 * 1024);
  });

  it('has a second-quarter review with a disagreeing owner, a done, an open and an overdue decision, and hires made', async () => {
    const { model, progress, asOf } = await runPipeline(nodeFileSystem, { root: ROOT, today: () => '2026-11-23' });
    const review = model!.reviews.find((r) => r.quarter === '2026-Q2')!;
    expect(review.date <= asOf).toBe(true);
    const status = new Map(progress!.goals.map((g) => [g.id, g.status]));
    const inTrouble = [...status].filter(([, s]) => s === 'off-track' || s === 'at-risk' || s === 'missed').map(([id]) => id);
    const checked = new Set(review.checkins.map((c) => c.goal));
    for (const id of inTrouble) expect(checked.has(id), id).toBe(true);
    expect(review.checkins.some((c) => c.confidence === 'on-track' && status.get(c.goal) !== 'on-track')).toBe(true);
    const state = (d: { done?: string; due: string }) => (d.done !== undefined && d.done <= asOf ? 'done' : d.due < asOf ? 'overdue' : 'open');
    expect(review.decisions.map(state).sort()).toEqual(['done', 'open', 'overdue']);
    const q2 = model!.hiringProfiles.flatMap((h) => h.headcount.filter((entry) => entry.quarter === '2026-Q2'));
    expect(q2.length).toBeGreaterThan(0);
    for (const entry of q2) expect(entry.hired).toBeTypeOf('number');
  });

  it('gives byte-identical output for the same inputs and --as-of', async () => {
    const first = await run(['status', '--json', '--as-of', '2026-05-15']);
    const second = await run(['status', '--json', '--as-of', '2026-05-15']);
    expect(second.out).toBe(first.out);
  });
});
