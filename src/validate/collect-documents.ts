// Sorts parsed documents by kind, checks kind, id uniqueness and the single Workspace, and
// runs the schema on each. Produces the schema-valid documents and the set of known ids.
import type { Finding } from '../diagnostics/diagnostic.ts';
import { KINDS, type Kind } from '../spec/kinds.ts';
import { listedIds, type BrokenDocument } from '../parse/parse-yaml.ts';
import type { SourceDocument } from '../parse/source-document.ts';
import { closestMatch } from '../util/closest-match.ts';
import type { KnownIds } from '../spec/spec-types.ts';
import type { SpecDocs } from '../parse/spec-doc.ts';
import { validateDocumentSchema } from './validate-schema.ts';

export interface CollectedDocuments {
  docs: SpecDocs;
  known: KnownIds;
  findings: Finding[];
}

const KIND_KEYS = {
  KPI: 'kpis',
  Objective: 'objectives',
  Goal: 'goals',
  Channel: 'channels',
  SLAPolicy: 'slaPolicies',
  HiringProfile: 'hiringProfiles',
  Schedule: 'schedules',
  TicketSource: 'ticketSources',
  Review: 'reviews',
} as const;

const KNOWN_KEYS = { KPI: 'kpi', Objective: 'objective', Goal: 'goal', Channel: 'channel', SLAPolicy: 'sla', Schedule: 'schedule', TicketSource: 'ticketSource', Review: 'review' } as const;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function collectDocuments(documents: readonly SourceDocument[], brokenIds: readonly BrokenDocument[] = []): CollectedDocuments {
  const findings: Finding[] = [];
  const docs: SpecDocs = { kpis: [], objectives: [], goals: [], channels: [], slaPolicies: [], hiringProfiles: [], schedules: [], ticketSources: [], reviews: [] };
  const known: KnownIds = { person: new Set(), team: new Set(), segment: new Set(), kpi: new Set(), objective: new Set(), goal: new Set(), channel: new Set(), sla: new Set(), schedule: new Set(), ticketSource: new Set(), review: new Set() };
  // A Workspace with a syntax error is still there: it is not reported missing, and the teams,
  // people and segments read from it are known, so its error is not followed by one per owner.
  let brokenWorkspace = false;
  for (const { kind, id, listed } of brokenIds) {
    if (kind in KNOWN_KEYS) known[KNOWN_KEYS[kind as keyof typeof KNOWN_KEYS]].add(id);
    if (kind === 'Workspace') brokenWorkspace = true;
    if (listed) for (const target of ['team', 'person', 'segment'] as const) listed[target].forEach((listedId) => known[target].add(listedId));
  }
  const firstById = new Map<string, SourceDocument>();
  const workspaces: SourceDocument[] = [];

  for (const source of documents) {
    const data = source.data;
    if (!isRecord(data) || typeof data.kind !== 'string' || !KINDS.includes(data.kind as Kind)) {
      const kind = isRecord(data) ? data.kind : undefined;
      const suggestion = typeof kind === 'string' ? closestMatch(kind, KINDS) : undefined;
      findings.push({
        code: 'unknown-kind',
        ...source.locate(isRecord(data) && 'kind' in data ? ['kind'] : []),
        message: !isRecord(data)
          ? 'a document must be a mapping with `kind` and `id`'
          : kind === undefined
            ? 'the document has no `kind`'
            : `unknown kind \`${String(kind)}\``,
        hint: suggestion ? `Did you mean \`${suggestion}\`?` : `Use one of ${KINDS.join(', ')}.`,
      });
      // A misspelt kind (`Gaol`) is known by the kind it is closest to, as a document with a syntax
      // error is: references to its id are not errors of their own (a dozen "does not exist").
      const misspeltId = isRecord(data) && typeof data.id === 'string' ? data.id : undefined;
      if (suggestion && misspeltId !== undefined && suggestion in KNOWN_KEYS) known[KNOWN_KEYS[suggestion as keyof typeof KNOWN_KEYS]].add(misspeltId);
      continue;
    }
    const kind = data.kind as Kind;
    const id = typeof data.id === 'string' ? data.id : undefined;
    if (kind === 'Workspace') {
      workspaces.push(source);
      listedIds(data.people).forEach((person) => known.person.add(person));
      listedIds(data.teams).forEach((team) => known.team.add(team));
      listedIds(data.segments).forEach((segment) => known.segment.add(segment));
    } else if (id !== undefined && kind in KNOWN_KEYS) {
      known[KNOWN_KEYS[kind as keyof typeof KNOWN_KEYS]].add(id);
    }
    let duplicate = false;
    if (id !== undefined && kind !== 'Workspace') {
      const key = `${kind}\u0000${id}`;
      const first = firstById.get(key);
      if (first) {
        duplicate = true;
        const subject = { kind, id };
        const here = source.locate(['id']);
        const there = first.locate(['id']);
        findings.push(
          { code: 'duplicate-id', ...here, subject, message: `another ${kind} already has the id \`${id}\``, hint: 'Ids are unique per kind across the workspace; rename one.', related: [{ ...there, message: 'first defined here' }] },
          { code: 'duplicate-id', ...there, subject, message: `another ${kind} has the same id \`${id}\``, related: [{ ...here, message: 'also defined here' }] },
        );
      } else {
        firstById.set(key, source);
      }
    }
    const schemaFindings = validateDocumentSchema(kind, source);
    const subject = { kind, id: id ?? '' };
    findings.push(...schemaFindings.map((finding) => ({ ...finding, subject })));
    if (schemaFindings.length > 0 || duplicate) continue;
    if (kind === 'Workspace') docs.workspace ??= { spec: data as never, source };
    else (docs[KIND_KEYS[kind]] as { spec: unknown; source: SourceDocument }[]).push({ spec: data, source });
  }

  if (workspaces.length === 0 && !brokenWorkspace) {
    findings.push({
      code: 'workspace-missing',
      file: documents[0]?.file ?? 'strategy',
      line: 1,
      column: 1,
      message: 'the workspace has no Workspace document',
      hint: 'Add one document with `kind: Workspace`, an id, a name, its teams and people (see `goalpost init`).',
    });
  } else if (workspaces.length > 1) {
    // Which one is meant cannot be told: judging the rest against either (say a stray copy with no
    // people) made dozens of findings about people, teams and dates that were not wrong.
    delete docs.workspace;
    const [first, ...others] = workspaces;
    for (const other of others) {
      findings.push({
        code: 'workspace-missing',
        ...other.locate(['kind']),
        message: 'there is more than one Workspace document',
        hint: 'Keep exactly one; merge their teams and people.',
        related: [{ ...first!.locate(['kind']), message: 'first Workspace' }],
      });
    }
  }
  return { docs, known, findings };
}
