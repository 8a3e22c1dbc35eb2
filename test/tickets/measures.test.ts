// The measures of TICKETS.md 7.2, hand-computed on four tickets (UTC, office hours Mon-Fri
// 09:00-17:00). Week 2026-W15 is Mon 6 to Sun 12 April 2026, 2026-W16 from Mon 13.
//   T1 Mon 06 09:00, reply 09:30, solved 12:00; tier1, ana, email; good; 0 reopens, 1 reply
//   T2 Mon 06 16:00, reply Tue 07 10:00, solved Wed 08 10:00; billing, ben, chat; bad; 1, 3
//   T3 Tue 07 08:00, reply 09:00, never solved; tier1, email
//   T4 Fri 10 16:30, reply Mon 13 09:15, solved Mon 13 11:00; no team, ana (so tier1), email,
//      Enterprise; rating 5; 0 reopens, 0 replies
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { percentileOfSorted } from '../../src/tickets/statistics.ts';
import { catalog, csv, kpi, pointsOf, run, runRows, source } from './helpers.ts';

const TICKETS = [
  { id: 1, created: '2026-04-06 09:00', firstReply: '2026-04-06 09:30', solved: '2026-04-06 12:00', team: 'tier1', person: 'ana', channel: 'email', csat: 'good', reopens: 0, replies: 1 },
  { id: 2, created: '2026-04-06 16:00', firstReply: '2026-04-07 10:00', solved: '2026-04-08 10:00', team: 'billing', person: 'ben', channel: 'chat', csat: 'bad', reopens: 1, replies: 3 },
  { id: 3, created: '2026-04-07 08:00', firstReply: '2026-04-07 09:00', team: 'tier1', channel: 'email' },
  { id: 4, created: '2026-04-10 16:30', firstReply: '2026-04-13 09:15', solved: '2026-04-13 11:00', person: 'ana', channel: 'email', segment: 'Enterprise', csat: 5, reopens: 0, replies: 0 },
];

const compute = (kpis: ReturnType<typeof kpi>[], overrides = {}) => runRows(TICKETS, { kpis, ...overrides });

describe('durations', () => {
  it('first reply, calendar clock, median by default: W15 holds 30, 60 and 1080 minutes', async () => {
    const result = await compute([kpi('frt', { measure: 'first-reply' })]);
    expect(result.findings).toEqual([]);
    expect(pointsOf(result, 'frt')).toEqual([
      { period: '2026-W15', value: 60, tickets: 3 },
      { period: '2026-W16', value: 3885, tickets: 1 },
    ]);
    expect(pointsOf(result, 'frt', 'team:tier1')).toEqual([
      { period: '2026-W15', value: 45, tickets: 2 },
      { period: '2026-W16', value: 3885, tickets: 1 },
    ]);
    expect(pointsOf(result, 'frt', 'team:billing')).toEqual([{ period: '2026-W15', value: 1080, tickets: 1 }]);
    expect(pointsOf(result, 'frt', 'segment:enterprise')).toEqual([{ period: '2026-W16', value: 3885, tickets: 1 }]);
  });

  it('mean and p90', async () => {
    const result = await compute([kpi('mean', { measure: 'first-reply', statistic: 'mean' }), kpi('p90', { measure: 'first-reply', statistic: 'p90' })]);
    expect(pointsOf(result, 'mean')?.[0]).toEqual({ period: '2026-W15', value: 390, tickets: 3 });
    // h = 2 * 90 / 100 = 1.8: 60 + 0.8 * (1080 - 60).
    expect(pointsOf(result, 'p90')?.[0]?.value).toBe(60 + (1.8 - 1) * (1080 - 60));
  });

  it('first reply, business clock, in hours: 30, 120 and 0 business minutes in W15; 45 in W16', async () => {
    const result = await compute([kpi('frt', { measure: 'first-reply', clock: 'business' }, 'hours')]);
    expect(pointsOf(result, 'frt')).toEqual([
      { period: '2026-W15', value: 0.5, tickets: 3 },
      { period: '2026-W16', value: 0.75, tickets: 1 },
    ]);
  });

  it("the vendor's minutes win over the timestamps", async () => {
    const rows = TICKETS.map((ticket) => ({ ...ticket }));
    const result = await run(
      { 'data/tickets/export.csv': csv('id,created,firstReply,firstReplyMinutes', rows.map((r) => `${r.id},${r.created},${r.firstReply},${r.id === 2 ? 7 : ''}`)) },
      { kpis: [kpi('frt', { measure: 'first-reply', statistic: 'mean' })] },
    );
    expect(pointsOf(result, 'frt')?.[0]).toEqual({ period: '2026-W15', value: (30 + 7 + 60) / 3, tickets: 3 });
  });

  it('resolution, in days, counts solved tickets in the period of their solve', async () => {
    const result = await compute([kpi('ttr', { measure: 'resolution' }, 'days')]);
    expect(pointsOf(result, 'ttr')).toEqual([
      { period: '2026-W15', value: (180 / 1440 + 2520 / 1440) / 2, tickets: 2 },
      { period: '2026-W16', value: 3990 / 1440, tickets: 1 },
    ]);
  });

  it('a business clock without a schedule computes nothing', async () => {
    const result = await compute([kpi('frt', { measure: 'first-reply', clock: 'business' })], { defaultSchedule: null });
    expect(result.series).toEqual([]);
  });
});

