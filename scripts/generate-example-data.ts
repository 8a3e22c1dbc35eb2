// Generates the example workspace's metric CSVs in data/ (Tidewell, 2025-Q1 to 2026-Q2), then
// recomputes every goal's status at the Workspace's asOf by FORMAT.md section 5 and fails unless
// it matches the status designed for that goal below, so that the example shows every status.
//
//   npx tsx scripts/generate-example-data.ts
//
// Deterministic: a seeded PRNG and fixed dates only (no Math.random, no clock), so re-running it
// reproduces the committed files byte for byte. Each series is a piecewise-linear trend through
// hand-picked knots plus Gaussian noise. A goal's own series ends exactly on its last knot: the
// asOf value is what decides the status, so it is designed rather than left to the noise.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseAllDocuments } from 'yaml';

const root = new URL('..', import.meta.url).pathname;
type Knot = [date: string, value: number];
type Grain = 'week' | 'month' | 'quarter';

// ---- Dates, as UTC day numbers (arithmetic only, never the clock).
const day = (iso: string): number => Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / 864e5;
const iso = (d: number): string => new Date(d * 864e5).toISOString().slice(0, 10);

// One file per source system, as they would be exported. Both CSV shapes appear: help desk and
// SLA reports export one value a row (long); the survey tool and warehouse one column per KPI.
const FILES: Record<string, { grain: Grain; shape: 'long' | 'wide' }> = {
  'helpdesk/weekly.csv': { grain: 'week', shape: 'long' },
  'sla/adherence.csv': { grain: 'month', shape: 'long' },
  'surveys/monthly.csv': { grain: 'month', shape: 'wide' },
  'surveys/nps-quarterly.csv': { grain: 'quarter', shape: 'wide' }, // sent once a quarter (kpis.yaml)
  'warehouse/monthly.csv': { grain: 'month', shape: 'wide' },
};
const [HD, SV, WH] = ['helpdesk/weekly.csv', 'surveys/monthly.csv', 'warehouse/monthly.csv'];

// A series is written as "YYYY-MM value" knots: the value at the end of that month, except the
// first knot, which is dated the 1st and starts the series (Jun joined in January 2026, the
// phone pilot opened then). Every series runs to the last period ending on or before asOf, so
// no goal's data is stale. `sd` is the noise's standard deviation in the KPI's unit.
interface Spec { file: string; kpi: string; scope: string; sd: number; knots: Knot[] }
const specs: Spec[] = [];
function series(file: string, kpi: string, sd: number, rows: Record<string, string>): void {
  for (const [scope, text] of Object.entries(rows)) {
    const knots = text.match(/\S+ \S+/g)!.map((pair, i): Knot => {
      const [ym, value] = pair.split(' ') as [string, string];
      return [i ? iso(Date.UTC(+ym.slice(0, 4), +ym.slice(5), 0) / 864e5) : `${ym}-01`, Number(value)];
    });
    specs.push({ file, kpi, scope, sd, knots });
  }
}

