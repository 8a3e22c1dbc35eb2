// A support lead's first ticket export, end to end through the CLI (TICKETS.md 7): a real-shaped
// Zendesk export (40 columns, most unused), a Group with no team, an assignee written in another
// case, one unparseable date. `check` names the cell and the unmapped value; once fixed, status
// shows first reply time, CSAT and SLA adherence computed from the tickets, and `metrics` prints
// what a spreadsheet can re-check.
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { memoryEffects, memoryFileSystem } from '../helpers/memory-fs.ts';
import { editFixture, readFixture } from '../helpers/workspace-fixture.ts';

const COLUMNS = [
  'Summation column', 'Id', 'Requester', 'Requester id', 'Requester external id', 'Requester email', 'Requester domain', 'Submitter',
  'Assignee', 'Group', 'Subject', 'Tags', 'Status', 'Priority', 'Via', 'Ticket type', 'Created at', 'Updated at', 'Assigned at',
  'Organization', 'Due date', 'Initially assigned at', 'Solved at', 'Resolution time', 'Satisfaction Score', 'Group stations',
  'Assignee stations', 'Reopens', 'Replies', 'First reply time in minutes', 'First reply time in minutes within business hours',
  'First resolution time in minutes', 'First resolution time in minutes within business hours', 'Full resolution time in minutes',
  'Full resolution time in minutes within business hours', 'Agent wait time in minutes', 'Agent wait time in minutes within business hours',
  'Requester wait time in minutes', 'Requester wait time in minutes within business hours', 'On hold time in minutes',
];

type Ticket = Partial<Record<(typeof COLUMNS)[number], string | number>>;