describe('counts', () => {
  it('volume: tickets created per period, zero-filled to the period of the latest instant', async () => {
    const result = await compute([kpi('volume', { measure: 'volume' }, 'count')]);
    expect(pointsOf(result, 'volume')).toEqual([
      { period: '2026-W15', value: 4, tickets: 4 },
      { period: '2026-W16', value: 0, tickets: 0 },
    ]);
    expect(pointsOf(result, 'volume', 'team:billing')).toEqual([
      { period: '2026-W15', value: 1, tickets: 1 },
      { period: '2026-W16', value: 0, tickets: 0 },
    ]);
    // A scope without tickets has no series at all.
    expect(pointsOf(result, 'volume', 'channel:other')).toBeUndefined();
    expect(result.series.map((s) => s.scope)).toEqual(['channel:chat', 'channel:email', 'org', 'person:ana', 'person:ben', 'segment:enterprise', 'team:billing', 'team:support', 'team:tier1']);
  });

  it('backlog: tickets open at each period end (created before it, solved at or after it, or never)', async () => {
    const result = await compute([kpi('backlog', { measure: 'backlog', period: 'day' }, 'count')]);
    expect(pointsOf(result, 'backlog')?.map((p) => `${p.period} ${p.value}`)).toEqual([
      '2026-04-06 1', // T2
      '2026-04-07 2', // T2, T3
      '2026-04-08 1', // T3
      '2026-04-09 1',
      '2026-04-10 2', // T3, T4
      '2026-04-11 2',
      '2026-04-12 2',
      '2026-04-13 1', // T3
    ]);
    const weekly = await compute([kpi('backlog', { measure: 'backlog' }, 'count')]);
    expect(pointsOf(weekly, 'backlog')).toEqual([
      { period: '2026-W15', value: 2, tickets: 2 },
      { period: '2026-W16', value: 1, tickets: 1 },
    ]);
  });
});

