// The strategy-side rules of ticket exports (TICKETS.md 7.4): schedule-invalid (time zones and
// business-hour intervals), schedule-missing (a business clock with no schedule to use) and the
// unit half of kpi-computed. The data half of kpi-computed (a computed KPI also found in a metric
// CSV) is found where the CSVs are read.
import type { Finding } from '../../diagnostics/diagnostic.ts';
import type { DocPath, SourceDocument } from '../../parse/source-document.ts';
import type { TicketMeasure, Weekday } from '../../spec/spec-types.ts';
import type { RuleContext, SemanticRule } from './rule.ts';

const DURATION_MEASURES: ReadonlySet<TicketMeasure> = new Set(['first-reply', 'resolution']);
const RATE_MEASURES: ReadonlySet<TicketMeasure> = new Set(['one-touch', 'reopened', 'csat', 'sla-adherence']);
const TIME_UNITS = new Set(['minutes', 'hours', 'days']);
const WEEKDAYS: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const ZONE_EXAMPLES = 'an IANA name such as Europe/Berlin, America/New_York or UTC';

/** Whether the runtime's time-zone data knows `zone` (the same data the ticket stage converts with). */
export function isKnownTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

function zoneFinding(source: SourceDocument, path: DocPath, zone: string | undefined, subject: { kind: string; id: string } | undefined): Finding[] {
  if (zone === undefined || isKnownTimeZone(zone)) return [];
  return [
    {
      code: 'schedule-invalid',
      ...source.locate(path),
      ...(subject ? { subject } : {}),
      message: `\`${zone}\` is not a time zone this machine knows`,
      hint: `Write ${ZONE_EXAMPLES} (zone names are case-sensitive; see the tz database list).`,
    },
  ];
}

/** Minutes since midnight of `HH:MM`, or null; `24:00` only where an end is allowed. */
function minutesOf(text: string, isEnd: boolean): number | null {
  const match = /^(\d{2}):(\d{2})$/.exec(text);
  if (!match) return null;
  const [hours, minutes] = [Number(match[1]), Number(match[2])];
  if (hours === 24 && minutes === 0 && isEnd) return 1440;
  return hours < 24 && minutes < 60 ? hours * 60 + minutes : null;
}

function intervalFindings(source: SourceDocument, subject: { kind: string; id: string }, day: Weekday, intervals: readonly string[]): Finding[] {
  const findings: Finding[] = [];
  const parsed: { start: number; end: number; index: number }[] = [];
  intervals.forEach((text, index) => {
    const [from = '', to = ''] = text.split('-');
    const start = minutesOf(from, false);
    const end = minutesOf(to, true);
    const at = { ...source.locate(['hours', day, index]), subject };
    if (start === null || end === null) {
      findings.push({ code: 'schedule-invalid', ...at, message: `\`${text}\` is not an interval of the day`, hint: 'Write HH:MM-HH:MM with hours 00-23 and minutes 00-59, e.g. 08:00-18:00; 24:00 may end a day.' });
    } else if (end <= start) {
      findings.push({ code: 'schedule-invalid', ...at, message: `\`${text}\` ends before it starts`, hint: 'An interval stays within one day; to stay open past midnight, end at 24:00 and start the next day at 00:00.' });
    } else {
      parsed.push({ start, end, index });
    }
  });
  const sorted = [...parsed].sort((a, b) => a.start - b.start);
  for (let k = 1; k < sorted.length; k++) {
    const [before, after] = [sorted[k - 1]!, sorted[k]!];
    if (after.start < before.end) {
      findings.push({
        code: 'schedule-invalid',
        ...source.locate(['hours', day, after.index]),
        subject,
        message: `\`${intervals[after.index]}\` overlaps \`${intervals[before.index]}\` on ${day}`,
        hint: 'Merge the two intervals, or move one so they do not overlap.',
      });
    }
  }
  return findings;
}

export const checkSchedules: SemanticRule = ({ docs }: RuleContext) => {
  const findings: Finding[] = [];
  const ws = docs.workspace;
  if (ws) findings.push(...zoneFinding(ws.source, ['timezone'], ws.spec.timezone, undefined));
  for (const { spec, source } of docs.schedules) {
    const subject = { kind: 'Schedule', id: spec.id };
    findings.push(...zoneFinding(source, ['timezone'], spec.timezone, subject));
    for (const day of WEEKDAYS) findings.push(...intervalFindings(source, subject, day, spec.hours[day] ?? []));
  }
  for (const { spec, source } of docs.ticketSources) findings.push(...zoneFinding(source, ['timezone'], spec.timezone, { kind: 'TicketSource', id: spec.id }));
  return findings;
};

export const checkBusinessClocks: SemanticRule = ({ docs }: RuleContext) => {
  const findings: Finding[] = [];
  // Without a usable Workspace its default schedule is unknown: workspace-missing or its own
  // findings say what is wrong, and a clock cannot be judged short of a schedule meanwhile.
  if (!docs.workspace) return findings;
  const fallback = docs.workspace.spec.schedule;
  const hint = 'Name a Schedule with `schedule: <id>` here, or give the Workspace a default `schedule:`.';
  for (const { spec, source } of docs.kpis) {
    const tickets = spec.tickets;
    if (!tickets || (tickets.clock ?? 'calendar') !== 'business' || tickets.schedule || fallback) continue;
    findings.push({ code: 'schedule-missing', ...source.locate(['tickets', 'clock']), subject: { kind: 'KPI', id: spec.id }, message: 'the business clock has no schedule to count open hours with', hint });
  }
  // A policy is applied to tickets only when the workspace reads some: without a TicketSource,
  // its clock is a statement of intent, and its adherence comes from a metric CSV.
  if (docs.ticketSources.length > 0) {
    for (const { spec, source } of docs.slaPolicies) {
      if ((spec.clock ?? 'calendar') !== 'business' || spec.schedule || fallback) continue;
      findings.push({ code: 'schedule-missing', ...source.locate(['clock']), subject: { kind: 'SLAPolicy', id: spec.id }, message: 'the business clock has no schedule to count open hours with', hint });
    }
  }
  return findings;
};

export const checkComputedKpiUnits: SemanticRule = ({ docs }: RuleContext) => {
  const findings: Finding[] = [];
  for (const { spec, source } of docs.kpis) {
    const measure = spec.tickets?.measure;
    if (!measure) continue;
    const subject = { kind: 'KPI', id: spec.id };
    if (DURATION_MEASURES.has(measure) && !TIME_UNITS.has(spec.unit)) {
      findings.push({ code: 'kpi-computed', ...source.locate(['unit']), subject, message: `\`${measure}\` is a duration, but the KPI's unit is \`${spec.unit}\``, hint: 'Use unit minutes, hours or days.' });
    } else if (RATE_MEASURES.has(measure) && spec.unit !== 'percent') {
      findings.push({ code: 'kpi-computed', ...source.locate(['unit']), subject, message: `\`${measure}\` is a share of tickets, but the KPI's unit is \`${spec.unit}\``, hint: 'Use unit percent.' });
    }
  }
  return findings;
};
