// The strategy-side rules of ticket exports (TICKETS.md 7.4): schedule-invalid, schedule-missing,
// both halves of kpi-computed (a unit that does not fit its measure, and a metric CSV giving
// its values), and the references the new kinds make. Each case changes one thing in a
// workspace that reads a ticket export, and asserts the code and exact position; each rule has
// a passing twin.
import { describe, expect, it } from 'vitest';
import { seriesKey } from '../../src/metrics/types.ts';
import { editFixture, pipelineOn, positionOf, readFixture, where } from '../helpers/workspace-fixture.ts';

const TICKETS_YAML = `kind: Schedule
id: emea
name: EMEA business hours
timezone: Europe/Berlin
hours:
  mon: ["08:00-18:00"]
  tue: ["08:00-18:00"]
  wed: ["08:00-12:30", "13:30-18:00"]
  thu: ["08:00-18:00"]
  fri: ["08:00-16:00"]
holidays: [2026-04-03]
---
kind: TicketSource
id: zendesk
files: tickets/*.csv
preset: zendesk
map:
  team: { "Tier 1": tier1 }
---
kind: KPI
id: frt_business
name: First reply time (business hours)
unit: hours
direction: decrease
tickets:
  measure: first-reply
  statistic: p90
  clock: business
  schedule: emea
  period: month
  source: zendesk
`;

const EXPORT_CSV = `Id,Created at,Solved at,Group,Assignee,First reply time in minutes,First reply time in minutes within business hours
1,2026-04-07 09:00,2026-04-07 15:00,Tier 1,Ben Okafor,30,30
`;

const base = {
  ...editFixture(readFixture('valid'), 'strategy/workspace.yaml', (t) => t.replace('asOf: 2026-06-30', 'asOf: 2026-06-30\ntimezone: Europe/Berlin\nschedule: emea')),
  'strategy/tickets.yaml': TICKETS_YAML,
  'data/tickets/export.csv': EXPORT_CSV,
};


interface Case {
  name: string;
  file: string;
  edit: (text: string) => string;
  code: string;
  at: string;
  hint?: RegExp;
  message?: RegExp;
}

const replace = (from: string, to: string) => (text: string) => {
  if (!text.includes(from)) throw new Error(`"${from}" not found`);
  return text.replace(from, to);
};

const cases: Case[] = [
  { name: 'unknown time zone of a schedule', file: 'strategy/tickets.yaml', edit: replace('timezone: Europe/Berlin', 'timezone: Europe/Berln'), code: 'schedule-invalid', at: 'Europe/Berln', message: /not a time zone/ },
  { name: 'unknown time zone of the Workspace', file: 'strategy/workspace.yaml', edit: replace('timezone: Europe/Berlin', 'timezone: CET+1'), code: 'schedule-invalid', at: 'CET+1' },
  { name: 'unknown time zone of a source', file: 'strategy/tickets.yaml', edit: replace('preset: zendesk', 'preset: zendesk\ntimezone: Europa/Paris'), code: 'schedule-invalid', at: 'Europa/Paris' },
  { name: 'an hour past 24', file: 'strategy/tickets.yaml', edit: replace('fri: ["08:00-16:00"]', 'fri: ["08:00-25:00"]'), code: 'schedule-invalid', at: '"08:00-25:00"', hint: /HH:MM-HH:MM/ },
  { name: 'an interval that ends before it starts', file: 'strategy/tickets.yaml', edit: replace('fri: ["08:00-16:00"]', 'fri: ["18:00-08:00"]'), code: 'schedule-invalid', at: '"18:00-08:00"', message: /ends before it starts/ },
  { name: 'overlapping intervals', file: 'strategy/tickets.yaml', edit: replace('"13:30-18:00"', '"12:00-18:00"'), code: 'schedule-invalid', at: '"12:00-18:00"', message: /overlaps `08:00-12:30` on wed/ },
  { name: 'a duration measure in percent', file: 'strategy/tickets.yaml', edit: replace('unit: hours', 'unit: percent'), code: 'kpi-computed', at: 'percent', hint: /minutes, hours or days/ },
  { name: 'a rate in hours', file: 'strategy/tickets.yaml', edit: (t) => t.replace('measure: first-reply\n  statistic: p90\n  clock: business\n  schedule: emea\n', 'measure: csat\n'), code: 'kpi-computed', at: 'hours\ndirection', hint: /percent/ },
  { name: 'an unknown schedule on a KPI', file: 'strategy/tickets.yaml', edit: replace('schedule: emea', 'schedule: emae'), code: 'ref-unknown', at: 'emae', hint: /`emea`/ },
  { name: 'an unknown source on a KPI', file: 'strategy/tickets.yaml', edit: replace('source: zendesk', 'source: zendsk'), code: 'ref-unknown', at: 'zendsk', hint: /`zendesk`/ },
  { name: 'a map to an unknown team', file: 'strategy/tickets.yaml', edit: replace('"Tier 1": tier1', '"Tier 1": tier2'), code: 'ref-unknown', at: 'tier2' },
  { name: 'an unknown column field', file: 'strategy/tickets.yaml', edit: replace('preset: zendesk', 'preset: zendesk\ncolumns: { segmnt: Organization }'), code: 'schema', at: 'segmnt', hint: /`segment`/ },
  { name: 'a misspelt field in an SLA policy\'s when', file: 'strategy/service.yaml', edit: replace('priority: 2\n', 'priority: 2\nwhen: { tpye: billing }\n'), code: 'schema', at: 'tpye', hint: /`type`/ },
  { name: 'an interval written with one-digit hours', file: 'strategy/tickets.yaml', edit: replace('fri: ["08:00-16:00"]', 'fri: ["8:00-16:00"]'), code: 'schedule-invalid', at: '"8:00-16:00"', message: /not an interval of the day/, hint: /HH:MM-HH:MM/ },
  { name: 'a statistic that is no percentile', file: 'strategy/tickets.yaml', edit: replace('statistic: p90', 'statistic: p100'), code: 'schema', at: 'p100' },
];

