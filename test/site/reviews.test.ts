// What the pages are given from the Reviews (issue 17 item 2, FORMAT.md section 2): per goal
// the owner's latest check-in on or before the as-of date beside the computed status, the
// disagreement in words, earlier check-ins newest first; per quarter the check-ins beside the
// goals and the decisions with their state; the overdue decisions on the overview; hires made
// against the plan. The reviews are review-fixture.ts's: 2026-03-25, 2026-06-24 and one dated
// after the as-of date (2026-07-20), which has not happened yet.
import { describe, expect, it } from 'vitest';
import { tableToCsv } from '../../src/site/data/csv.ts';
import { disagreement } from '../../src/site/data/reviews.ts';
import { allTables } from '../../src/site/data/site-data.ts';
import { column, fixtureFiles, fixtureSite, texts } from './fixture.ts';
import { reviewFixtureFiles } from './review-fixture.ts';

describe('a goal page with check-ins', () => {
  it('shows the latest check-in on or before the as-of date, the disagreement, and earlier ones newest first', async () => {
    const { site } = await fixtureSite(reviewFixtureFiles());
    const goal = site.goals.find((g) => g.id === 'frt-frontline')!;
    expect(goal.status).toBe('off-track');
    expect(goal.checkins).toEqual({
      latest: { date: '2026-06-24', review: { id: 'q2-review', quarter: '2026-Q2', href: 'quarters/2026-Q2/#review' }, confidence: 'on-track', label: 'On track', note: 'The new shift starts in July.' },
      disagreement: 'The owner says on track; the numbers say off track.',
      history: [{ date: '2026-03-25', review: { id: 'q1-review', quarter: '2026-Q1', href: 'quarters/2026-Q1/#review' }, confidence: 'at-risk', label: 'At risk', note: 'Two agents on leave in March.' }],
    });
  });

  it('marks no disagreement where the owner reads the goal as the numbers do, and has none without check-ins', async () => {
    const { site } = await fixtureSite(reviewFixtureFiles());
    const org = site.goals.find((g) => g.id === 'frt-org')!;
    expect([org.status, org.checkins!.latest.confidence, org.checkins!.disagreement, org.checkins!.latest.note]).toEqual(['on-track', 'on-track', null, null]);
    expect(site.goals.find((g) => g.id === 'csat-hold')!.checkins).toBeNull();
  });

  it('takes a later review once the as-of date has reached it', async () => {
    const { site } = await fixtureSite(reviewFixtureFiles(), '2026-07-31');
    const goal = site.goals.find((g) => g.id === 'frt-frontline')!;
    expect([goal.checkins!.latest.date, goal.checkins!.latest.confidence]).toEqual(['2026-07-20', 'off-track']);
    expect(goal.checkins!.history.map((c) => c.date)).toEqual(['2026-06-24', '2026-03-25']);
  });

  it('compares the confidence with the status on the three steps on track, at risk, off track', () => {
    expect(disagreement('on-track', 'achieved')).toBeNull();
    expect(disagreement('off-track', 'missed')).toBeNull();
    expect(disagreement('at-risk', 'at-risk')).toBeNull();
    expect(disagreement('on-track', 'at-risk')).toBe('The owner says on track; the numbers say at risk.');
    expect(disagreement('off-track', 'on-track')).toBe('The owner says off track; the numbers say on track.');
    expect(disagreement('at-risk', 'missed')).toBe('The owner says at risk; the numbers say missed.');
    expect(disagreement('on-track', 'no-data')).toBeNull();
    expect(disagreement('off-track', 'not-started')).toBeNull();
  });
});

