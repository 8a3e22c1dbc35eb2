// The catalog the metric tests ingest against.
import type { MetricCatalog } from '../../src/metrics/types.ts';

export const CATALOG: MetricCatalog = {
  fiscalYearStart: 1,
  kpis: [
    { id: 'frt', unit: 'hours' },
    { id: 'csat', unit: 'percent' },
    { id: 'sla_adherence', unit: 'percent' },
  ],
  teams: ['support', 'tier1'],
  people: ['ana'],
  channels: ['email'],
  segments: ['enterprise'],
  slaPolicies: ['p1-outage'],
};
