// The ticket rules of TICKETS.md 7.4, each firing at its file, line and column, each with a
// passing twin; duplicates across overlapping exports; the presets' headers.
import { describe, expect, it } from 'vitest';
import { MAX_CELL_FINDINGS } from '../../src/tickets/ticket-messages.ts';
import { at, csv, kpi, pointsOf, row, run, runRows, source } from './helpers.ts';

const ZENDESK = 'Id,Created at,Solved at,First reply time in minutes,Priority,Group,Assignee,Via,Satisfaction Score,Reopens,Replies';
const zendesk = (overrides: Partial<Parameters<typeof source>[0]> = {}) => source({ id: 'zendesk', preset: 'zendesk', files: ['data/tickets/zendesk.csv'], ...overrides });
const VOLUME = kpi('volume', { measure: 'volume' }, 'count');

describe('ticket-file', () => {
  it('for a business clock with no business-minutes column, names the field the preset reads it from', async () => {
    const frt = kpi('frt', { measure: 'first-reply', clock: 'business' }, 'hours');
    const result = await run({ 'data/tickets/zendesk.csv': csv(ZENDESK, ['1,2026-04-06 09:00,,30,,,,,,,']) }, { sources: [zendesk()], kpis: [frt] });
    const finding = result.findings.find((f) => f.code === 'ticket-file')!;
    expect(finding.message).toContain('`First reply time in minutes within business hours` (firstReplyBusinessMinutes)');
    expect(finding.hint).toContain('columns: { firstReplyBusinessMinutes: "<header>" }');
  });

  it('never offers a column the source reads as another field, however close its name', async () => {
    const frt = kpi('frt', { measure: 'first-reply', clock: 'business' }, 'hours');
    const resolution = kpi('res', { measure: 'resolution', clock: 'business' }, 'hours');
    const header = `${ZENDESK},Full resolution time in minutes within business hours`;
    const result = await run({ 'data/tickets/zendesk.csv': csv(header, ['1,2026-04-06 09:00,,30,,,,,,,,45']) }, { sources: [zendesk()], kpis: [frt, resolution] });
    expect(result.findings).toHaveLength(1);
    expect(result.findings[0]!.message).toContain('(firstReplyBusinessMinutes)');
    expect(result.findings[0]!.hint).not.toContain('Full resolution');
    expect(result.findings[0]!.hint).toContain('columns: { firstReplyBusinessMinutes: "<header>" }');
  });

  it('names every KPI a missing column starves, in one finding', async () => {
    const header = ZENDESK.replace(',Reopens', '');
    const kpis = [kpi('one_touch', { measure: 'one-touch' }, 'percent'), kpi('reopen_rate', { measure: 'reopened' }, 'percent')];
    const result = await run({ 'data/tickets/zendesk.csv': csv(header, ['1,2026-04-06 09:00,2026-04-06 10:00,,,,,,,1']) }, { sources: [zendesk()], kpis });
    expect(result.findings.map((f) => f.message)).toEqual([
      'there is no column `Reopens` (reopens), which the KPI `one_touch` (one-touch) and the KPI `reopen_rate` (reopened) need; this file gives them nothing',
    ]);
    expect(result.series).toEqual([]);
  });

  it('names the header expected and points at the closest header present; the file is not read without `created`', async () => {
    const header = ZENDESK.replace('Created at', 'Created At');
    const result = await run({ 'data/tickets/zendesk.csv': csv(header, ['1,2026-04-06 09:00,,,,,,,,,']) }, { sources: [zendesk()], kpis: [VOLUME] });
    expect(result.findings.map(at)).toEqual(['ticket-file data/tickets/zendesk.csv:1:4']);
    expect(result.findings[0]!.message).toContain('no column `Created at` (created)');
    expect(result.findings[0]!.hint).toContain('columns: { created: "Created At" }');
    expect(result.series).toEqual([]);
  });

  it('passes with the exact header, or with `columns` naming the one the export has', async () => {
    const exact = await run({ 'data/tickets/zendesk.csv': csv(ZENDESK, ['1,2026-04-06 09:00,,,,,,,,,']) }, { sources: [zendesk()], kpis: [VOLUME] });
    expect(exact.findings).toEqual([]);
    expect(pointsOf(exact, 'volume')?.[0]?.value).toBe(1);
    const header = ZENDESK.replace('Created at', 'Created At');
    const mapped = await run({ 'data/tickets/zendesk.csv': csv(` ${header}`, ['1,2026-04-06 09:00,,,,,,,,,']) }, { sources: [zendesk({ columns: { created: 'Created At' } })], kpis: [VOLUME] });
    expect(mapped.findings).toEqual([]);
    expect(pointsOf(mapped, 'volume')?.[0]?.value).toBe(1);
  });

  it('reports a column only a measure needs, and still computes the others from the file', async () => {
    const header = ZENDESK.replace(',Satisfaction Score', '');
    const result = await run({ 'data/tickets/zendesk.csv': csv(header, ['1,2026-04-06 09:00,2026-04-06 10:00,,,,,,,']) }, { sources: [zendesk()], kpis: [VOLUME, kpi('csat', { measure: 'csat' }, 'percent')] });
    expect(result.findings.map(at)).toEqual(['ticket-file data/tickets/zendesk.csv:1:1']);
    expect(result.findings[0]!.message).toContain('`Satisfaction Score` (csat), which the KPI `csat` (csat) needs');
    expect(pointsOf(result, 'volume')?.[0]?.value).toBe(1);
  });

  it('recognises the other preset\'s headers, in one finding for the file rather than one per column', async () => {
    const frt = kpi('frt', { measure: 'first-reply' }, 'hours');
    const result = await run({ 'data/tickets/zendesk.csv': csv('Ticket ID,Created time,Initial response time,Resolved time,Group,Agent', ['1,2026-04-06 09:00,,,,']) }, { sources: [zendesk()], kpis: [VOLUME, frt] });
    expect(result.findings.map(at)).toEqual(['ticket-file data/tickets/zendesk.csv:1:1']);
    expect(result.findings[0]!.message).toBe("the header row is a freshdesk export's (`Ticket ID`, `Created time`), not a zendesk export's; the file is not read");
    expect(result.findings[0]!.hint).toBe('Set `preset: freshdesk` in the TicketSource `zendesk`.');
    expect(result.series).toEqual([]);
  });

  it('reads a Freshdesk export with its own headers', async () => {
    const result = await run(
      { 'data/tickets/fd.csv': csv('Ticket ID,Created time,Initial response time,Resolved time,Priority,Type,Group,Agent,Source,Agent interactions', ['7,2026-04-06 09:00,2026-04-06 09:45,2026-04-06 10:00,Low,Question,Tier 1,Ana Ruiz,Email,1']) },
      { sources: [source({ id: 'fd', preset: 'freshdesk', files: ['data/tickets/fd.csv'] })], kpis: [kpi('frt', { measure: 'first-reply' })] },
    );
    expect(result.findings).toEqual([]);
    expect(pointsOf(result, 'frt', 'person:ana')).toEqual([{ period: '2026-W15', value: 45, tickets: 1 }]);
  });

  it('names a file separated by semicolons, and an unclosed quote', async () => {
    const result = await run(
      {
        'data/tickets/a.csv': 'id;created\n1;2026-04-06 09:00\n',
        'data/tickets/b.csv': csv('id,created', ['1,2026-04-06 09:00', '2,"2026-04-06 09:00', '3,2026-04-06 09:00']),
      },
      { sources: [source({ files: ['data/tickets/a.csv', 'data/tickets/b.csv'] })], kpis: [VOLUME] },
    );
    expect(result.findings.map(at)).toEqual(['ticket-file data/tickets/a.csv:1:1', 'ticket-file data/tickets/b.csv:3:1']);
    expect(result.findings[0]!.message).toContain('semicolons');
    expect(pointsOf(result, 'volume')?.[0]?.value).toBe(1);
  });
});

