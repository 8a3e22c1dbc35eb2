// The MetricCatalog of a resolved model. When the strategy is partly invalid, the pipeline may
// build a catalog from the documents that did parse instead; ingestion needs nothing more.
import type { Model } from '../model/types.ts';
import type { MetricCatalog } from './types.ts';

export function catalogFromModel(model: Model): MetricCatalog {
  return {
    fiscalYearStart: model.workspace.fiscalYearStart,
    kpis: model.kpis.map((kpi) => ({ id: kpi.id, unit: kpi.unit })),
    teams: model.workspace.teams.map((team) => team.id),
    people: model.workspace.people.map((person) => person.id),
    channels: model.channels.map((channel) => channel.id),
    segments: model.workspace.segments.map((segment) => segment.id),
    slaPolicies: model.slaPolicies.map((policy) => policy.id),
  };
}