// ---- Help desk, weekly. FRT jumped after the October 2025 calendar redesign; the late shift
// (March 2026) and new hires bring it down; Jun is still ramping up.
series(HD, 'frt', 0.2, {
  org: '2025-01 5.6 2025-09 5.5 2025-10 6.6 2025-12 6.2 2026-03 5.3 2026-06 4.45',
  'team:frontline': '2025-01 6.0 2025-09 5.9 2025-10 6.9 2026-03 5.8 2026-06 4.75',
  'team:technical': '2025-01 3.9 2025-10 4.4 2026-06 3.4', 'team:billing': '2025-01 4.8 2025-10 5.2 2026-06 4.1',
});
series(HD, 'frt', 0.45, {
  'person:aisha': '2025-01 4.4 2025-10 5.1 2026-06 3.7', 'person:tomas': '2025-01 4.9 2025-10 5.6 2026-06 4.2',
  'person:sofia': '2025-01 3.6 2025-10 4.1 2026-06 3.1', 'person:rory': '2025-01 4.5 2025-10 4.9 2026-06 3.9',
  'person:jun': '2026-01 8.2 2026-03 6.5 2026-06 5.6',
});
series(HD, 'art', 1.2, {
  org: '2025-01 27 2025-10 31 2026-06 24.5', 'team:frontline': '2025-01 20 2025-10 23 2026-06 18',
  'team:technical': '2025-01 41 2025-10 46 2026-06 37', 'team:billing': '2025-01 33 2026-02 34 2026-06 27',
});
series(HD, 'aht', 0.5, {
  org: '2025-01 13.8 2025-10 14.9 2026-06 13.2', 'team:frontline': '2025-01 9.6 2025-10 10.4 2026-06 9.1',
  'team:technical': '2025-01 31 2026-06 28.5', 'team:billing': '2025-01 17.5 2026-01 18 2026-06 15.2',
});
// Billing FCR: refund approvals up to EUR 150 without a second sign-off from January 2026.
series(HD, 'fcr', 1.0, {
  org: '2025-01 70.5 2025-10 69 2026-06 72.8', 'team:frontline': '2025-01 76 2026-06 77.5',
  'team:technical': '2025-01 57 2026-06 60', 'team:billing': '2025-01 66.5 2025-12 68 2026-02 72 2026-03 74.3 2026-06 75.4',
});
series(HD, 'reopen_rate', 0.35, {
  org: '2025-01 6.2 2025-10 7.4 2026-06 5.9', 'team:frontline': '2025-01 5.6 2025-10 6.9 2026-06 5.4',
  'team:technical': '2025-01 8.8 2026-06 8.1', 'team:billing': '2025-01 7.1 2026-06 5.8',
});
// Volume: a monthly season (quiet December and summer), relative noise of 4 % but at least the
// Poisson-like square root, so the small phone queue is as jumpy as a real one.
series(HD, 'ticket_volume', 0.04, {
  org: '2025-01 2850 2026-06 3180', 'team:frontline': '2025-01 2080 2026-06 2300',
  'team:technical': '2025-01 330 2026-06 370', 'team:billing': '2025-01 410 2026-06 440',
  'channel:email': '2025-01 1690 2026-06 1820', 'channel:chat': '2025-01 920 2026-06 1080',
  'channel:phone': '2026-01 35 2026-06 55',
});
const SEASON = [1.06, 1.02, 1, 1, 0.98, 0.96, 0.9, 0.88, 1.01, 1.02, 1, 0.86]; // by month

// ---- SLA adherence, monthly. P3 improved but stalled below 90 (missed, due 2026-03-31).
series('sla/adherence.csv', 'sla_adherence', 0.7, {
  'sla:p1-outage': '2025-01 96.5 2025-10 95.6 2026-06 96.8',
  'sla:p2-billing': '2025-01 80.5 2026-03 81 2026-06 85.6',
  'sla:p3-general': '2025-01 83.5 2025-12 83 2026-02 86.2 2026-03 88.6 2026-06 88.0',
});

// ---- Surveys, monthly (CSAT, CES) and quarterly (NPS); noisier where few answer (segments, phone).
series(SV, 'csat', 0.5, {
  org: '2025-01 89.1 2025-09 88.7 2025-10 86.0 2025-12 85.5 2026-06 87.3',
  'channel:email': '2025-01 87.5 2025-10 84.2 2026-06 85.9', 'channel:chat': '2025-01 91.8 2025-10 89.0 2026-06 90.6',
});
series(SV, 'csat', 1.1, {
  'segment:solo': '2025-01 90.5 2025-10 87.5 2026-06 89.0', 'segment:multi-site': '2025-01 88.2 2025-10 85.0 2026-06 86.4',
  'segment:enterprise': '2025-01 84.0 2025-10 80.5 2026-06 83.1', 'channel:phone': '2026-01 79 2026-06 82',
});
series(SV, 'ces', 0.08, {
  org: '2025-01 5.3 2025-10 4.9 2026-06 5.2', 'channel:email': '2025-01 5.0 2025-10 4.6 2026-06 4.9',
  'channel:chat': '2025-01 5.7 2025-10 5.4 2026-06 5.6', 'channel:phone': '2026-01 4.9 2026-03 5.1 2026-06 5.2',
});
series('surveys/nps-quarterly.csv', 'nps', 1.5, {
  org: '2025-01 33 2025-12 28 2026-06 30', 'segment:solo': '2025-01 38 2025-12 34 2026-06 36',
  'segment:multi-site': '2025-01 29 2025-12 25 2026-06 27', 'segment:enterprise': '2025-01 24 2025-12 18 2026-06 21',
});

// ---- Warehouse, monthly. Person-level self-service is not exported yet: kb-deflect-aisha has
// no series on purpose (no-data). Workload spread rises in spring while new agents ramp up.
series(WH, 'self_service', 0.5, {
  org: '2025-01 28.5 2025-12 31 2026-06 36.2', 'team:frontline': '2025-01 17.5 2026-03 19 2026-06 23.4',
  'team:technical': '2025-01 9.5 2026-06 11.8', 'team:billing': '2025-01 12.5 2026-06 15.5',
});
series(WH, 'workload_spread', 0.012, {
  org: '2025-01 0.22 2025-12 0.23 2026-04 0.25 2026-06 0.23', 'team:frontline': '2025-01 0.19 2026-04 0.27 2026-06 0.22',
  'team:technical': '2025-01 0.31 2026-06 0.28', 'team:billing': '2025-01 0.17 2026-06 0.18',
});

