// The Review kind and the rules of format 1.1: the schema of every Review field, references,
// duplicates within a Review, checkin-missing at a Review's date, decision-overdue at the as-of
// date, and percent-fraction; each with a failing and a passing case at the exact position.
import { describe, expect, it } from 'vitest';
import { editFixture, pipelineOn, positionOf, readFixture, where } from '../helpers/workspace-fixture.ts';

// frt-org: baseline 6 (2026-03-31) to 4 by 2026-09-30. On 2026-05-31 the plan expects 5.33 h
// (a third of the way); 5.9 h is 5 % of the way: off track. frt-tier1 at 4.4 h is on track.
const DATA = 'period,scope,frt,csat\n2026-05,org,5.9,91\n2026-05,team:tier1,4.4,\n2026-06,org,5.8,92\n';

const REVIEW = `kind: Review
id: 2026-q2-review
date: 2026-06-05
quarter: 2026-Q2
attendees: [ana, ben]
checkins:
  - goal: frt-org
    confidence: at-risk
    note: The late shift starts in July.
decisions:
  - id: late-shift
    text: Start a late shift on weekdays.
    owner: ben
    due: 2026-06-20
    goals: [frt-org]
    done: 2026-06-18
  - id: macro-review
    text: Review the ten most used macros.
    owner: ana
    due: 2026-07-15
`;

const base = { ...readFixture('valid'), 'data/metrics.csv': DATA, 'strategy/reviews.yaml': REVIEW };


const replace = (from: string, to: string) => (text: string) => {
  if (!text.includes(from)) throw new Error(`"${from}" not found`);
  return text.replace(from, to);
};

interface Case {
  name: string;
  file: string;
  edit: (text: string) => string;
  code: string;
  severity: 'error' | 'warning';
  at: string;
  message?: RegExp;
  hint?: RegExp;
}

const cases: Case[] = [
  { name: 'a confidence that is not one of the three', file: 'strategy/reviews.yaml', edit: replace('confidence: at-risk', 'confidence: worried'), code: 'schema', severity: 'error', at: 'worried' },
  { name: 'a review date that is no date', file: 'strategy/reviews.yaml', edit: replace('date: 2026-06-05', 'date: June 5th'), code: 'schema', severity: 'error', at: 'June 5th' },
  { name: 'a quarter written another way', file: 'strategy/reviews.yaml', edit: replace('quarter: 2026-Q2', 'quarter: Q2 2026'), code: 'schema', severity: 'error', at: 'Q2 2026' },
  { name: 'a decision without an owner', file: 'strategy/reviews.yaml', edit: replace('    owner: ana\n', ''), code: 'schema', severity: 'error', at: 'id: macro-review', message: /owner/ },
  { name: 'a misspelt decision field', file: 'strategy/reviews.yaml', edit: replace('done: 2026-06-18', 'don: 2026-06-18'), code: 'schema', severity: 'error', at: 'don:', hint: /`done`/ },
  { name: 'a check-in on an unknown goal', file: 'strategy/reviews.yaml', edit: replace('goal: frt-org', 'goal: frt-orgg'), code: 'ref-unknown', severity: 'error', at: 'frt-orgg', hint: /`frt-org`/ },
  { name: 'an unknown attendee', file: 'strategy/reviews.yaml', edit: replace('attendees: [ana, ben]', 'attendees: [ana, bob]'), code: 'ref-unknown', severity: 'error', at: 'bob' },
  { name: 'an unknown decision owner', file: 'strategy/reviews.yaml', edit: replace('owner: ben', 'owner: benn'), code: 'ref-unknown', severity: 'error', at: 'benn', hint: /`ben`/ },
  { name: 'a decision serving an unknown goal', file: 'strategy/reviews.yaml', edit: replace('goals: [frt-org]', 'goals: [frt-tier2]'), code: 'ref-unknown', severity: 'error', at: 'frt-tier2' },
  { name: 'a decision id twice', file: 'strategy/reviews.yaml', edit: replace('id: macro-review', 'id: late-shift'), code: 'duplicate-id', severity: 'error', at: 'late-shift\n    text: Review' },
  { name: 'an off-track goal without a check-in', file: 'strategy/reviews.yaml', edit: replace('  - goal: frt-org\n    confidence: at-risk\n    note: The late shift starts in July.\n', '  - goal: frt-tier1\n    confidence: on-track\n'), code: 'checkin-missing', severity: 'warning', at: 'checkins', message: /`frt-org` was off track on 2026-06-05/ },
  { name: 'an open decision past due', file: 'strategy/reviews.yaml', edit: replace('due: 2026-07-15', 'due: 2026-06-15'), code: 'decision-overdue', severity: 'warning', at: '2026-06-15', message: /still open on 2026-06-30/ },
  { name: 'a decision done only after the as-of date, past due at it', file: 'strategy/reviews.yaml', edit: replace('done: 2026-06-18', 'done: 2026-07-02'), code: 'decision-overdue', severity: 'warning', at: '2026-06-20', message: /`late-shift` .* still open on 2026-06-30/ },
  { name: 'a percent target written as a fraction', file: 'strategy/goals.yaml', edit: replace('target: { value: 90, date: 2026-12-31 }', 'target: { value: 0.9, date: 2026-12-31 }'), code: 'percent-fraction', severity: 'warning', at: '0.9', hint: /write 90 for 90 %/ },
  { name: 'an SLA target written as a fraction', file: 'strategy/service.yaml', edit: replace('target: 95', 'target: 0.95'), code: 'percent-fraction', severity: 'warning', at: '0.95', hint: /write 95 for 95 %/ },
];