describe('rates', () => {
  it('one-touch: replies ≤ 1 and no reopen, in the period of the solve', async () => {
    const result = await compute([kpi('otr', { measure: 'one-touch' }, 'percent')]);
    expect(pointsOf(result, 'otr')).toEqual([
      { period: '2026-W15', value: 50, tickets: 2 },
      { period: '2026-W16', value: 100, tickets: 1 },
    ]);
  });

  it('reopened: at least one reopen', async () => {
    const result = await compute([kpi('reopen', { measure: 'reopened' }, 'percent')]);
    expect(pointsOf(result, 'reopen')).toEqual([
      { period: '2026-W15', value: 50, tickets: 2 },
      { period: '2026-W16', value: 0, tickets: 1 },
    ]);
  });

  it('csat: good ratings among rated solved tickets; unrated tickets are left out', async () => {
    const result = await compute([kpi('csat', { measure: 'csat' }, 'percent')]);
    expect(pointsOf(result, 'csat')).toEqual([
      { period: '2026-W15', value: 50, tickets: 2 },
      { period: '2026-W16', value: 100, tickets: 1 },
    ]);
    expect(pointsOf(result, 'csat', 'channel:email')).toEqual([
      { period: '2026-W15', value: 100, tickets: 1 },
      { period: '2026-W16', value: 100, tickets: 1 },
    ]);
  });

  it('is 100 × the mean, unrounded', async () => {
    const rows = [1, 2, 3].map((id) => ({ id, created: '2026-04-06 09:00', solved: '2026-04-06 10:00', csat: id === 1 ? 'good' : 'bad' }));
    const result = await runRows(rows, { kpis: [kpi('csat', { measure: 'csat' }, 'percent')] });
    expect(pointsOf(result, 'csat')?.[0]?.value).toBe(100 * (1 / 3));
  });
});

describe('periods', () => {
  it('labels days, months and fiscal quarters, dated by their end', async () => {
    const result = await compute([kpi('d', { measure: 'volume', period: 'day' }, 'count'), kpi('m', { measure: 'volume', period: 'month' }, 'count'), kpi('q', { measure: 'volume', period: 'quarter' }, 'count')], { fiscalYearStart: 4 });
    const series = (id: string) => result.series.find((s) => s.kpi === id && s.scope === 'org')!;
    expect(series('d').periods.slice(0, 2)).toEqual(['2026-04-06', '2026-04-07']);
    expect(series('m').periods).toEqual(['2026-04']);
    expect(series('q').periods).toEqual(['2026-Q1']);
    expect(Array.from(series('q').days)).toEqual([Date.UTC(2026, 5, 30) / 86_400_000]);
    expect(series('q').source).toBe('tickets:desk');
  });

  it("puts an instant in the period of its local date in the source's timezone", async () => {
    // Sunday 12 April 22:00 in New York is Monday 13 April 02:00 UTC.
    const rows = [{ id: 1, created: '2026-04-13T02:00:00Z' }];
    const utc = await runRows(rows, { kpis: [kpi('v', { measure: 'volume' }, 'count')] });
    expect(pointsOf(utc, 'v')?.map((p) => p.period)).toEqual(['2026-W16']);
    const local = await runRows(rows, { kpis: [kpi('v', { measure: 'volume' }, 'count')], sources: [source({ timezone: 'America/New_York' })] });
    expect(pointsOf(local, 'v')?.map((p) => p.period)).toEqual(['2026-W15']);
  });
});

describe('sources', () => {
  const files = {
    'data/a/export.csv': csv('id,created', ['1,2026-04-06 09:00', '2,2026-04-07 09:00']),
    'data/b/export.csv': csv('id,created', ['1,2026-04-08 09:00']),
  };
  const sources = [source({ id: 'a', files: ['data/a/export.csv'] }), source({ id: 'b', files: ['data/b/export.csv'] })];

  it('pools every source when the KPI names none (ids are unique per source only)', async () => {
    const result = await run(files, { sources, kpis: [kpi('v', { measure: 'volume' }, 'count')] });
    expect(pointsOf(result, 'v')).toEqual([{ period: '2026-W15', value: 3, tickets: 3 }]);
    expect(result.series[0]!.source).toBe('tickets:a,b');
  });

  it("reads only the KPI's source when it names one", async () => {
    const result = await run(files, { sources, kpis: [kpi('v', { measure: 'volume', source: 'b' }, 'count')] });
    expect(pointsOf(result, 'v')).toEqual([{ period: '2026-W15', value: 1, tickets: 1 }]);
    expect(result.series[0]!.source).toBe('tickets:b');
  });
});

