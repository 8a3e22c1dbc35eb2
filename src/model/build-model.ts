// Model stage: schema-valid documents without error-level diagnostics become the resolved
// Model (defaults filled, durations in minutes, lists sorted by id). A document with an
// error is left out and references to it are dropped, so one broken goal does not stop the
// rest from computing and rendering.
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import type { SpecDoc, SpecDocs } from '../parse/spec-doc.ts';
import { parseDuration } from '../util/duration.ts';
import { kpiRange } from '../spec/kpi-range.ts';
import type { KpiTicketsSpec } from '../spec/spec-types.ts';
import type { Channel, Goal, HiringProfile, Kpi, KpiTickets, Model, Objective, Review, Schedule, SlaPolicy, TicketSource, Workspace } from './types.ts';
import type { Person, Team } from '../spec/values.ts';
import { compareText } from '../util/compare-text.ts';

const byId = <T extends { id: string }>(a: T, b: T) => compareText(a.id, b.id);

/** Teams and people without the links that name no team or person (each one a ref-unknown error). */
function knownLinks(teams: Team[], people: Person[]): { teams: Team[]; people: Person[] } {
  const teamIds = new Set(teams.map((team) => team.id));
  const personIds = new Set(people.map((person) => person.id));
  const linked = <T extends object>(entry: T, links: [keyof T, Set<string>][]): T => {
    const copy = { ...entry };
    for (const [key, ids] of links) if (copy[key] !== undefined && !ids.has(copy[key] as string)) delete copy[key];
    return copy;
  };
  return {
    teams: teams.map((team) => linked(team, [['parent', teamIds], ['lead', personIds]])),
    people: people.map((person) => linked(person, [['team', teamIds]])),
  };
}

function kpiTickets(spec: KpiTicketsSpec, defaultSchedule: string | undefined): KpiTickets {
  const schedule = spec.schedule ?? defaultSchedule;
  return {
    measure: spec.measure,
    statistic: spec.statistic ?? 'median',
    clock: spec.clock ?? 'calendar',
    ...(schedule ? { schedule } : {}),
    period: spec.period ?? 'week',
    ...(spec.source ? { source: spec.source } : {}),
  };
}

