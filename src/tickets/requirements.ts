// Which columns a source's files must have, from what reads them (TICKETS.md 7.1: `id` and
// `created` always; the others only when a measure uses them). A requirement is met by any
// one of its fields: a first-reply duration comes from the vendor's minutes or from the
// first-reply timestamp. SLA policies' `when` fields are required whenever any KPI reads the
// source, because every measure counts at the `sla:<policy>` scopes: without the column each
// ticket would silently fall through to a later policy.
// A file that lacks a column gives nothing to what needs it, rather than an empty value in
// every row: without its `when` columns a file's tickets have no SLA policy, and without a
// policy's duration columns no SLA outcome (see slaReadability), where an empty cell would
// have read as "never answered" and made every ticket a breach.
import { listed } from '../util/closest-match.ts';
import { fieldIndex, type Clock, type SlaPolicyDef, type TicketCatalog, type TicketField } from './types.ts';

export interface Requirement {
  /** Any one of these fields meets it. */
  fields: readonly TicketField[];
  /** What needs it, for the message: `the KPI \`frt\` (first-reply)`, or several joined by "and". */
  reason: string;
  /** Whether `reason` names more than one thing (for the verb that follows it). */
  plural?: boolean;
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
        for (const clock of ['calendar', 'business'] as const) {
          const ids = catalog.slaPolicies.filter((policy) => policy.clock === clock).map((policy) => `\`${policy.id}\``);
          if (ids.length === 0) continue;
          const policyReason = `the SLA ${ids.length === 1 ? 'policy' : 'policies'} ${listed(ids, 'and')} (${clock} clock), for the KPI \`${kpi.id}\``;
          const plural = ids.length > 1;
          requirements.push({ fields: firstReplyFields(clock), reason: policyReason, plural });
          requirements.push({ fields: resolutionFields(clock), reason: policyReason, plural });
        }
        break;
    }
  }
  if (kpis.length > 0) requirements.push(...whenRequirements(catalog.slaPolicies));
  // One requirement per set of fields, naming everything that needs it.
  const byFields = new Map<string, { fields: readonly TicketField[]; reasons: string[]; plural: boolean }>();
  for (const requirement of requirements) {
    const key = [...requirement.fields].sort().join(' ');
    const known = byFields.get(key);
    if (!known) byFields.set(key, { fields: requirement.fields, reasons: [requirement.reason], plural: requirement.plural ?? false });
    else if (!known.reasons.includes(requirement.reason)) known.reasons.push(requirement.reason);
  }
  return [...byFields.values()].map(({ fields, reasons, plural }) => ({ fields, reason: listed(reasons, 'and'), plural: plural || reasons.length > 1 }));
}


/** The fields a file has a column for, from the cell of each field (-1: none): one bit per field number. */
export function fieldMask(cells: ArrayLike<number>): number {
  let mask = 0;
  for (let field = 0; field < cells.length; field++) if (cells[field]! >= 0) mask |= 1 << field;
  return mask;
}

/** Whether a file with these columns has one of `fields`. */
function hasAny(mask: number, fields: readonly TicketField[]): boolean {
  return fields.some((field) => (mask & (1 << fieldIndex(field))) !== 0);
}

/**
 * What a file's columns allow of the SLA policies (in the order given): whether its tickets can
 * be given a policy (it has a column for every policy's `when` fields), and per policy whether
 * an outcome can be judged under its clock (it has a first-reply and a resolution column).
 */
export function slaReadability(mask: number, policies: readonly SlaPolicyDef[]): { routable: boolean; judgeable: boolean[] } {
  const routable = policies.every((policy) => Object.keys(policy.when ?? {}).every((name) => !WHEN_FIELDS[name] || hasAny(mask, WHEN_FIELDS[name])));
  const judgeable = policies.map((policy) => hasAny(mask, firstReplyFields(policy.clock)) && hasAny(mask, resolutionFields(policy.clock)));
  return { routable, judgeable };
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