describe('ticket-value', () => {
  it.each([
    ['created', '2026-13-01 09:00', 2],
    ['solved', '06/04/2026 10:00', 4],
    ['reopens', 'two', 12],
    ['replies', '1.5', 13],
    ['csat', '9', 11],
  ])('a bad %s cell is reported at its column, and its ticket is left out', async (field, text, cellNumber) => {
    const good = { id: 1, created: '2026-04-06 09:00' };
    const result = await runRows([good, { id: 2, created: '2026-04-06 09:00', [field]: text }], { kpis: [VOLUME] });
    const column = row({ id: 2, created: '2026-04-06 09:00', [field]: text }).split(',').slice(0, cellNumber - 1).join(',').length + (cellNumber > 1 ? 2 : 1);
    expect(result.findings.map(at)).toEqual([`ticket-value data/tickets/export.csv:3:${column}`]);
    expect(result.findings[0]!.message).toContain(`under \`${field}\``);
    expect(pointsOf(result, 'volume')?.[0]?.value).toBe(1);
  });

  it('passes every accepted form', async () => {
    const result = await runRows(
      [
        { id: 1, created: '2026-04-06T09:00:00Z', solved: '2026-04-06 10:00:00 +0000', reopens: 0, replies: 2, csat: 'Good with comment' },
        { id: 2, created: '2026-04-06 09:00', solved: '2026-04-06 10:00 UTC', csat: 'offered' },
      ],
      { kpis: [VOLUME] },
    );
    expect(result.findings).toEqual([]);
    expect(pointsOf(result, 'volume')?.[0]?.value).toBe(2);
  });

  it('an empty id or creation time leaves the row out', async () => {
    const result = await runRows([{ id: '', created: '2026-04-06 09:00' }, { id: 2 }], { kpis: [VOLUME] });
    expect(result.findings.map(at)).toEqual(['ticket-value data/tickets/export.csv:2:1', 'ticket-value data/tickets/export.csv:3:3']);
  });

  it('says "not a timestamp" once, with no explanation that repeats it', async () => {
    const result = await runRows([{ id: 1, created: 'soon' }], { kpis: [VOLUME] });
    expect(result.findings.map((f) => f.message)).toEqual(['"soon" under `created` is not a timestamp; ticket "1" is left out of every measure']);
  });

  it(`lists the first ${MAX_CELL_FINDINGS} bad cells of a column, then counts the rest in one finding`, async () => {
    const rows = Array.from({ length: MAX_CELL_FINDINGS + 5 }, (_, i) => ({ id: i + 1, created: 'soon' }));
    const result = await runRows(rows, { kpis: [VOLUME] });
    expect(result.findings).toHaveLength(MAX_CELL_FINDINGS + 1);
    expect(result.findings.at(-1)!.message).toContain('5 more cells');
  });
});