describe('Review and the format 1.1 rules', () => {
  it('the base workspace is clean, and the model holds the review', async () => {
    const result = await pipelineOn(base);
    expect(result.diagnostics.map(where)).toEqual([]);
    const review = result.model!.reviews[0]!;
    expect(review).toMatchObject({ id: '2026-q2-review', date: '2026-06-05', quarter: '2026-Q2', attendees: ['ana', 'ben'], checkins: [{ goal: 'frt-org', confidence: 'at-risk' }] });
    expect(review.decisions.map((d) => [d.id, d.done ?? null])).toEqual([['late-shift', '2026-06-18'], ['macro-review', null]]);
  });

  it.each(cases)('$code: $name', async (c) => {
    const files = editFixture(base, c.file, c.edit);
    const result = await pipelineOn(files);
    const expected = positionOf(files[c.file]!, c.at);
    const match = result.diagnostics.find((d) => d.code === c.code && d.file === c.file && d.line === expected.line);
    expect(match, `diagnostics were:\n${result.diagnostics.map((d) => `${where(d)} ${d.message}`).join('\n')}`).toBeDefined();
    expect(match).toMatchObject({ severity: c.severity, column: expected.column });
    if (c.message) expect(match!.message).toMatch(c.message);
    if (c.hint) expect(match!.hint).toMatch(c.hint);
    expect(result.diagnostics.filter((d) => d.code !== c.code).map(where)).toEqual([]);
  });

  it('checkin-missing takes each goal as it stood on the review date, not at the as-of date', async () => {
    // On 2026-05-15 there is no point yet (the first is May's, dated 2026-05-31): no-data needs no check-in.
    const early = editFixture(base, 'strategy/reviews.yaml', (t) => t.replace('date: 2026-06-05', 'date: 2026-05-15').replace(/checkins:\n(.*\n){3}/, ''));
    expect((await pipelineOn(early)).diagnostics.map(where)).toEqual([]);
  });

  it('a done decision is never overdue, and an open one only after its due date', async () => {
    const dueOnAsOf = editFixture(base, 'strategy/reviews.yaml', replace('due: 2026-07-15', 'due: 2026-06-30'));
    expect((await pipelineOn(dueOnAsOf)).diagnostics.map(where)).toEqual([]);
    const doneLate = editFixture(base, 'strategy/reviews.yaml', replace('due: 2026-06-20', 'due: 2026-06-01'));
    expect((await pipelineOn(doneLate)).diagnostics.map(where)).toEqual([]);
  });

  it('a decision of a review dated after the as-of date is not overdue yet', async () => {
    const later = editFixture(base, 'strategy/reviews.yaml', (t) => t.replace('date: 2026-06-05', 'date: 2026-07-10').replace('due: 2026-07-15', 'due: 2026-06-15').replace(/checkins:\n(.*\n){3}/, ''));
    expect((await pipelineOn(later)).diagnostics.filter((d) => d.code === 'decision-overdue')).toEqual([]);
  });

  it('percent-fraction quotes a computed value to four significant digits, not all of them', async () => {
    const files = editFixture({ ...base, 'data/metrics.csv': DATA.replace(',91\n', ',88.7402452619844\n') }, 'strategy/goals.yaml', replace('target: { value: 90, date: 2026-12-31 }', 'target: { value: 0.9, date: 2026-12-31 }'));
    const finding = (await pipelineOn(files)).diagnostics.find((d) => d.code === 'percent-fraction')!;
    expect(finding.message).toMatch(/has values such as 88\.74 %$/);
  });

  it('a percent goal that really is near 1 % passes', async () => {
    const files = editFixture(
      { ...base, 'data/metrics.csv': DATA.replace(/,91\n/, ',0.8\n').replace(/,92\n/, ',0.9\n') },
      'strategy/goals.yaml',
      replace('target: { value: 90, date: 2026-12-31 }', 'target: { value: 0.9, date: 2026-12-31 }'),
    );
    expect((await pipelineOn(files)).diagnostics.filter((d) => d.code === 'percent-fraction')).toEqual([]);
  });
});