// The status each goal is meant to show at asOf; the script fails when the data disagrees.
const DESIGN: Record<string, string> = {
  'frt-org': 'on-track', 'frt-frontline': 'at-risk', 'frt-jun': 'off-track', 'sla-p1-outage': 'on-track',
  'sla-p2-billing': 'on-track', 'sla-p3-q1': 'missed', 'csat-org': 'on-track', 'fcr-billing-q1': 'achieved',
  'nps-enterprise': 'at-risk', 'ces-phone-pilot': 'not-started', 'self-service-org': 'on-track',
  'kb-deflect-frontline': 'on-track', 'kb-deflect-aisha': 'no-data', 'workload-spread': 'on-track',
};

// ---- Strategy, read (never written) to know the asOf, the goals and the KPIs' units.
const all: any[] = readdirSync(join(root, 'strategy'), { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.yaml'))
  .flatMap((f) => parseAllDocuments(readFileSync(join(root, 'strategy', f), 'utf8')).map((d) => d.toJS()));
const workspace = all.find((d) => d.kind === 'Workspace');
const kpis = new Map<string, any>(all.filter((d) => d.kind === 'KPI').map((k) => [k.id, k]));
const goals = all.filter((d) => d.kind === 'Goal');
const asOf: string = workspace.asOf;
const key = (kpi: string, scope: string): string => `${kpi}@${scope}`;
const goalSeries = new Set(goals.map((g) => key(g.kpi, g.scope ?? 'org')));

// ---- Periods: every one that ends by asOf, from 2025-W01, 2025-01 and 2025-Q1 (calendar
// quarters: fiscalYearStart is 1). Day 0 (1970-01-01) was a Thursday, so Sundays are 3 mod 7;
// an ISO week takes its Thursday's year.
function periods(grain: Grain): { label: string; end: number }[] {
  const out: { label: string; end: number }[] = [];
  for (let d = day('2025-01-01'); d <= day(asOf); d++) {
    const [date, thursday, monthEnd] = [iso(d), iso(d - 3), iso(d + 1).endsWith('-01')];
    const [year, month] = [date.slice(0, 4), +date.slice(5, 7)];
    if (grain === 'week' && d % 7 === 3) {
      const week = Math.floor((d - 3 - day(`${thursday.slice(0, 4)}-01-01`)) / 7) + 1;
      out.push({ label: `${thursday.slice(0, 4)}-W${String(week).padStart(2, '0')}`, end: d });
    } else if (grain === 'month' && monthEnd) out.push({ label: date.slice(0, 7), end: d });
    else if (grain === 'quarter' && monthEnd && month % 3 === 0) out.push({ label: `${year}-Q${month / 3}`, end: d });
  }
  return out;
}

// ---- Seeded noise: mulberry32 and Box-Muller.
let seed = 20260630;
function uniform(): number {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const gauss = (): number => Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform());
function trend(knots: Knot[], d: number): number {
  const i = knots.findIndex(([date]) => day(date) >= d);
  if (i <= 0) return i === 0 ? knots[0]![1] : knots[knots.length - 1]![1];
  const [[d0, v0], [d1, v1]] = [knots[i - 1]!, knots[i]!];
  return v0 + ((v1 - v0) * (d - day(d0))) / (day(d1) - day(d0));
}
// Decimal places as the source systems export them.
const PLACES: Record<string, number> = { frt: 2, ces: 2, workload_spread: 2, nps: 0, ticket_volume: 0 };
function value(spec: Spec, end: number, pinned: boolean): number {
  const kpi = kpis.get(spec.kpi);
  let v = pinned ? spec.knots[spec.knots.length - 1]![1] : trend(spec.knots, end);
  if (spec.kpi === 'ticket_volume') {
    v *= SEASON[+iso(end).slice(5, 7) - 1]!;
    v += Math.max(spec.sd * v, Math.sqrt(v)) * gauss();
  } else if (!pinned) v += spec.sd * gauss();
  const range = kpi.unit === 'percent' ? { min: 0, max: 100 } : (kpi.range ?? {});
  v = Math.min(range.max ?? Infinity, Math.max(range.min ?? -Infinity, v));
  return Number(v.toFixed(PLACES[spec.kpi] ?? 1));
}

// ---- Generate: (kpi, scope) -> points; every series has one grain (metric-granularity) and
// one value per period (metric-conflict), by construction.
const points = new Map<string, { label: string; end: number; value: number }[]>();
for (const spec of specs) {
  const ps = periods(FILES[spec.file]!.grain).filter((p) => p.end >= day(spec.knots[0]![0]));
  const pin = goalSeries.has(key(spec.kpi, spec.scope));
  if (points.has(key(spec.kpi, spec.scope))) throw new Error(`two specs for ${key(spec.kpi, spec.scope)}`);
  points.set(key(spec.kpi, spec.scope), ps.map((p, i) => ({ ...p, value: value(spec, p.end, pin && i === ps.length - 1) })));
}
for (const [file, { shape }] of Object.entries(FILES)) {
  const mine = specs.filter((s) => s.file === file);
  const cols = shape === 'long' ? [] : [...new Set(mine.map((s) => s.kpi))];
  const rows = new Map<string, string[]>(); // row start -> the KPI cells (wide) or none (long)
  for (const s of mine) for (const p of points.get(key(s.kpi, s.scope))!) {
    const row = shape === 'long' ? `${p.label},${s.kpi},${s.scope},${p.value}` : `${p.label},${s.scope}`;
    if (!rows.has(row)) rows.set(row, cols.map(() => ''));
    if (shape === 'wide') rows.get(row)![cols.indexOf(s.kpi)] = String(p.value);
  }
  // Sorted period by period, as an export lists them. An empty wide cell is a missing value,
  // never zero: the phone channel has no CSAT before the pilot, segments have no CES.
  const header = shape === 'long' ? 'period,kpi,scope,value' : ['period', 'scope', ...cols].join(',');
  const lines = [header, ...[...rows].map(([row, cells]) => [row, ...cells].join(',')).sort()];
  mkdirSync(dirname(join(root, 'data', file)), { recursive: true });
  writeFileSync(join(root, 'data', file), lines.join('\n') + '\n');
  console.log(`data/${file}: ${lines.length - 1} rows`);
}

// ---- Check the design by FORMAT.md section 5 (independently of src/compute/).
const [A, tol] = [day(asOf), (workspace.tolerance ?? 10) / 100];
const seen = new Set<string>();
console.log(`\nstatus at ${asOf}\n${'goal'.padEnd(22)}${'current'.padStart(8)}${'attain'.padStart(8)}${'expect'.padStart(8)}  status`);
for (const g of goals) {
  const meets = (v: number): boolean => (kpis.get(g.kpi).direction === 'increase' ? v >= g.target.value : v <= g.target.value);
  const pts = (points.get(key(g.kpi, g.scope ?? 'org')) ?? []).filter((p) => p.end <= A);
  const current = pts.length ? pts[pts.length - 1]!.value : null;
  const [S, D] = [day(g.start ?? g.baseline.date), day(g.target.date)];
  let [status, attainment, expected]: [string, number | null, number | null] = ['', null, null];
  if (A < S) status = 'not-started';
  else if (current === null) {
    if (goals.some((c) => c.parent === g.id)) throw new Error(`${g.id}: a parent without data would be rolled up`);
    status = 'no-data';
  } else if (g.type === 'maintain') {
    const allMet = pts.filter((p) => p.end >= S && p.end <= D).every((p) => meets(p.value));
    status = A > D ? (allMet ? 'achieved' : 'missed') : meets(current) ? 'on-track' : 'off-track';
  } else {
    const [b, t] = [g.baseline.value, g.target.value];
    const path: Knot[] = [[iso(S), b], ...(g.milestones ?? []).map((m: any) => [m.date, m.value] as Knot), [g.target.date, t]];
    expected = (trend(path, A) - b) / (t - b);
    attainment = (current - b) / (t - b);
    status = meets(current) ? 'achieved' : A > D ? 'missed'
      : attainment >= expected - tol ? 'on-track' : attainment >= expected - 2 * tol ? 'at-risk' : 'off-track';
  }
  const fmt = (n: number | null): string => (n === null ? '-' : n.toFixed(3)).padStart(8);
  console.log(`${g.id.padEnd(22)}${String(current ?? '-').padStart(8)}${fmt(attainment)}${fmt(expected)}  ${status}`);
  if (status !== DESIGN[g.id]) throw new Error(`${g.id}: designed ${DESIGN[g.id]}, computed ${status}`);
  seen.add(status);
}
const missing = ['achieved', 'on-track', 'at-risk', 'off-track', 'missed', 'not-started', 'no-data'].filter((s) => !seen.has(s));
if (missing.length) throw new Error(`statuses not shown: ${missing.join(', ')}`);
console.log('\nevery status appears');