describe('ticket rules fire at the offending value', () => {
  it('the base workspace has no strategy diagnostic', async () => {
    const result = await pipelineOn(base);
    expect(result.diagnostics.filter((d) => d.file.startsWith('strategy/')).map(where)).toEqual([]);
    expect(result.model?.kpis.find((k) => k.id === 'frt_business')?.tickets).toEqual({ measure: 'first-reply', statistic: 'p90', clock: 'business', schedule: 'emea', period: 'month', source: 'zendesk' });
    expect(result.model?.ticketSources.map((s) => [s.id, s.timezone, s.files])).toEqual([['zendesk', 'Europe/Berlin', ['tickets/*.csv']]]);
  });

  it.each(cases)('$code: $name', async (c) => {
    const files = editFixture(base, c.file, c.edit);
    const result = await pipelineOn(files);
    const expected = positionOf(files[c.file]!, c.at);
    const strategy = result.diagnostics.filter((d) => d.file.startsWith('strategy/'));
    const match = strategy.find((d) => d.code === c.code && d.line === expected.line);
    expect(match, `diagnostics were:\n${strategy.map((d) => `${where(d)} ${d.message}`).join('\n')}`).toBeDefined();
    expect(match).toMatchObject({ severity: 'error', file: c.file, line: expected.line, column: expected.column });
    if (c.hint) expect(match!.hint).toMatch(c.hint);
    if (c.message) expect(match!.message).toMatch(c.message);
    expect(strategy.filter((d) => d.code !== c.code).map(where)).toEqual([]);
  });

  it('schedule-invalid: a malformed interval, an unknown zone and an overlap in one schedule, each at its place', async () => {
    const files = editFixture(base, 'strategy/tickets.yaml', (t) => replace('timezone: Europe/Berlin', 'timezone: Europe/Berln')(replace('fri: ["08:00-16:00"]', 'fri: ["8:00-16:00"]')(replace('"13:30-18:00"', '"12:00-18:00"')(t))));
    const text = files['strategy/tickets.yaml']!;
    const found = (await pipelineOn(files)).diagnostics.filter((d) => d.file.startsWith('strategy/'));
    const at = (snippet: string) => `schedule-invalid error strategy/tickets.yaml:${positionOf(text, snippet).line}:${positionOf(text, snippet).column}`;
    expect(found.map(where).sort()).toEqual([at('Europe/Berln'), at('"12:00-18:00"'), at('"8:00-16:00"')].sort());
  });
});

