// Builders for the ticket tests: one valid catalog to change one field at a time, CSV text from
// rows, and a run of ingestTickets over in-memory files.
import { ingestTickets } from '../../src/tickets/ingest-tickets.ts';
import type { TicketCatalog, TicketKpiDef, TicketResult, TicketSeries, TicketSourceDef } from '../../src/tickets/types.ts';
import { memoryFileSystem } from '../helpers/memory-fs.ts';

/** Monday to Friday 09:00-17:00 UTC, no holidays. */
export const OFFICE = { id: 'office', timezone: 'UTC', hours: { mon: ['09:00-17:00'], tue: ['09:00-17:00'], wed: ['09:00-17:00'], thu: ['09:00-17:00'], fri: ['09:00-17:00'] }, holidays: [] };

/** The headers of a hand-made export read with preset `none`: the field names themselves. */
export const HEADER = 'id,created,firstReply,solved,priority,type,team,person,channel,segment,csat,reopens,replies';

export function source(overrides: Partial<TicketSourceDef> = {}): TicketSourceDef {
  return { id: 'desk', files: ['data/tickets/export.csv'], preset: 'none', columns: {}, map: {}, timezone: null, ...overrides };
}

export function kpi(id: string, tickets: TicketKpiDef['tickets'], unit = 'minutes'): TicketKpiDef {
  return { id, unit, tickets };
}

export function catalog(overrides: Partial<TicketCatalog> = {}): TicketCatalog {
  return {
    timezone: 'UTC',
    defaultSchedule: 'office',
    fiscalYearStart: 1,
    schedules: [OFFICE],
    sources: [source()],
    kpis: [],
    slaPolicies: [],
    teams: [
      { id: 'support', name: 'Customer Support' },
      { id: 'tier1', name: 'Tier 1', parent: 'support' },
      { id: 'billing', name: 'Billing', parent: 'support' },
    ],
    people: [
      { id: 'ana', name: 'Ana Ruiz', team: 'tier1' },
      { id: 'ben', name: 'Ben Okafor', team: 'billing' },
    ],
    channels: [
      { id: 'email', name: 'Email' },
      { id: 'chat', name: 'Chat' },
    ],
    segments: [{ id: 'enterprise', name: 'Enterprise' }],
    ...overrides,
  };
}

/** CSV text: a header and rows, each a list of cells (joined with commas as given). */
export function csv(header: string, rows: readonly string[]): string {
  return `${[header, ...rows].join('\n')}\n`;
}

/** A row of the HEADER export from named cells; unnamed cells are empty. */
export function row(cells: Partial<Record<string, string | number>>): string {
  return HEADER.split(',').map((name) => String(cells[name] ?? '')).join(',');
}

export async function run(files: Record<string, string>, overrides: Partial<TicketCatalog> = {}): Promise<TicketResult> {
  return ingestTickets(memoryFileSystem(files), '/ws', catalog(overrides));
}

/** Runs one export (data/tickets/export.csv) of HEADER rows. */
export async function runRows(rows: readonly Partial<Record<string, string | number>>[], overrides: Partial<TicketCatalog> = {}): Promise<TicketResult> {
  return run({ 'data/tickets/export.csv': csv(HEADER, rows.map(row)) }, overrides);
}

export interface PlainPoint {
  period: string;
  value: number;
  tickets: number;
}

export function pointsOf(result: TicketResult, kpiId: string, scope = 'org'): PlainPoint[] | undefined {
  const series: TicketSeries | undefined = result.series.find((s) => s.kpi === kpiId && s.scope === scope);
  if (!series) return undefined;
  return series.periods.map((period, i) => ({ period, value: series.values[i]!, tickets: series.tickets[i]! }));
}

export const at = (finding: { code: string; file: string; line: number; column: number }) => `${finding.code} ${finding.file}:${finding.line}:${finding.column}`;
