// The input of every page-data builder, and the lookups they share (by id, children of a goal,
// a goal's level, team and scope label). Built once per site; nothing here does I/O.
import { childrenByParent } from '../../model/cascade.ts';
import type { GoalProgress, ProgressReport } from '../../compute/types.ts';
import type { Diagnostic } from '../../diagnostics/diagnostic.ts';
import type { Series, SeriesSet } from '../../metrics/types.ts';
import { seriesKey } from '../../metrics/types.ts';
import type { Goal, Kpi, Model } from '../../model/types.ts';
import type { IsoDate, Person, Team } from '../../spec/values.ts';
import type { SlaBreach, SlaPeriodCount } from '../../tickets/types.ts';
import { reviewQuarters } from './quarters.ts';
import { scopeNames } from '../../model/scope-names.ts';

/** What the ticket stage gives the site (PipelineResult.tickets): null when no export is read. */
export type SiteTickets = {
  breaches: readonly SlaBreach[];
  slaCounts: readonly SlaPeriodCount[];
  files: readonly { source: string; files: readonly string[] }[];
} | null;

export interface SiteInput {
  model: Model;
  series: SeriesSet;
  tickets: SiteTickets;
  progress: ProgressReport;
  asOf: IsoDate;
  diagnostics: readonly Diagnostic[];
  /** Where every goal stands at another date (quarter ends): computeProgress(model, series, date). */
  progressAt(date: IsoDate): ProgressReport;
}

export type Level = 'organisation' | 'team' | 'person';

export interface SiteContext extends SiteInput {
  goal(id: string): Goal | undefined;
  progressOf(id: string): GoalProgress | undefined;
  kpi(id: string): Kpi | undefined;
  person(id: string | undefined): Person | undefined;
  team(id: string | undefined): Team | undefined;
  /** Child goals (those naming `id` as parent), sorted by id. */
  childrenOf(id: string): Goal[];
  seriesOf(kpi: string, scope: string): Series | undefined;
  /** Every series of a KPI, in the series set's order. */
  seriesOfKpi(kpi: string): readonly Series[];
  levelOf(goal: Goal): Level;
  scopeLabel(scope: string): string;
  /** The goal's team and every team above it, for filtering. */
  teamsOf(goal: Goal): string[];
  personName(id: string | undefined): string;
  /** The quarters that have a review page (quarters.ts). */
  quarterPages: ReadonlySet<string>;
}

const index = <T extends { id: string }>(list: readonly T[]) => new Map(list.map((item) => [item.id, item]));

export function createContext(input: SiteInput): SiteContext {
  const { model } = input;
  const goals = index(model.goals);
  const progress = index(input.progress.goals);
  const kpis = index(model.kpis);
  const people = index(model.workspace.people);
  const teams = index(model.workspace.teams);
  const children = childrenByParent(model.goals);
  const names = scopeNames(model);
  let byKpi: Map<string, Series[]> | undefined;
  const teamChain = (id: string | undefined): string[] => {
    const chain: string[] = [];
    for (let team = teams.get(id ?? ''); team && !chain.includes(team.id); team = teams.get(team.parent ?? '')) chain.push(team.id);
    return chain;
  };
  return {
    ...input,
    goal: (id) => goals.get(id),
    progressOf: (id) => progress.get(id),
    kpi: (id) => kpis.get(id),
    person: (id) => (id === undefined ? undefined : people.get(id)),
    team: (id) => (id === undefined ? undefined : teams.get(id)),
    childrenOf: (id) => children.get(id) ?? [],
    seriesOf: (kpi, scope) => input.series.get(seriesKey(kpi, scope)),
    seriesOfKpi(kpi) {
      // Grouped on first use: every KPI page and its related KPIs ask, and a large workspace has tens of thousands of series.
      if (!byKpi) {
        byKpi = new Map();
        for (const series of input.series.values()) {
          const list = byKpi.get(series.kpi);
          if (list) list.push(series);
          else byKpi.set(series.kpi, [series]);
        }
      }
      return byKpi.get(kpi) ?? [];
    },
    levelOf: (goal) => (goal.scope.startsWith('person:') ? 'person' : goal.scope.startsWith('team:') ? 'team' : 'organisation'),
    scopeLabel: (scope) => (scope === 'org' ? 'Organisation' : names.get(scope) ?? scope),
    teamsOf(goal) {
      const [kind, id] = goal.scope.split(':');
      if (kind === 'team') return teamChain(id);
      if (kind === 'person') return teamChain(people.get(id ?? '')?.team);
      return teamChain(people.get(goal.owner)?.team);
    },
    personName: (id) => (id === undefined ? '\u2014' : people.get(id)?.name ?? id),
    quarterPages: new Set(reviewQuarters(model, input.asOf).map((q) => q.label)),
  };
}