describe('file-empty', () => {
  it('warns of an export with a header row and no tickets, and computes nothing from it', async () => {
    const result = await run({ 'data/tickets/export.csv': csv('id,created,solved', []) }, { kpis: [VOLUME] });
    expect(result.findings.map((f) => [at(f), f.message])).toEqual([['file-empty data/tickets/export.csv:1:1', 'the export has a header row and no tickets']]);
    expect(result.series).toEqual([]);
  });
});

describe('ticket-order', () => {
  it('solved before created is reported at the solved cell; a negative minute count at its cell', async () => {
    const result = await run(
      { 'data/tickets/export.csv': csv('id,created,solved,firstReplyMinutes', ['1,2026-04-06 09:00,2026-04-06 08:00,', '2,2026-04-06 09:00,,-5', '3,2026-04-06 09:00,2026-04-06 09:00,0']) },
      { kpis: [VOLUME] },
    );
    expect(result.findings.map(at)).toEqual(['ticket-order data/tickets/export.csv:2:20', 'ticket-order data/tickets/export.csv:3:21']);
    expect(pointsOf(result, 'volume')?.[0]?.value).toBe(1);
  });

  it('a first reply before created is reported at the first-reply cell; one at the same minute is not', async () => {
    const result = await run(
      { 'data/tickets/export.csv': csv('id,created,firstReply', ['1,2026-04-06 09:00,2026-04-06 08:59', '2,2026-04-06 09:00,2026-04-06 09:00']) },
      { kpis: [VOLUME] },
    );
    expect(result.findings.map(at)).toEqual(['ticket-order data/tickets/export.csv:2:20']);
    expect(result.findings[0]!.message).toContain('before');
    expect(pointsOf(result, 'volume')?.[0]?.value).toBe(1);
  });
});

describe('ticket-duplicate', () => {
  const files = {
    'data/tickets/2026-03.csv': csv('id,created,solved', ['1,2026-04-06 09:00,', '2,2026-04-06 09:00,']),
    'data/tickets/2026-04.csv': csv('id,created,solved', ['3,2026-04-07 09:00,', '1,2026-04-06 09:00,2026-04-08 09:00', '2,2026-04-06 09:00,2026-04-09 09:00']),
  };
  const overlapping = source({ files: ['data/tickets/2026-04.csv', 'data/tickets/2026-03.csv'] });

  it('lets the row read last win (files in sorted path order), reported once per file with the count', async () => {
    const result = await run(files, { sources: [overlapping], kpis: [VOLUME, kpi('backlog', { measure: 'backlog', period: 'day' }, 'count')] });
    expect(result.findings.map(at)).toEqual(['ticket-duplicate data/tickets/2026-04.csv:3:1']);
    expect(result.findings[0]!.message).toContain('2 rows');
    expect(result.findings[0]!.message).toContain('line 2 of data/tickets/2026-03.csv');
    expect(pointsOf(result, 'volume')?.[0]?.value).toBe(3);
    // Ticket 1 was solved on the 8th, ticket 2 on the 9th: the later export's rows.
    expect(pointsOf(result, 'backlog')?.map((p) => p.value)).toEqual([2, 3, 2, 1]);
  });

  it('compares ids as written: text ids repeat, 007 and 7 are two tickets', async () => {
    const result = await run({ 'data/tickets/export.csv': csv('id,created,solved', ['ZD-1,2026-04-06 09:00,', '007,2026-04-06 09:00,', '7,2026-04-06 09:00,', 'ZD-1,2026-04-06 09:00,2026-04-07 09:00']) }, { kpis: [VOLUME, kpi('backlog', { measure: 'backlog', period: 'day' }, 'count')] });
    expect(result.findings.map(at)).toEqual(['ticket-duplicate data/tickets/export.csv:5:1']);
    expect(result.findings[0]!.message).toContain('"ZD-1", read before on line 2');
    expect(pointsOf(result, 'volume')?.[0]?.value).toBe(3);
    expect(pointsOf(result, 'backlog')?.map((p) => p.value)).toEqual([3, 2]);
  });

  it('does not fire without a repeated id', async () => {
    const result = await run({ 'data/tickets/2026-03.csv': files['data/tickets/2026-03.csv'] }, { sources: [source({ files: ['data/tickets/2026-03.csv'] })], kpis: [VOLUME] });
    expect(result.findings).toEqual([]);
  });
});