describe('kpi-computed: a computed KPI in a metric CSV', () => {
  const csv = (kpi: string) => `period,kpi,scope,value\n2026-04,${kpi},org,4.5\n2026-05,${kpi},org,4\n`;

  it('is reported once, at the first value of that KPI in the file, and the values are not read', async () => {
    const result = await pipelineOn({ ...base, 'data/metrics.csv': csv('frt_business') });
    const first = positionOf(csv('frt_business'), '4.5');
    expect(result.diagnostics.filter((d) => d.code === 'kpi-computed').map(where)).toEqual([`kpi-computed error data/metrics.csv:${first.line}:${first.column}`]);
    expect(result.diagnostics.find((d) => d.code === 'kpi-computed')!.hint).toMatch(/Remove the `frt_business` values from this file/);
    expect(result.series.get(seriesKey('frt_business', 'org'))?.source).toBe('tickets:zendesk');
  });

  it('does not fire for a KPI read from CSVs', async () => {
    const result = await pipelineOn({ ...base, 'data/metrics.csv': csv('frt') });
    expect(result.diagnostics.filter((d) => d.code === 'kpi-computed')).toEqual([]);
  });
});

describe('near misses do not fire', () => {
  const quiet: [string, string, (text: string) => string][] = [
    ['a day that ends at 24:00', 'strategy/tickets.yaml', replace('fri: ["08:00-16:00"]', 'fri: ["08:00-24:00"]')],
    ['intervals that touch', 'strategy/tickets.yaml', replace('"13:30-18:00"', '"12:30-18:00"')],
    ['a business KPI using the Workspace default schedule', 'strategy/tickets.yaml', (t) => t.replace('  schedule: emea\n', '')],
    ['a rate in percent', 'strategy/tickets.yaml', (t) => t.replace('measure: first-reply\n  statistic: p90\n  clock: business\n  schedule: emea\n', 'measure: csat\n').replace('unit: hours', 'unit: percent')],
    ['a when listing values of every field', 'strategy/service.yaml', replace('priority: 2\n', 'priority: 2\nwhen: { priority: [high, normal], type: billing, team: tier1, channel: email, segment: [enterprise] }\n')],
    ['a zone alias', 'strategy/workspace.yaml', replace('timezone: Europe/Berlin', 'timezone: UTC')],
  ];
  it.each(quiet)('%s', async (_name, file, edit) => {
    const result = await pipelineOn(editFixture(base, file, edit));
    expect(result.diagnostics.filter((d) => d.file.startsWith('strategy/')).map(where)).toEqual([]);
  });

  it('a second Workspace is one finding: the rest is not judged against either copy', async () => {
    const result = await pipelineOn({ ...base, 'strategy/copy.yaml': 'kind: Workspace\nid: copy\nname: Copy\n' });
    expect(result.diagnostics.map((d) => d.code)).toEqual(['workspace-missing']);
    expect(result.model).toBeNull();
  });

  it('a business clock with no schedule anywhere is schedule-missing, on the KPI and on the business SLA policy', async () => {
    const files = editFixture(editFixture(base, 'strategy/workspace.yaml', replace('\nschedule: emea', '')), 'strategy/tickets.yaml', replace('  schedule: emea\n', ''));
    const found = (await pipelineOn(files)).diagnostics.filter((d) => d.file.startsWith('strategy/'));
    const kpiAt = positionOf(files['strategy/tickets.yaml']!, 'business\n  period');
    const policyAt = positionOf(files['strategy/service.yaml']!, 'business');
    expect(found.map(where)).toEqual([
      `schedule-missing error strategy/service.yaml:${policyAt.line}:${policyAt.column}`,
      `schedule-missing error strategy/tickets.yaml:${kpiAt.line}:${kpiAt.column}`,
    ]);
    expect(found[0]!.hint).toMatch(/`schedule: <id>`/);
  });

  it('a business SLA policy needs a schedule only once tickets are read', async () => {
    const withoutDefault = editFixture(base, 'strategy/workspace.yaml', replace('\nschedule: emea', ''));
    const withTickets = await pipelineOn(withoutDefault);
    expect(withTickets.diagnostics.filter((d) => d.code === 'schedule-missing').map(where)).toEqual(['schedule-missing error strategy/service.yaml:15:8']);
    const { 'strategy/tickets.yaml': _tickets, 'data/tickets/export.csv': _export, ...withoutTickets } = withoutDefault;
    expect((await pipelineOn(withoutTickets)).diagnostics.filter((d) => d.code === 'schedule-missing')).toEqual([]);
  });
});
