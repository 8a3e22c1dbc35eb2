// SLA adherence (TICKETS.md 7.3): outcomes decided at the solve (met) or at the first missed
// deadline (breached), undecided tickets left out, policies chosen by priority and `when`.
import { describe, expect, it } from 'vitest';
import type { SlaPolicyDef } from '../../src/tickets/types.ts';
import { ingestTickets } from '../../src/tickets/ingest-tickets.ts';
import { memoryFileSystem } from '../helpers/memory-fs.ts';
import { at, catalog, csv, HEADER, kpi, pointsOf, row, run, runRows, source } from './helpers.ts';

const STANDARD: SlaPolicyDef = { id: 'std', priority: 5, firstResponseMinutes: 60, resolutionMinutes: 240, clock: 'calendar' };
const ADHERENCE = kpi('sla', { measure: 'sla-adherence' }, 'percent');

// All created Monday 6 April 2026 unless said; the export's latest instant is Wed 8 April 12:00.
const OUTCOMES = [
  { id: 1, created: '2026-04-06 09:00', firstReply: '2026-04-06 09:30', solved: '2026-04-06 11:00' }, // met
  { id: 2, created: '2026-04-06 09:00', firstReply: '2026-04-06 10:30', solved: '2026-04-06 12:00' }, // first reply late
  { id: 3, created: '2026-04-06 09:00', solved: '2026-04-06 09:50' }, // never answered, solved in time: met
  { id: 4, created: '2026-04-06 09:00', firstReply: '2026-04-06 09:10', solved: '2026-04-06 14:00' }, // resolution late
  { id: 5, created: '2026-04-08 11:30' }, // no reply yet, deadline 12:30 after the export: undecided
  { id: 6, created: '2026-04-08 12:00' }, // the latest instant; undecided
  { id: 7, created: '2026-04-06 09:00', solved: '2026-04-06 10:40' }, // never answered, solved after f: first response missed
  { id: 8, created: '2026-04-06 09:00', firstReply: '2026-04-06 09:20' }, // answered, never solved: resolution missed
];

