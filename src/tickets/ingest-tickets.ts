// The ticket stage (TICKETS.md section 7): reads every TicketSource's exports into one compact
// store, then computes the series of every KPI with a `tickets` block, the SLA counts and the
// latest breaches. Pure but for reading the files, which goes through the injected FileSystem.
// Sources are read in catalog order and each source's files in sorted path order, so the row
// read last (the one that wins for a duplicate id) is always the same one.
import path from 'node:path';
import type { Finding } from '../diagnostics/diagnostic.ts';
import type { FileSystem } from '../effects.ts';
import { resolveDrafts } from '../metrics/finding-drafts.ts';
import { readBytes, readCsvRows, RowTooLongError } from '../metrics/read-csv-rows.ts';
import { BusinessClock } from './business-clock.ts';
import { settleDuplicates } from './duplicate-ids.ts';
import { kpiSeries, measureBuffers, type MeasureContext } from './measures.ts';
import { ReadState } from './read-state.ts';
import { parseSchedule } from './schedule-def.ts';
import { ScopeTable, TicketScopes } from './scopes.ts';
import { slaReport } from './sla-report.ts';
import { PolicyMatcher, policiesInOrder } from './sla-policies.ts';
import { ticketFacts, type PolicyClock } from './ticket-facts.ts';
import { TicketFileReader } from './ticket-file-reader.ts';
import type { TicketCatalog, TicketResult, TicketSeries } from './types.ts';
import { unmappedFindings } from './unmapped-findings.ts';
import { isValidZone, ZoneCalendar } from './zone-calendar.ts';
import { compareText } from '../util/compare-text.ts';

export interface TicketOptions {
  /** How many of the latest breaches each policy lists (default 20). */
  breachesPerPolicy?: number;
}


export async function ingestTickets(fs: FileSystem, root: string, catalog: TicketCatalog, options: TicketOptions = {}): Promise<TicketResult> {
  const calendars = new Map<string, ZoneCalendar>();
  // An unknown zone is the strategy checks' to report; its timestamps are then read as UTC.
  const calendarOf = (zone: string) => {
    const name = isValidZone(zone) ? zone : 'UTC';
    let calendar = calendars.get(name);
    if (!calendar) calendars.set(name, (calendar = new ZoneCalendar(name)));
    return calendar;
  };
  const clocks = new Map<string, BusinessClock>();
  for (const def of catalog.schedules) {
    const { schedule } = parseSchedule(def);
    if (schedule) clocks.set(def.id, new BusinessClock(schedule, calendarOf(schedule.timezone)));
  }
  const clockOf = (id: string | null | undefined) => clocks.get(id ?? catalog.defaultSchedule ?? '') ?? null;

  const state = new ReadState(catalog, calendarOf);
  const findings: Finding[] = [];
  for (const source of state.sources) {
    if (source.def.files.length === 0) {
      if (source.def.at) findings.push(noFiles(source.def.id, source.def.glob, source.def.at));
      continue;
    }
    for (const file of [...source.def.files].sort()) {
      const index = state.files.push(file) - 1;
      const full = path.join(root, file);
      const bytes = await fs.fileSize(full).catch(() => 0);
      const reader = new TicketFileReader(state, source, index, bytes);
      try {
        // In one reused buffer where the FileSystem can: a stream's new 64 KB buffer per chunk made
        // 130 MB of garbage per million tickets, which set off full collections.
        await readCsvRows(readBytes(fs, full), reader);
      } catch (error) {
        const line = error instanceof RowTooLongError ? error.line : 1;
        state.drafts.push({ code: 'ticket-file', message: `the file cannot be read: ${(error as Error).message}; what follows is left out`, hint: 'Export the tickets again as CSV (comma separated, UTF-8).', at: { file: index, line, cell: 0 } });
      }
      reader.end();
    }
  }
  state.drafts.push(...settleDuplicates(state), ...unmappedFindings(state));
  findings.push(...(await resolveDrafts(fs, root, state.files, state.drafts)));

  const policies = policiesInOrder(catalog);
  const scopes = new ScopeTable(catalog, policies);
  const policyClocks: PolicyClock[] = policies.map((policy) => {
    const business = policy.clock === 'business' ? clockOf(policy.schedule) : null;
    return { policy, choice: policy.clock === 'business' && business === null ? null : { clock: policy.clock, business } };
  });
  const facts = ticketFacts(state, clockOf(null), new PolicyMatcher(policies, catalog, state, scopes), policyClocks, options.breachesPerPolicy ?? 20);
  const context: MeasureContext = { state, facts, scopes, ticketScopes: new TicketScopes(scopes, state.store, facts.policy), fiscalYearStart: catalog.fiscalYearStart, clockOf, buffers: measureBuffers(facts.size) };
  const series: TicketSeries[] = [];
  for (const kpi of [...catalog.kpis].sort((a, b) => compareText(a.id, b.id))) series.push(...kpiSeries(kpi, context));
  series.sort((a, b) => compareText(a.kpi, b.kpi) || compareText(a.scope, b.scope));
  const { breaches, slaCounts } = slaReport(catalog, state, facts, policies);
  return { series, findings: findings.sort(compareFindings), breaches, slaCounts };
}

function compareFindings(a: Finding, b: Finding): number {
  return compareText(a.file, b.file) || a.line - b.line || a.column - b.column;
}

function noFiles(source: string, glob: string | undefined, at: { file: string; line: number; column: number }): Finding {
  return {
    code: 'ticket-no-files',
    message: `the TicketSource \`${source}\` matches no file${glob === undefined ? '' : ` (\`${glob}\` under data/)`}, so the KPIs computed from it have no data`,
    hint: 'Save the help desk\'s export under data/ where `files` points, or correct the glob (it is relative to data/, e.g. tickets/*.csv).',
    ...at,
  };
}