describe('teams', () => {
  it("counts a ticket in its team's ancestors, and in its person's team when its own team is unmapped", async () => {
    const result = await runRows(
      [
        { id: 1, created: '2026-04-06 09:00', team: 'Tier 1' },
        { id: 2, created: '2026-04-06 09:00', team: 'Nowhere', person: 'Ben Okafor' },
      ],
      { kpis: [kpi('v', { measure: 'volume' }, 'count')] },
    );
    expect(pointsOf(result, 'v', 'team:tier1')?.[0]?.value).toBe(1);
    expect(pointsOf(result, 'v', 'team:billing')?.[0]?.value).toBe(1);
    expect(pointsOf(result, 'v', 'team:support')?.[0]?.value).toBe(2);
  });
});

describe('a larger export', () => {
  it('keeps every ticket when room is reserved from the file size, and repeats are found out of order', async () => {
    const rows = Array.from({ length: 6000 }, (_, i) => ({ id: i < 5000 ? 5000 - i : 6000 - i, created: `2026-04-${String(6 + (i % 7)).padStart(2, '0')} 09:00` }));
    const result = await runRows(rows, { kpis: [kpi('v', { measure: 'volume' }, 'count')] });
    expect(pointsOf(result, 'v')).toEqual([{ period: '2026-W15', value: 5000, tickets: 5000 }]);
    expect(result.findings.map((f) => f.message)).toEqual([expect.stringContaining('1000 rows in this file repeat')]);
  });
});

describe('percentiles at every scope, against the sorted-array formula', () => {
  // Tickets created on Monday 2026-04-06 (W15) with first replies after `minutes`, spread over
  // teams, people and channels; a reply weeks later counts in its own week. Small whole minutes
  // are counted value by value, larger ones (past 26,000 here) by byte, and any half minute
  // makes the KPI's values selected instead: each way occurs. Each scope's point in each week
  // must be the formula applied to the minutes of its own tickets replied to that week.
  const people = ['ana', 'ben', ''];
  const teams = ['tier1', 'billing', ''];
  const channels = ['email', 'chat', ''];
  const ticket = fc.record({
    minutes: fc.oneof(fc.integer({ min: 0, max: 600 }), fc.integer({ min: 250, max: 262 }), fc.constantFrom(0, 255, 256, 511, 512, 3000, 30000, 65535, 70000), fc.constantFrom(0.5, 300.5)),
    person: fc.integer({ min: 0, max: 2 }),
    team: fc.integer({ min: 0, max: 2 }),
    channel: fc.integer({ min: 0, max: 2 }),
  });
  const expected = (minutes: number[], percent: number) => percentileOfSorted(Float64Array.from(minutes).sort(), 0, minutes.length, percent);
  // The ISO week of the reply: the Monday's 09:00 plus the minutes.
  const weekOf = (minutes: number) => `2026-W${15 + Math.floor(Math.floor((9 * 60 + minutes) / 1440) / 7)}`;

  it('p1 to p99 at org, team, parent team, person and channel', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(ticket, { minLength: 1, maxLength: 40 }), fc.integer({ min: 1, max: 99 }), async (tickets, percent) => {
        const created = Date.UTC(2026, 3, 6, 9, 0);
        const rows = tickets.map((t, i) => ({
          id: i + 1,
          created: '2026-04-06 09:00',
          firstReply: new Date(created + t.minutes * 60_000).toISOString().slice(0, 19).replace('T', ' '),
          team: teams[t.team],
          person: people[t.person],
          channel: channels[t.channel],
        }));
        const result = await runRows(rows, { kpis: [kpi('frt', { measure: 'first-reply', statistic: `p${percent}` })] });
        // A ticket's team is its own, else its person's (ana: tier1, ben: billing); tier1 and billing are under support.
        const teamOf = (t: (typeof tickets)[number]) => teams[t.team] || (people[t.person] === 'ana' ? 'tier1' : people[t.person] === 'ben' ? 'billing' : '');
        const scopes: [string, (t: (typeof tickets)[number]) => boolean][] = [
          ['org', () => true],
          ['team:support', (t) => teamOf(t) !== ''],
          ['team:tier1', (t) => teamOf(t) === 'tier1'],
          ['person:ben', (t) => people[t.person] === 'ben'],
          ['channel:chat', (t) => channels[t.channel] === 'chat'],
        ];
        for (const [scope, member] of scopes) {
          const weeks = new Map<string, number[]>();
          for (const t of tickets.filter(member)) weeks.set(weekOf(t.minutes), [...(weeks.get(weekOf(t.minutes)) ?? []), t.minutes]);
          const points = pointsOf(result, 'frt', scope);
          if (weeks.size === 0) expect(points).toBeUndefined();
          else expect(points).toEqual([...weeks].sort(([a], [b]) => (a < b ? -1 : 1)).map(([period, minutes]) => ({ period, value: expected(minutes, percent), tickets: minutes.length })));
        }
      }),
      { numRuns: 150 },
    );
  });
});