describe('ticket-unmapped', () => {
  it('reports a value once at its first cell with its ticket count, pointing to the closest person', async () => {
    const result = await runRows(
      [
        { id: 1, created: '2026-04-06 09:00', person: 'Ana Ruis' },
        { id: 2, created: '2026-04-06 09:00', person: ' ana ruis' },
        { id: 3, created: '2026-04-06 09:00', person: 'ANA RUIZ', team: 'Escalations' },
      ],
      { kpis: [VOLUME] },
    );
    expect(result.findings.map(at)).toEqual(['ticket-unmapped data/tickets/export.csv:2:25', 'ticket-unmapped data/tickets/export.csv:4:24']);
    expect(result.findings[0]!.message).toContain('"Ana Ruis" under `person` matches no person id or name (2 tickets)');
    expect(result.findings[0]!.hint).toContain('Did you mean `ana` (Ana Ruiz)?');
    expect(result.findings[1]!.message).toContain('"Escalations" under `team`');
    // Ticket 3 still counts for Ana (and through her, tier1); 1 and 2 still count at org.
    expect(pointsOf(result, 'volume', 'person:ana')?.[0]?.value).toBe(1);
    expect(pointsOf(result, 'volume', 'team:tier1')?.[0]?.value).toBe(1);
    expect(pointsOf(result, 'volume')?.[0]?.value).toBe(3);
  });

  it('counts only the tickets that count: one left out for want of a creation time is not among them', async () => {
    const result = await runRows(
      [
        { id: 1, created: '2026-04-06 09:00', team: 'Escalations' },
        { id: 2, created: 'yesterday', team: 'Escalations' },
        { id: 3, created: 'last week', team: 'Night shift' },
      ],
      { kpis: [VOLUME] },
    );
    expect(result.findings.map((f) => f.code)).toEqual(['ticket-unmapped', 'ticket-value', 'ticket-value']);
    expect(result.findings[0]!.message).toContain('"Escalations" under `team` matches no team id or name (1 ticket)');
    expect(pointsOf(result, 'volume')?.[0]?.value).toBe(1);
  });

  it('passes once the value is mapped', async () => {
    const result = await runRows([{ id: 1, created: '2026-04-06 09:00', person: 'Ana Ruis', channel: 'Web Widget' }], {
      kpis: [VOLUME],
      sources: [source({ map: { person: { 'ana ruis': 'ana' }, channel: { 'Web Widget': 'chat' } } })],
    });
    expect(result.findings).toEqual([]);
    expect(pointsOf(result, 'volume', 'person:ana')?.[0]?.value).toBe(1);
    expect(pointsOf(result, 'volume', 'channel:chat')?.[0]?.value).toBe(1);
  });
});

describe('ticket-no-files', () => {
  const position = { file: 'strategy/tickets.yaml', line: 4, column: 8 };

  it('fires at the source\'s `files` when the glob matched nothing', async () => {
    const result = await run({}, { sources: [source({ files: [], glob: 'tickets/*.csv', at: position })], kpis: [VOLUME] });
    expect(result.findings.map(at)).toEqual(['ticket-no-files strategy/tickets.yaml:4:8']);
    expect(result.findings[0]!.message).toContain('`tickets/*.csv`');
  });

  it('does not fire when a file matched', async () => {
    const result = await runRows([{ id: 1, created: '2026-04-06 09:00' }], { sources: [source({ glob: 'tickets/*.csv', at: position })], kpis: [VOLUME] });
    expect(result.findings).toEqual([]);
  });
});
