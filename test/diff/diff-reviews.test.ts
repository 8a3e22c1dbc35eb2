// `goalpost diff` on reviews (format 1.1): an owner's confidence that fell or rose, decisions
// that are new, done, or whose due date moved, with their wording and codes.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRepo, type TempRepo } from './git-repo.ts';
import { itemOf, runDiff, runDiffJson } from './run-diff.ts';

const Q1 = `kind: Review
id: 2026-q1-review
date: 2026-04-02
quarter: 2026-Q1
checkins:
  - { goal: frt-org, confidence: on-track, note: Hiring on plan. }
decisions:
  - { id: late-shift, text: Start a late shift., owner: ben, due: 2026-05-01 }
`;

const Q2 = `---
kind: Review
id: 2026-q2-review
date: 2026-07-02
quarter: 2026-Q2
checkins:
  - { goal: frt-org, confidence: at-risk, note: Two hires left in June. }
decisions:
  - { id: rehire, text: Backfill the two leavers., owner: ana, due: 2026-08-15 }
`;

let repo: TempRepo;
let base: string;
beforeEach(() => {
  repo = createRepo();
  repo.write('strategy/reviews.yaml', Q1);
  base = repo.commit('Q1 review');
});
afterEach(() => repo.cleanup());

describe('goalpost diff: reviews', () => {
  it('says when an owner confidence fell, and lists the new review with its decisions', async () => {
    repo.write('strategy/reviews.yaml', Q1 + Q2);
    const diff = await runDiffJson(repo, [base]);
    expect(itemOf(diff, 'Goal', 'frt-org').changes).toEqual([
      { code: 'confidence-changed', field: 'confidence', before: 'on-track', after: 'at-risk', message: 'owner confidence fell from on track to at risk (review 2026-q2-review)' },
    ]);
    const review = itemOf(diff, 'Review', '2026-q2-review');
    expect(review.change).toBe('added');
    expect(review.changes.map((c) => c.message)).toEqual(['added: review of 2026-07-02 (2026-Q2): 1 check-in, 1 decision', 'new decision rehire: Backfill the two leavers. (Ana Ruiz (ana), due 2026-08-15)']);
    const markdown = (await runDiff(repo, [base])).out;
    expect(markdown).toContain('owner confidence fell from on track to at risk');
  });

  it('says when confidence rose', async () => {
    repo.write('strategy/reviews.yaml', Q1.replace('confidence: on-track', 'confidence: off-track'));
    const before = repo.commit('worried');
    repo.write('strategy/reviews.yaml', Q1);
    const diff = await runDiffJson(repo, [before]);
    expect(itemOf(diff, 'Goal', 'frt-org').changes[0]!.message).toBe('owner confidence rose from off track to on track (review 2026-q1-review)');
  });

  it('says when a decision is done and when its due date moved', async () => {
    repo.write('strategy/reviews.yaml', Q1.replace('due: 2026-05-01 }', 'due: 2026-05-15, done: 2026-05-12 }'));
    const diff = await runDiffJson(repo, [base]);
    expect(itemOf(diff, 'Review', '2026-q1-review').changes).toEqual([
      { code: 'decision-closed', field: 'decisions[late-shift].done', after: '2026-05-12', message: 'decision late-shift done on 2026-05-12' },
      { code: 'decision-due-moved', field: 'decisions[late-shift].due', before: '2026-05-01', after: '2026-05-15', days: 14, message: 'decision late-shift due date moved later by 14 days, from 2026-05-01 to 2026-05-15' },
    ]);
  });

  it('says when a decision is reopened or dropped, each with a code of its own for --fail-on', async () => {
    repo.write('strategy/reviews.yaml', Q1.replace('due: 2026-05-01 }', 'due: 2026-05-01, done: 2026-04-28 }\n  - { id: macros, text: Review the macros., owner: ana, due: 2026-05-01 }'));
    const done = repo.commit('late shift done, macros decided');
    repo.write('strategy/reviews.yaml', Q1);
    const diff = await runDiffJson(repo, [done]);
    expect(itemOf(diff, 'Review', '2026-q1-review').changes).toEqual([
      { code: 'decision-reopened', field: 'decisions[late-shift].done', before: '2026-04-28', message: 'decision late-shift reopened (was done on 2026-04-28)' },
      { code: 'decision-dropped', field: 'decisions[macros]', before: 'Review the macros.', message: 'decision macros dropped: Review the macros.' },
    ]);
  });

  it('reports nothing when only the lines of a review moved', async () => {
    repo.write('strategy/reviews.yaml', `# Reviews, newest last\n\n${Q1}`);
    expect((await runDiffJson(repo, [base])).items).toEqual([]);
  });
});