describe('SLA outcomes', () => {
  it('counts met and breached tickets, leaving undecided ones out', async () => {
    const result = await runRows(OUTCOMES, { kpis: [ADHERENCE], slaPolicies: [STANDARD] });
    expect(result.findings).toEqual([]);
    expect(pointsOf(result, 'sla')).toEqual([{ period: '2026-W15', value: 100 * (2 / 6), tickets: 6 }]);
    expect(pointsOf(result, 'sla', 'sla:std')).toEqual(pointsOf(result, 'sla'));
    expect(result.slaCounts).toEqual([{ policy: 'std', granularity: 'week', period: '2026-W15', date: '2026-04-12', met: 2, breached: 4 }]);
  });

  it('lists the breaches, latest deadline first, with the target missed and how late', async () => {
    const result = await runRows(OUTCOMES, { kpis: [ADHERENCE], slaPolicies: [STANDARD], sources: [{ id: 'desk', files: ['data/tickets/export.csv'], preset: 'none', columns: {}, map: {}, timezone: null, url: 'https://help.example/t/{id}' }] });
    expect(result.breaches.map((b) => [b.ticket, b.target, b.deadline, b.lateMinutes, b.ongoing])).toEqual([
      ['4', 'resolution', '2026-04-06T13:00:00.000Z', 60, false],
      ['8', 'resolution', '2026-04-06T13:00:00.000Z', 47 * 60, true], // until the export's latest instant
      ['2', 'first-response', '2026-04-06T10:00:00.000Z', 30, false],
      ['7', 'first-response', '2026-04-06T10:00:00.000Z', 40, false],
    ]);
    expect(result.breaches[0]).toMatchObject({ policy: 'std', source: 'desk', date: '2026-04-06', url: 'https://help.example/t/4' });
  });

  it('keeps only the latest breaches per policy when asked for fewer', async () => {
    const result = await ingestTickets(memoryFileSystem({ 'data/tickets/export.csv': csv(HEADER, OUTCOMES.map(row)) }), '/ws', catalog({ kpis: [ADHERENCE], slaPolicies: [STANDARD] }), { breachesPerPolicy: 3 });
    expect(result.breaches.map((b) => b.ticket)).toEqual(['4', '8', '2']);
  });

  it('dates a breach at the deadline, not at the late reply', async () => {
    const rows = [
      { id: 1, created: '2026-04-12 23:00', firstReply: '2026-04-14 09:00', solved: '2026-04-14 10:00' },
    ];
    const result = await runRows(rows, { kpis: [kpi('sla', { measure: 'sla-adherence', period: 'day' }, 'percent')], slaPolicies: [STANDARD] });
    expect(pointsOf(result, 'sla')).toEqual([{ period: '2026-04-13', value: 0, tickets: 1 }]);
    const early = await runRows([{ ...rows[0]!, firstReply: '2026-04-12 23:30', solved: '2026-04-13 00:30' }], {
      kpis: [kpi('sla', { measure: 'sla-adherence', period: 'day' }, 'percent')],
      slaPolicies: [STANDARD],
    });
    // Met is decided at the solve.
    expect(pointsOf(early, 'sla')).toEqual([{ period: '2026-04-13', value: 100, tickets: 1 }]);
  });

  it("takes deadlines in the policy's business clock: a reply 50 business minutes after a Friday 16:30 ticket is in time", async () => {
    const business: SlaPolicyDef = { id: 'biz', priority: 1, firstResponseMinutes: 60, resolutionMinutes: 480, clock: 'business' };
    const rows = [
      { id: 1, created: '2026-04-10 16:30', firstReply: '2026-04-13 09:20', solved: '2026-04-13 10:00' },
      { id: 2, created: '2026-04-10 16:30', firstReply: '2026-04-13 09:45', solved: '2026-04-13 11:00' },
    ];
    const result = await runRows(rows, { kpis: [ADHERENCE], slaPolicies: [business] });
    expect(pointsOf(result, 'sla')).toEqual([{ period: '2026-W16', value: 50, tickets: 2 }]);
    expect(result.breaches.map((b) => [b.ticket, b.deadline, b.lateMinutes])).toEqual([['2', '2026-04-13T09:30:00.000Z', 15]]);
  });
});

describe('SLA policies', () => {
  const urgent: SlaPolicyDef = { id: 'p1', priority: 1, when: { priority: 'Urgent' }, firstResponseMinutes: 30, resolutionMinutes: 120, clock: 'calendar' };
  const support: SlaPolicyDef = { id: 'p2', priority: 2, when: { team: ['support'], type: ['question', 'incident'] }, firstResponseMinutes: 60, resolutionMinutes: 480, clock: 'calendar' };
  const rows = [
    // urgent and billing: p1 comes first by priority; its 45-minute reply misses 30.
    { id: 1, created: '2026-04-06 09:00', firstReply: '2026-04-06 09:45', solved: '2026-04-06 10:00', priority: 'URGENT', type: 'question', team: 'billing' },
    // billing is under support: p2, met.
    { id: 2, created: '2026-04-06 09:00', firstReply: '2026-04-06 09:45', solved: '2026-04-06 10:00', priority: 'normal', type: 'Incident', team: 'billing' },
    // no team and a type p2 does not list: no policy, so in no adherence figure.
    { id: 3, created: '2026-04-06 09:00', firstReply: '2026-04-06 09:45', solved: '2026-04-06 10:00', priority: 'normal', type: 'question' },
    { id: 4, created: '2026-04-06 09:00', firstReply: '2026-04-06 09:45', solved: '2026-04-06 10:00', priority: 'normal', type: 'feedback', team: 'tier1' },
  ];

  it('gives each ticket the first matching policy by priority, and counts it at its sla scope only', async () => {
    const result = await runRows(rows, { kpis: [ADHERENCE, kpi('v', { measure: 'volume' }, 'count')], slaPolicies: [support, urgent] });
    expect(pointsOf(result, 'sla', 'sla:p1')).toEqual([{ period: '2026-W15', value: 0, tickets: 1 }]);
    expect(pointsOf(result, 'sla', 'sla:p2')).toEqual([{ period: '2026-W15', value: 100, tickets: 1 }]);
    expect(pointsOf(result, 'sla')).toEqual([{ period: '2026-W15', value: 50, tickets: 2 }]);
    expect(pointsOf(result, 'sla', 'team:tier1')).toBeUndefined();
    // Every measure counts at the sla scopes.
    expect(pointsOf(result, 'v', 'sla:p2')).toEqual([{ period: '2026-W15', value: 1, tickets: 1 }]);
  });
});