export function buildModel(docs: SpecDocs, diagnostics: readonly Diagnostic[]): Model | null {
  const broken = new Set(diagnostics.filter((d) => d.severity === 'error' && d.subject).map((d) => `${d.subject!.kind}\u0000${d.subject!.id}`));
  const usable = <T extends { id: string; kind: string }>(list: SpecDoc<T>[]) => list.filter((doc) => !broken.has(`${doc.spec.kind}\u0000${doc.spec.id}`));
  const ws = docs.workspace;
  if (!ws || broken.has(`Workspace\u0000${ws.spec.id}`)) return null;

  const workspace: Workspace = {
    id: ws.spec.id,
    name: ws.spec.name,
    fiscalYearStart: ws.spec.fiscalYearStart ?? 1,
    tolerance: ws.spec.tolerance ?? 10,
    ...(ws.spec.asOf ? { asOf: ws.spec.asOf } : {}),
    ...knownLinks(ws.spec.teams ?? [], ws.spec.people ?? []),
    segments: ws.spec.segments ?? [],
    rules: ws.spec.rules ?? {},
    timezone: ws.spec.timezone ?? 'UTC',
    ...(ws.spec.schedule ? { schedule: ws.spec.schedule } : {}),
    source: ws.source.locate([]),
  };
  const defaultSchedule = ws.spec.schedule;

  const schedules: Schedule[] = usable(docs.schedules).map(({ spec, source }) => ({
    id: spec.id,
    ...(spec.name ? { name: spec.name } : {}),
    timezone: spec.timezone,
    hours: spec.hours,
    holidays: [...(spec.holidays ?? [])].sort(),
    source: source.locate([]),
  }));
  const ticketSources: TicketSource[] = usable(docs.ticketSources).map(({ spec, source }) => ({
    id: spec.id,
    ...(spec.name ? { name: spec.name } : {}),
    files: typeof spec.files === 'string' ? [spec.files] : spec.files,
    preset: spec.preset ?? 'none',
    timezone: spec.timezone ?? workspace.timezone,
    columns: spec.columns ?? {},
    map: spec.map ?? {},
    ...(spec.url ? { url: spec.url } : {}),
    source: source.locate([]),
    filesAt: source.locate(['files']),
  }));

  const kpiDocs = usable(docs.kpis);
  const kpiIds = new Set(kpiDocs.map((doc) => doc.spec.id));
  const kpis: Kpi[] = kpiDocs.map(({ spec, source }) => ({
    id: spec.id,
    name: spec.name,
    ...(spec.description ? { description: spec.description } : {}),
    unit: spec.unit,
    direction: spec.direction,
    rollup: spec.rollup ?? 'mean',
    range: kpiRange(spec.unit, spec.range),
    related: (spec.related ?? []).filter((id) => kpiIds.has(id)),
    ...(spec.tickets ? { tickets: kpiTickets(spec.tickets, defaultSchedule) } : {}),
    source: source.locate([]),
  }));

  const objectives: Objective[] = usable(docs.objectives).map(({ spec, source }) => ({
    id: spec.id,
    title: spec.title,
    ...(spec.why ? { why: spec.why } : {}),
    owner: spec.owner,
    source: source.locate([]),
  }));
  const objectiveIds = new Set(objectives.map((o) => o.id));

  const goalDocs = usable(docs.goals).filter(({ spec }) => spec.kpi && kpiIds.has(spec.kpi));
  const goalIds = new Set(goalDocs.map((doc) => doc.spec.id));
  const goals: Goal[] = goalDocs.map(({ spec, source }) => {
    const target = { value: spec.target!.value as number, date: spec.target!.date! };
    return {
      id: spec.id,
      title: spec.title,
      ...(spec.description ? { description: spec.description } : {}),
      ...(spec.objective && objectiveIds.has(spec.objective) ? { objective: spec.objective } : {}),
      ...(spec.parent && goalIds.has(spec.parent) ? { parent: spec.parent } : {}),
      owner: spec.owner,
      kpi: spec.kpi!,
      scope: spec.scope ?? 'org',
      type: spec.type ?? 'reach',
      ...(spec.baseline ? { baseline: { value: spec.baseline.value, date: spec.baseline.date } } : {}),
      target,
      start: (spec.start ?? spec.baseline?.date)!,
      milestones: (spec.milestones ?? []).map((m) => ({ date: m.date, value: m.value })),
      weight: spec.weight ?? 1,
      ...(spec.achievable ? { achievable: spec.achievable } : {}),
      source: source.locate([]),
      targetAt: source.locate(['target', 'value']),
    };
  });

  const slaPolicies: SlaPolicy[] = usable(docs.slaPolicies).map(({ spec, source }) => ({
    id: spec.id,
    name: spec.name,
    priority: spec.priority,
    ...(spec.when ? { when: spec.when } : {}),
    firstResponse: spec.firstResponse,
    resolution: spec.resolution,
    firstResponseMinutes: parseDuration(spec.firstResponse)!,
    resolutionMinutes: parseDuration(spec.resolution)!,
    clock: spec.clock ?? 'calendar',
    ...((spec.schedule ?? defaultSchedule) ? { schedule: (spec.schedule ?? defaultSchedule)! } : {}),
    target: spec.target,
    source: source.locate([]),
    targetAt: source.locate(['target']),
  }));
  const slaIds = new Set(slaPolicies.map((p) => p.id));

  const channels: Channel[] = usable(docs.channels).map(({ spec, source }) => {
    const { kind: _kind, sla, ...rest } = spec;
    return { ...rest, sla: (sla ?? []).filter((id) => slaIds.has(id)), source: source.locate([]) };
  });

  const hiringProfiles: HiringProfile[] = usable(docs.hiringProfiles).map(({ spec, source }) => {
    const { kind: _kind, ...rest } = spec;
    return {
      ...rest,
      headcount: spec.headcount ?? [],
      skills: spec.skills ?? [],
      traits: spec.traits ?? [],
      interview: spec.interview ?? [],
      supports: (spec.supports ?? []).filter((id) => goalIds.has(id)),
      source: source.locate([]),
    };
  });

  const reviews: Review[] = usable(docs.reviews).map(({ spec, source }) => ({
    id: spec.id,
    date: spec.date,
    ...(spec.quarter ? { quarter: spec.quarter } : {}),
    attendees: spec.attendees ?? [],
    checkins: (spec.checkins ?? []).filter((c) => goalIds.has(c.goal)).map((c) => ({ goal: c.goal, confidence: c.confidence, ...(c.note ? { note: c.note } : {}) })),
    decisions: (spec.decisions ?? []).map((d, i) => ({
      id: d.id,
      text: d.text,
      owner: d.owner,
      due: d.due,
      goals: (d.goals ?? []).filter((id) => goalIds.has(id)),
      ...(d.done ? { done: d.done } : {}),
      dueAt: source.locate(['decisions', i, 'due']),
    })),
    checkinsAt: spec.checkins ? source.locateKey(['checkins']) : source.locate(['id']),
    source: source.locate([]),
  }));

  return {
    workspace,
    kpis: kpis.sort(byId),
    objectives: objectives.sort(byId),
    goals: goals.sort(byId),
    channels: channels.sort(byId),
    slaPolicies: slaPolicies.sort(byId),
    hiringProfiles: hiringProfiles.sort(byId),
    schedules: schedules.sort(byId),
    ticketSources: ticketSources.sort(byId),
    reviews: reviews.sort((a, b) => (a.date === b.date ? byId(a, b) : a.date < b.date ? -1 : 1)),
  };
}