describe('cells with spaces around them', () => {
  it('read as the same cells without, and a cell of spaces as empty', async () => {
    const header = 'id,created,firstReply,firstReplyMinutes,solved,team,person,channel,csat,reopens,replies';
    const kpis = [
      kpi('frt', { measure: 'first-reply' }),
      kpi('frt-minutes', { measure: 'first-reply', statistic: 'mean' }),
      kpi('touch', { measure: 'one-touch' }, 'percent'),
      kpi('csat', { measure: 'csat' }, 'percent'),
      kpi('open', { measure: 'backlog' }, 'count'),
    ];
    const plain = ['1,2026-04-06 09:00,2026-04-06 09:30,25,2026-04-06 12:00,tier1,ana,email,good,0,1', '2,2026-04-07 10:00,,40,,billing,ben,chat,bad,1,2'];
    const spaced = [' 1 , 2026-04-06 09:00 ,\t2026-04-06 09:30, 25 ,2026-04-06 12:00 , tier1 ,ana ,email , good , 0 ,1 ', '2 ,2026-04-07 10:00,   , 40,  ,billing, ben,chat ,bad , 1, 2'];
    const read = async (rows: string[]) => run({ 'data/tickets/export.csv': csv(header, rows) }, { kpis });
    const [a, b] = [await read(plain), await read(spaced)];
    expect(b.findings).toEqual([]);
    expect(b.series.length).toBeGreaterThan(0);
    for (const series of a.series) expect(pointsOf(b, series.kpi, series.scope)).toEqual(pointsOf(a, series.kpi, series.scope));
    expect(b.series.map((s) => `${s.kpi} ${s.scope}`)).toEqual(a.series.map((s) => `${s.kpi} ${s.scope}`));
  });
});


describe('workspaces with many scopes', () => {
  // Each ticket's scopes are listed in bytes when fewer than 255 scopes exist, else in 16 or 32
  // bits: people without tickets only add scopes, so every series must stay the same.
  it.each([300, 70_000])('gives the same series with %i more people, who have no tickets', async (extra) => {
    const kpis = [
      kpi('frt', { measure: 'first-reply', statistic: 'p90' }),
      kpi('frt-mean', { measure: 'first-reply', statistic: 'mean' }),
      kpi('frt-fraction', { measure: 'first-reply', statistic: 'median' }, 'hours'),
      kpi('volume', { measure: 'volume' }, 'count'),
      kpi('open', { measure: 'backlog' }, 'count'),
      kpi('csat', { measure: 'csat' }, 'percent'),
    ];
    const few = await compute(kpis);
    const base = catalog();
    const people = [...base.people, ...Array.from({ length: extra }, (_, i) => ({ id: `extra-${i}`, name: `Extra ${i}`, team: 'tier1' }))];
    const many = await compute(kpis, { people });
    expect(many.findings).toEqual(few.findings);
    expect(many.series.length).toBeGreaterThan(10);
    expect(many.series).toEqual(few.series);
  });
});
