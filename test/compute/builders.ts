// Valid model pieces to change one field at a time. The default goal is easy to compute by hand:
// csat (increase) from 80 on 2026-01-01 to 90 on 2026-04-11, exactly 100 days later, so the
// planned value on day k after the start is 80 + 0.1 k and expected is k / 100.
import type { Goal, Kpi, Model, Objective, Workspace } from '../../src/model/types.ts';
import { seriesFromPoints } from '../../src/metrics/series.ts';
import type { Granularity, Series, SeriesSet } from '../../src/metrics/types.ts';
import { seriesKey } from '../../src/metrics/types.ts';
import { addDays } from '../../src/util/dates.ts';

export const START = '2026-01-01';
export const DUE = '2026-04-11';
/** The date `k` days after the default goal's start. */
export const day = (k: number): string => addDays(START, k);

const at = (line: number) => ({ file: 'strategy/goals.yaml', line, column: 3 });

export function validKpi(overrides: Partial<Kpi> = {}): Kpi {
  return { id: 'csat', name: 'CSAT', unit: 'percent', direction: 'increase', rollup: 'mean', range: { min: 0, max: 100 }, related: [], source: at(1), ...overrides };
}

export function validGoal(overrides: Partial<Goal> = {}): Goal {
  return {
    id: 'g',
    title: 'Raise CSAT to 90',
    objective: 'loyal',
    owner: 'ana',
    kpi: 'csat',
    scope: 'org',
    type: 'reach',
    baseline: { value: 80, date: START },
    target: { value: 90, date: DUE },
    start: START,
    milestones: [],
    weight: 1,
    source: at(10),
    targetAt: at(12),
    ...overrides,
  };
}

export function validModel(overrides: { goals?: Goal[]; objectives?: Objective[]; kpis?: Kpi[]; workspace?: Partial<Workspace> } = {}): Model {
  return {
    workspace: {
      id: 'acme',
      name: 'Acme Support',
      fiscalYearStart: 1,
      tolerance: 10,
      teams: [{ id: 'tier1', name: 'Tier 1' }],
      people: [{ id: 'ana', name: 'Ana Ruiz' }],
      segments: [],
      rules: {},
      timezone: 'UTC',
      source: at(1),
      ...overrides.workspace,
    },
    kpis: overrides.kpis ?? [validKpi(), validKpi({ id: 'frt', name: 'FRT', unit: 'hours', direction: 'decrease', range: { min: 0 } })],
    objectives: overrides.objectives ?? [{ id: 'loyal', title: 'Keep customers loyal', owner: 'ana', source: at(5) }],
    goals: overrides.goals ?? [validGoal()],
    channels: [],
    slaPolicies: [],
    hiringProfiles: [],
    schedules: [],
    ticketSources: [],
    reviews: [],
  };
}

/** A daily series of (days after the default start, value) points. */
export function daily(kpi: string, scope: string, points: [number, number][]): Series {
  return seriesFromPoints(kpi, scope, 'day', points.map(([k, value]) => ({ date: day(k), value })));
}

export function seriesOf(kpi: string, scope: string, granularity: Granularity, points: [string, number][]): Series {
  return seriesFromPoints(kpi, scope, granularity, points.map(([date, value]) => ({ date, value })));
}

export function seriesSet(...series: Series[]): SeriesSet {
  return new Map(series.map((s) => [seriesKey(s.kpi, s.scope), s]));
}
