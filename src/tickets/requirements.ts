// Which columns a source's files must have, from what reads them (TICKETS.md 7.1: `id` and
// `created` always; the others only when a measure uses them). A requirement is met by any
// one of its fields: a first-reply duration comes from the vendor's minutes or from the
// first-reply timestamp. SLA policies' `when` fields are required whenever any KPI reads the
// source, because every measure counts at the `sla:<policy>` scopes: without the column each
// ticket would silently fall through to a later policy.
import type { Clock, SlaPolicyDef, TicketCatalog, TicketField } from './types.ts';

export interface Requirement {
  /** Any one of these fields meets it. */
  fields: readonly TicketField[];
  /** What needs it, for the message: `KPI \`frt\``. */
  reason: string;
}

function firstReplyFields(clock: Clock): TicketField[] {
  return clock === 'business' ? ['firstReply', 'firstReplyBusinessMinutes'] : ['firstReply', 'firstReplyMinutes'];
}

function resolutionFields(clock: Clock): TicketField[] {
  return clock === 'business' ? ['solved', 'resolutionBusinessMinutes'] : ['solved', 'resolutionMinutes'];
}

const WHEN_FIELDS: Record<string, readonly TicketField[]> = {
  priority: ['priority'],
  type: ['type'],
  // A ticket's team falls back to its person's team.
  team: ['team', 'person'],
  channel: ['channel'],
  segment: ['segment'],
};

/** Whether the catalog's KPI reads the source. */
export function kpiReadsSource(kpiSource: string | null | undefined, sourceId: string): boolean {
  return kpiSource === null || kpiSource === undefined || kpiSource === sourceId;
}

export function sourceRequirements(sourceId: string, catalog: TicketCatalog): Requirement[] {
  const requirements: Requirement[] = [
    { fields: ['id'], reason: 'every ticket' },
    { fields: ['created'], reason: 'every ticket' },
  ];
  // The solved instant may also come from the vendor's minutes (business minutes only with a schedule to add them in).
  const solvedInstant: TicketField[] = ['solved', 'resolutionMinutes', ...(catalog.defaultSchedule ? (['resolutionBusinessMinutes'] as const) : [])];
  const kpis = catalog.kpis.filter((kpi) => kpiReadsSource(kpi.tickets.source, sourceId));
  for (const kpi of kpis) {
    const reason = `the KPI \`${kpi.id}\` (${kpi.tickets.measure})`;
    const need = (...fields: TicketField[]) => requirements.push({ fields, reason });
    const clock = kpi.tickets.clock ?? 'calendar';
    switch (kpi.tickets.measure) {
      case 'volume':
        break;
      case 'backlog':
        need(...solvedInstant);
        break;
      case 'first-reply':
        need(...firstReplyFields(clock));
        break;
      case 'resolution':
        need(...resolutionFields(clock));
        break;
      case 'one-touch':
        need('replies');
        need('reopens');
        need(...solvedInstant);
        break;
      case 'reopened':
        need('reopens');
        need(...solvedInstant);
        break;
      case 'csat':
        need('csat');
        need(...solvedInstant);
        break;
      case 'sla-adherence':
        for (const policy of catalog.slaPolicies) {
          const policyReason = `the SLA policy \`${policy.id}\` (${policy.clock} clock), for the KPI \`${kpi.id}\``;
          requirements.push({ fields: firstReplyFields(policy.clock), reason: policyReason });
          requirements.push({ fields: resolutionFields(policy.clock), reason: policyReason });
        }
        break;
    }
  }
  if (kpis.length > 0) requirements.push(...whenRequirements(catalog.slaPolicies));
  const seen = new Set<string>();
  return requirements.filter((requirement) => {
    const key = [...requirement.fields].sort().join(' ');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function whenRequirements(policies: readonly SlaPolicyDef[]): Requirement[] {
  const requirements: Requirement[] = [];
  for (const policy of [...policies].sort((a, b) => a.priority - b.priority)) {
    for (const name of Object.keys(policy.when ?? {})) {
      const fields = WHEN_FIELDS[name];
      if (fields) requirements.push({ fields, reason: `the SLA policy \`${policy.id}\` (its \`when\` matches on ${name})` });
    }
  }
  return requirements;
}