function exportOf(tickets: Ticket[]): string {
  const cell = (value: string | number | undefined) => (value === undefined ? '' : /[",]/.test(String(value)) ? `"${String(value).replaceAll('"', '""')}"` : String(value));
  return [COLUMNS.join(','), ...tickets.map((t) => COLUMNS.map((c) => cell(t[c])).join(','))].join('\n') + '\n';
}

// Week of 2026-06-22 (W26, ending 2026-06-28), first replies of 20, 240, 300 and 360 minutes;
// ticket 101 is urgent (policy p1), the others normal (p2, the last policy, which has no `when`).
const base = { Requester: 'A customer', Subject: 'Cannot book', Status: 'solved', 'Requester email': 'a@example.com', Tags: 'booking web' };
const TICKETS: Ticket[] = [
  { ...base, Id: 101, Assignee: 'Ana Ruiz', Group: 'Tier 1', Priority: 'urgent', Via: 'Mail', 'Ticket type': 'incident', 'Created at': '2026-06-22 09:00', 'Solved at': '2026-06-22 10:30', 'Satisfaction Score': 'Good', Reopens: 0, Replies: 1, 'First reply time in minutes': 20 },
  { ...base, Id: 102, Assignee: 'ben okafor', Group: 'Tier 1', Priority: 'normal', Via: 'Mail', 'Ticket type': 'question', 'Created at': '2026-06-23 09:00', 'Solved at': '2026-06-23 15:00', 'Satisfaction Score': 'Bad', Reopens: 1, Replies: 3, 'First reply time in minutes': 240 },
  { ...base, Id: 103, Assignee: 'Ben Okafor', Group: 'Escalations', Priority: 'normal', Via: 'Mail', 'Ticket type': 'question', 'Created at': '2026-06-24 09:00', 'Solved at': '2026-06-25 09:00', 'Satisfaction Score': 'Good', Reopens: 0, Replies: 2, 'First reply time in minutes': 300 },
  { ...base, Id: 104, Assignee: 'Ana Ruiz', Group: 'Escalations', Priority: 'normal', Via: 'Mail', 'Ticket type': 'question', 'Created at': '24/06/2026 10:00', 'Solved at': '2026-06-25 10:00', 'Satisfaction Score': 'Offered', Reopens: 0, Replies: 1, 'First reply time in minutes': 360 },
];

const STRATEGY = `kind: Schedule
id: office
timezone: Europe/Berlin
hours: { mon: ["09:00-17:00"], tue: ["09:00-17:00"], wed: ["09:00-17:00"], thu: ["09:00-17:00"], fri: ["09:00-17:00"] }
---
kind: TicketSource
id: zendesk
files: zendesk/*.csv
preset: zendesk
url: https://acme.zendesk.com/agent/tickets/{id}
`;

function workspace(tickets: Ticket[], extraSource = ''): Record<string, string> {
  let files = editFixture(readFixture('valid'), 'strategy/kpis.yaml', (t) =>
    t
      .replace('direction: decrease\nrelated: [csat]', 'direction: decrease\nrelated: [csat]\ntickets: { measure: first-reply, statistic: median, period: week }')
      .replace('name: Customer satisfaction\nunit: percent\ndirection: increase', 'name: Customer satisfaction\nunit: percent\ndirection: increase\ntickets: { measure: csat, period: month }')
      .replace('name: SLA adherence\nunit: percent\ndirection: increase', 'name: SLA adherence\nunit: percent\ndirection: increase\ntickets: { measure: sla-adherence, period: month }'),
  );
  files = editFixture(files, 'strategy/workspace.yaml', (t) => t.replace('asOf: 2026-06-30', 'asOf: 2026-06-30\ntimezone: Europe/Berlin\nschedule: office'));
  files = editFixture(files, 'strategy/service.yaml', (t) => t.replace('priority: 1\n', 'priority: 1\nwhen: { priority: [urgent, high] }\n'));
  return { ...files, 'strategy/tickets.yaml': STRATEGY + extraSource, 'data/zendesk/2026-06.csv': exportOf(tickets) };
}

async function run(args: string[], files: Record<string, string>) {
  const effects = memoryEffects(memoryFileSystem(files));
  const code = await main(args, effects);
  return { code, out: effects.out(), err: effects.err() };
}

describe('a Zendesk export, as a new user brings it', () => {
  it('check names the unparseable date at its cell and the Group with no team, with the closest fixes', async () => {
    const { code, out } = await run(['check', '--format', 'json'], workspace(TICKETS));
    expect(code).toBe(1);
    const found = (JSON.parse(out) as { diagnostics: { code: string; file: string; line: number; column: number; message: string; hint?: string }[] }).diagnostics;
    const csvFindings = found.filter((d) => d.file === 'data/zendesk/2026-06.csv');
    // Line 5 is ticket 104; `Created at` is the 17th column, after 16 cells and 16 commas.
    const createdColumn = exportOf(TICKETS).split('\n')[4]!.indexOf('24/06/2026') + 1;
    expect(csvFindings.find((d) => d.code === 'ticket-value')!.message).toContain('24/06/2026');
    const lines = exportOf(TICKETS).split('\n');
    expect(csvFindings.map((d) => `${d.code} ${d.line}:${d.column}`)).toEqual([
      `ticket-unmapped 2:${lines[1]!.indexOf('Mail') + 1}`,
      `ticket-unmapped 4:${lines[3]!.indexOf('Escalations') + 1}`,
      `ticket-value 5:${createdColumn}`,
    ]);
    // "Mail" is how Zendesk names email: the hint offers the channel whose name is closest.
    expect(csvFindings[0]!.hint).toContain('map: { channel: { "Mail": email } }');
    const unmapped = csvFindings[1]!;
    expect(unmapped.message).toContain('Escalations');
    // Two rows say Escalations; the one with the unparseable date is left out of every measure, so one ticket is affected.
    expect(unmapped.message).toMatch(/\(1 ticket\)/);
    expect(unmapped.hint).toContain('map:');
    // The assignee in another case maps by name: no finding for `ben okafor`.
    expect(found.some((d) => d.message.includes('ben okafor'))).toBe(false);
  });

  it('after the fixes, status and metrics show the figures computed from the tickets', async () => {
    const fixed = TICKETS.map((t) => (t.Id === 104 ? { ...t, 'Created at': '2026-06-24 10:00' } : t));
    const files = workspace(fixed, '');
    files['strategy/tickets.yaml'] = files['strategy/tickets.yaml']!.replace('preset: zendesk\n', 'preset: zendesk\nmap:\n  team: { Escalations: support }\n  channel: { Mail: email }\n');
    const checked = await run(['check'], files);
    expect(checked.out).toBe('No problems found.\n');
    expect(checked.code).toBe(0);

    // Org: median of 20, 240, 300, 360 min = (240 + 300) / 2 = 270 min = 4.5 h; support counts its
    // sub-team Tier 1 too, so the same. Tier 1 (101, 102): (20 + 240) / 2 = 130 min. Ana (101, 104):
    // 190 min. Ben (102, 103): 270 min. p1 (101): 20 min. p2 (102-104): 300 min.
    const frt = await run(['metrics', '--kpi', 'frt'], files);
    expect(frt.out).toBe(['period,kpi,scope,value', '2026-W26,frt,channel:email,4.5', '2026-W26,frt,org,4.5', '2026-W26,frt,person:ana,3.1666666666666665', '2026-W26,frt,person:ben,4.5', '2026-W26,frt,sla:p1,0.3333333333333333', '2026-W26,frt,sla:p2,5', '2026-W26,frt,team:support,4.5', '2026-W26,frt,team:tier1,2.1666666666666665', ''].join('\n'));

    const csat = JSON.parse((await run(['metrics', '--kpi', 'csat', '--scope', 'org', '--format', 'json'], files)).out);
    // Rated: 101 good, 102 bad, 103 good (104 offered = no rating): 2 of 3.
    expect(csat.series[0]).toMatchObject({ source: 'tickets:zendesk', points: [{ period: '2026-06', date: '2026-06-30', tickets: 3 }] });
    expect(csat.series[0].points[0].value).toBeCloseTo(66.667, 3);

    const status = await run(['status', '--json'], files);
    const goals = Object.fromEntries((JSON.parse(status.out) as { goals: { id: string; current: number | null }[] }).goals.map((g) => [g.id, g.current]));
    expect(goals['frt-org']).toBe(4.5);
    expect(goals['frt-tier1']).toBeCloseTo(130 / 60, 12);
  });
});
