// Statuses in a diff come from the progress engine: both strategies are judged on the head's
// metric files at one as-of date, so a status that moves is due to the strategy change.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRepo, type TempRepo } from './git-repo.ts';
import { itemOf, runDiff, runDiffJson } from './run-diff.ts';

const METRICS = 'period,scope,frt,csat\n2026-04,org,5.6,85\n2026-05,org,5.2,86\n2026-06,org,4.9,86\n';

let repo: TempRepo;
let base: string;
beforeEach(() => {
  repo = createRepo();
  base = repo.git('rev-parse', 'HEAD');
  // The data arrives with the change; the base commit has none, yet is judged on it too.
  repo.write('data/metrics.csv', METRICS);
  repo.edit('strategy/goals.yaml', 'target: { value: 4, date: 2026-09-30 }', 'target: { value: 4.95, date: 2026-09-30 }');
});
afterEach(() => repo.cleanup());

describe('goalpost diff: statuses', () => {
  // Current 4.9 h at 2026-06-30. Base target 4 h: attainment (4.9-6)/(4-6) = 0.55 against an
  // expected 0.5 (the 5 h milestone), so on track. Head target 4.95 h: 4.9 meets it, achieved.
  it('gives a changed goal its status before and after on the same data and date', async () => {
    const diff = await runDiffJson(repo, [base, '--as-of', '2026-06-30']);
    expect(diff.asOf).toBe('2026-06-30');
    expect(itemOf(diff, 'Goal', 'frt-org').status).toMatchObject({ before: 'on-track', after: 'achieved' });
    expect((await runDiff(repo, [base])).out).toContain('| Goal | Changes | Status |');
  });
});