describe('decisions', () => {
  it('are listed on their quarter page with their state as a word, the check-ins beside the goals\u2019 statuses', async () => {
    const { site } = await fixtureSite(reviewFixtureFiles());
    const q2 = site.quarters.find((q) => q.label === '2026-Q2')!;
    const review = q2.review!;
    expect(review.reviews.map((r) => [r.id, r.date, r.attendees])).toEqual([['q2-review', '2026-06-24', ['Ana Ruiz', "=cmd|' /C calc'!A0", 'Cy Park']]]);
    expect(texts(review.decisions)).toEqual([
      ['Staff a late shift.', "=cmd|' /C calc'!A0", '2026-06-26', 'Overdue', '\u2014', 'Frontline answers within 4 h; <script>alert(1)</script> "now"'],
      ['Write ten macros.', 'Cy Park', '2026-07-31', 'Open', '\u2014', '\u2014'],
      ['Survey the team.', 'Ana Ruiz', '2026-06-20', 'Done', '2026-06-19', '\u2014'],
    ]);
    expect(review.decisions.rows.map((r) => r.cells[4]!.chip)).toEqual(['overdue', 'open', 'done'].map((value) => ({ kind: 'decision', value })));
    expect(review.states).toEqual({ open: 1, done: 1, overdue: 1 });
    expect(texts(review.checkins)).toEqual([
      ['Frontline answers within 4 h', "=cmd|' /C calc'!A0", 'Off track', 'On track', 'The new shift starts in July.'],
      ['<script>alert(1)</script> "now"', 'Ana Ruiz', 'On track', 'On track', '\u2014'],
    ]);
    expect(review.checkins.rows.map((r) => r.cells[5]!.flag ?? null)).toEqual(['Disagrees', null]);
    expect(column(review.checkins, 'Disagreement')).toEqual(['The owner says on track; the numbers say off track.', '']);
    expect(review.checkins.rows[0]!.filter).toMatchObject({ goal: 'frt-frontline', status: 'off-track', owner: 'ben' });
    // The owner's name looks like a formula: the CSV says it as text.
    expect(tableToCsv(review.decisions)).toContain("Staff a late shift.,'=cmd|' /C calc'!A0,2026-06-26,Overdue,");
    expect(allTables(site).map((t) => t.csv)).toEqual(expect.arrayContaining(['quarters/2026-Q2/checkins', 'quarters/2026-Q2/decisions']));
  });

  it('put each review on the page of the quarter it looks back on, and leave out a review not held yet', async () => {
    const { site } = await fixtureSite(reviewFixtureFiles());
    const q1 = site.quarters.find((q) => q.label === '2026-Q1')!;
    expect(texts(q1.review!.decisions).map((r) => [r[0], r[3]])).toEqual([['Start hiring in April.', 'Done']]);
    // A closed quarter's check-ins sit beside the statuses at its end.
    expect(q1.review!.checkins.caption).toBe("The owners' confidence at the review, beside each goal's status on 2026-03-31");
    expect(site.quarters.find((q) => q.label === '2026-Q3')!.review).toBeNull();
    expect((await fixtureSite()).site.quarters.every((q) => q.review === null)).toBe(true);
  });

  it('are flagged on the overview when overdue, each linked to its review', async () => {
    const { site } = await fixtureSite(reviewFixtureFiles());
    expect(site.overview.overdueDecisions).toEqual([
      { id: 'late-shift', text: 'Staff a late shift.', owner: "=cmd|' /C calc'!A0", due: '2026-06-26', review: 'q2-review', href: 'quarters/2026-Q2/#decisions' },
    ]);
    expect((await fixtureSite(reviewFixtureFiles(), '2026-06-26')).site.overview.overdueDecisions).toEqual([]);
  });
});

describe('hires made against the plan', () => {
  it('shows hired under the plan on the hiring page, and says when a started quarter has none recorded', async () => {
    const { site } = await fixtureSite(reviewFixtureFiles());
    expect(site.hiring.profiles[0]!.headcount).toEqual([
      { quarter: '2026-Q2', hires: 2, hired: 1, text: '2 planned, 1 hired' },
      { quarter: '2026-Q3', hires: 1, hired: null, text: '1 planned' },
    ]);
    const plan = site.hiring.plan;
    expect(plan.columns.map((c) => c.label)).toEqual(['ID', 'Profile', 'Team', '2026-Q2', '2026-Q3', 'Total', '2026-Q2 hired']);
    expect(plan.rows[0]!.cells[3]).toEqual({ text: '2', num: 2, note: '1 hired' });
    expect(tableToCsv(plan).split('\r\n')[1]).toBe('agent,Support Agent,Frontline,2,1,3,1');
    const before = (await fixtureSite(fixtureFiles())).site;
    expect(before.hiring.profiles[0]!.headcount[0]!.text).toBe('2 planned, hires not recorded');
    expect(before.hiring.plan.columns.map((c) => c.label)).not.toContain('2026-Q2 hired');
  });

  it('gives each quarter page the hires planned and made in it', async () => {
    const { site } = await fixtureSite(reviewFixtureFiles());
    const hiring = (label: string) => site.quarters.find((q) => q.label === label)!.hiring;
    expect([column(hiring('2026-Q2'), 'Planned'), column(hiring('2026-Q2'), 'Hired')]).toEqual([['2'], ['1']]);
    expect([column(hiring('2026-Q3'), 'Planned'), column(hiring('2026-Q3'), 'Hired')]).toEqual([['1'], ['\u2014']]);
  });
});
