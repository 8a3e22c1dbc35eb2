// ref-unknown: every reference between documents must name something that exists.
import type { Finding } from '../../diagnostics/diagnostic.ts';
import type { DocPath, SourceDocument } from '../../parse/source-document.ts';
import { closestMatches, listOfChoices } from '../../util/closest-match.ts';
import type { KnownIds } from '../../spec/spec-types.ts';
import type { RuleContext, SemanticRule } from './rule.ts';

type Target = keyof KnownIds;

const TARGET_WORDS: Record<Target, string> = {
  person: 'person',
  team: 'team',
  segment: 'segment',
  kpi: 'KPI',
  objective: 'objective',
  goal: 'goal',
  channel: 'channel',
  sla: 'SLA policy',
  schedule: 'schedule',
  ticketSource: 'ticket source',
  review: 'review',
};

function check(
  findings: Finding[],
  known: KnownIds,
  source: SourceDocument,
  subject: { kind: string; id: string } | undefined,
  path: DocPath,
  target: Target,
  id: string | undefined,
): void {
  if (id === undefined || known[target].has(id)) return;
  const suggestions = closestMatches(id, known[target]);
  findings.push({
    code: 'ref-unknown',
    ...source.locate(path),
    ...(subject ? { subject } : {}),
    message: `\`${path.filter((p) => typeof p === 'string').join('.')}\` names ${TARGET_WORDS[target]} \`${id}\`, which does not exist`,
    hint: suggestions.length > 0 ? `Did you mean ${listOfChoices(suggestions)}?` : `Define the ${TARGET_WORDS[target]} first, or use an existing id.`,
  });
}

const SCOPE_TARGETS: Record<string, Target> = { team: 'team', person: 'person', channel: 'channel', segment: 'segment', sla: 'sla' };

export const checkReferences: SemanticRule = ({ docs, known }: RuleContext) => {
  const findings: Finding[] = [];
  const ws = docs.workspace;
  if (ws) {
    // No subject: a team or person entry naming nothing must not take the whole Workspace, and
    // so every goal, out of the model. The model drops the dangling reference instead.
    const subject = undefined;
    ws.spec.teams?.forEach((team, i) => {
      check(findings, known, ws.source, subject, ['teams', i, 'parent'], 'team', team.parent);
      check(findings, known, ws.source, subject, ['teams', i, 'lead'], 'person', team.lead);
    });
    ws.spec.people?.forEach((person, i) => check(findings, known, ws.source, subject, ['people', i, 'team'], 'team', person.team));
    check(findings, known, ws.source, subject, ['schedule'], 'schedule', ws.spec.schedule);
  }
  for (const { spec, source } of docs.kpis) {
    const subject = { kind: 'KPI', id: spec.id };
    spec.related?.forEach((id, i) => check(findings, known, source, subject, ['related', i], 'kpi', id));
    check(findings, known, source, subject, ['tickets', 'schedule'], 'schedule', spec.tickets?.schedule);
    check(findings, known, source, subject, ['tickets', 'source'], 'ticketSource', spec.tickets?.source);
  }
  for (const { spec, source } of docs.slaPolicies) {
    const subject = { kind: 'SLAPolicy', id: spec.id };
    check(findings, known, source, subject, ['schedule'], 'schedule', spec.schedule);
    for (const field of ['team', 'channel', 'segment'] as const) {
      const value = spec.when?.[field];
      const values = Array.isArray(value) ? value : value === undefined ? [] : [value];
      values.forEach((id, i) => check(findings, known, source, subject, Array.isArray(value) ? ['when', field, i] : ['when', field], field, String(id)));
    }
  }
  for (const { spec, source } of docs.reviews) {
    const subject = { kind: 'Review', id: spec.id };
    spec.attendees?.forEach((id, i) => check(findings, known, source, subject, ['attendees', i], 'person', id));
    spec.checkins?.forEach((checkin, i) => check(findings, known, source, subject, ['checkins', i, 'goal'], 'goal', checkin.goal));
    spec.decisions?.forEach((decision, i) => {
      check(findings, known, source, subject, ['decisions', i, 'owner'], 'person', decision.owner);
      decision.goals?.forEach((id, k) => check(findings, known, source, subject, ['decisions', i, 'goals', k], 'goal', id));
    });
  }
  for (const { spec, source } of docs.ticketSources) {
    const subject = { kind: 'TicketSource', id: spec.id };
    for (const field of ['team', 'person', 'channel', 'segment'] as const) {
      for (const [value, id] of Object.entries(spec.map?.[field] ?? {})) check(findings, known, source, subject, ['map', field, value], field, id);
    }
  }
  for (const { spec, source } of docs.objectives) {
    check(findings, known, source, { kind: 'Objective', id: spec.id }, ['owner'], 'person', spec.owner);
  }
  for (const { spec, source } of docs.goals) {
    const subject = { kind: 'Goal', id: spec.id };
    check(findings, known, source, subject, ['owner'], 'person', spec.owner);
    check(findings, known, source, subject, ['kpi'], 'kpi', spec.kpi);
    check(findings, known, source, subject, ['objective'], 'objective', spec.objective);
    check(findings, known, source, subject, ['parent'], 'goal', spec.parent);
    const [prefix, scopeId] = (spec.scope ?? 'org').split(':');
    const target = prefix ? SCOPE_TARGETS[prefix] : undefined;
    if (target) check(findings, known, source, subject, ['scope'], target, scopeId);
  }
  for (const { spec, source } of docs.channels) {
    const subject = { kind: 'Channel', id: spec.id };
    check(findings, known, source, subject, ['owner'], 'person', spec.owner);
    spec.sla?.forEach((id, i) => check(findings, known, source, subject, ['sla', i], 'sla', id));
  }
  for (const { spec, source } of docs.hiringProfiles) {
    const subject = { kind: 'HiringProfile', id: spec.id };
    check(findings, known, source, subject, ['team'], 'team', spec.team);
    spec.supports?.forEach((id, i) => check(findings, known, source, subject, ['supports', i], 'goal', id));
  }
  return findings;
};