// A file without a column gives nothing to what needs it (TICKETS.md 7.4, ticket-file): an
// empty cell in every row would read as "never answered" or "no priority" and make up figures.
describe('SLA adherence from a file that lacks a column', () => {
  const urgent: SlaPolicyDef = { id: 'p1', priority: 1, when: { priority: 'Urgent' }, firstResponseMinutes: 30, resolutionMinutes: 120, clock: 'calendar' };
  const ADHERENCE_AND_VOLUME = [ADHERENCE, kpi('v', { measure: 'volume' }, 'count')];
  const complete = csv(HEADER, [row({ id: 1, created: '2026-04-06 09:00', firstReply: '2026-04-06 09:20', solved: '2026-04-06 10:00', priority: 'Urgent' })]);

  it('without a first-reply column: no outcome for its tickets rather than a breach each, and the finding says so', async () => {
    const files = {
      'data/tickets/a.csv': complete,
      'data/tickets/b.csv': csv('id,created,solved,priority', ['2,2026-04-06 09:00,2026-04-06 10:00,Urgent', '3,2026-04-06 09:00,2026-04-06 10:00,Urgent']),
    };
    const result = await run(files, { sources: [source({ files: ['data/tickets/a.csv', 'data/tickets/b.csv'] })], kpis: ADHERENCE_AND_VOLUME, slaPolicies: [urgent, STANDARD] });
    expect(result.findings.map(at)).toEqual(['ticket-file data/tickets/b.csv:1:1']);
    expect(result.findings[0]!.message).toContain('which the SLA policies `p1` and `std` (calendar clock), for the KPI `sla` need; this file gives them nothing');
    expect(pointsOf(result, 'sla')).toEqual([{ period: '2026-W15', value: 100, tickets: 1 }]);
    expect(result.slaCounts.map((c) => [c.policy, c.met, c.breached])).toEqual([['p1', 1, 0]]);
    // Their policy is still known, so they count at its scope in the other measures.
    expect(pointsOf(result, 'v', 'sla:p1')).toEqual([{ period: '2026-W15', value: 3, tickets: 3 }]);
  });

  it('without a column a policy matches on: no policy for its tickets, rather than the next policy that matches', async () => {
    const files = {
      'data/tickets/a.csv': complete,
      'data/tickets/b.csv': csv('id,created,firstReply,solved', ['2,2026-04-06 09:00,2026-04-06 09:50,2026-04-06 11:00']),
    };
    const result = await run(files, { sources: [source({ files: ['data/tickets/a.csv', 'data/tickets/b.csv'] })], kpis: ADHERENCE_AND_VOLUME, slaPolicies: [urgent, STANDARD] });
    expect(result.findings.map(at)).toEqual(['ticket-file data/tickets/b.csv:1:1']);
    expect(result.findings[0]!.message).toContain('`priority`');
    // Under std (60 min, 240 min) ticket 2 would have been met; as an urgent one it was late.
    expect(pointsOf(result, 'sla')).toEqual([{ period: '2026-W15', value: 100, tickets: 1 }]);
    expect(pointsOf(result, 'v', 'sla:std')).toBeUndefined();
    expect(pointsOf(result, 'v')).toEqual([{ period: '2026-W15', value: 2, tickets: 2 }]);
  });
});
