// Generates the example workspace's data/ (Tidewell): the Zendesk ticket export from which
// first response, resolution, one-touch, reopen, CSAT, volume and SLA adherence are computed
// (generate-example-tickets.ts), and the metric CSVs of what a ticket export does not carry
// (handling time, CES, NPS, self-service, workload spread). Then it runs Goalpost's own
// pipeline on the workspace and fails unless `check --strict` would be clean and every goal
// shows the status designed for it below, so that the example shows every status.
//
//   node scripts/generate-example-data.ts     (DEBUG=1 also prints every weekly first-reply median)
//
// Deterministic: seeded PRNG streams and fixed dates only (no Math.random, no clock), so
// re-running it reproduces the committed files byte for byte. A metric series is a
// piecewise-linear trend through hand-picked knots plus Gaussian noise; a goal's own series ends
// exactly on its last knot, since the asOf value decides the status.
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { nodeFileSystem } from '../src/effects.ts';
import { runPipeline } from '../src/pipeline.ts';
import { randomStream, trendAt, type Knot } from './generate-example-random.ts';
import { EXPORT_FROM, EXPORT_TO, generateTickets } from './generate-example-tickets.ts';

const root = new URL('..', import.meta.url).pathname;
const TICKET_FILE = `zendesk/tickets-${EXPORT_FROM}-to-${EXPORT_TO}.csv`;
const MAX_DATA_BYTES = 8 * 1024 * 1024;
type Grain = 'week' | 'month' | 'quarter';

// ---- Dates, as UTC day numbers (arithmetic only, never the clock).
const day = (iso: string): number => Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / 864e5;
const iso = (d: number): string => new Date(d * 864e5).toISOString().slice(0, 10);

// One file per source system, as they would be exported. Both CSV shapes appear: the help
// desk's time tracking exports one value a row (long); the survey tool and warehouse one
// column per KPI (wide).
const FILES: Record<string, { grain: Grain; shape: 'long' | 'wide' }> = {
  'helpdesk/handling-time.csv': { grain: 'week', shape: 'long' },
  'surveys/monthly.csv': { grain: 'month', shape: 'wide' },
  'surveys/nps-quarterly.csv': { grain: 'quarter', shape: 'wide' }, // sent once a quarter (kpis.yaml)
  'warehouse/monthly.csv': { grain: 'month', shape: 'wide' },
};
const [HD, SV, WH] = ['helpdesk/handling-time.csv', 'surveys/monthly.csv', 'warehouse/monthly.csv'];

// A series is written as "YYYY-MM value" knots: the value at the end of that month, except the
// first knot, which is dated the 1st and starts the series (the phone pilot opened in January
// 2026). Every series runs to the last period ending on or before asOf, so no goal's data is
// stale. `sd` is the noise's standard deviation in the KPI's unit.
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

// ---- Help desk time tracking, weekly.
series(HD, 'aht', 0.5, {
  org: '2025-01 13.8 2025-10 14.9 2026-06 13.2', 'team:frontline': '2025-01 9.6 2025-10 10.4 2026-06 9.1',
  'team:technical': '2025-01 31 2026-06 28.5', 'team:billing': '2025-01 17.5 2026-01 18 2026-06 15.2',
});

// ---- Surveys, monthly (CES) and quarterly (NPS); noisier where few answer (segments, phone).
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
// sla-p3-q1 and fcr-billing-q1 are past due, so they are judged on their value at the due date
// (FORMAT.md 1.1): P3 stalled below 90 % in March, billing one-touch reached 74 % by then.
const DESIGN: Record<string, string> = {
  'frt-org': 'on-track', 'frt-frontline': 'at-risk', 'frt-jun': 'off-track', 'sla-p1-outage': 'on-track',
  'sla-p2-billing': 'on-track', 'sla-p3-q1': 'missed', 'csat-org': 'on-track', 'fcr-billing-q1': 'achieved',
  'nps-enterprise': 'at-risk', 'ces-phone-pilot': 'not-started', 'self-service-org': 'on-track',
  'kb-deflect-frontline': 'on-track', 'kb-deflect-aisha': 'no-data', 'workload-spread': 'on-track',
};

// ---- Strategy, read (never written) to know the asOf, the goals, the KPIs' units, the people
// and the business hours.
const all: any[] = readdirSync(join(root, 'strategy'), { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.yaml'))
  .sort()
  .flatMap((f) => parseAllDocuments(readFileSync(join(root, 'strategy', f), 'utf8')).map((d) => d.toJS()));
const workspace = all.find((d) => d.kind === 'Workspace');
const kpis = new Map<string, any>(all.filter((d) => d.kind === 'KPI').map((k) => [k.id, k]));
const goals = all.filter((d) => d.kind === 'Goal');
const asOf: string = workspace.asOf;
const goalSeries = new Set(goals.map((g) => `${g.kpi}@${g.scope ?? 'org'}`));
for (const spec of specs) if (kpis.get(spec.kpi)?.tickets) throw new Error(`${spec.kpi} is computed from tickets; a CSV row for it is kpi-computed`);

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

// Decimal places as the source systems export them.
const PLACES: Record<string, number> = { ces: 2, workload_spread: 2, nps: 0 };
function value(spec: Spec, end: number, pinned: boolean, gauss: () => number): number {
  const kpi = kpis.get(spec.kpi);
  let v = pinned ? spec.knots[spec.knots.length - 1]![1] : trendAt(spec.knots, end, day) + spec.sd * gauss();
  const range = kpi.unit === 'percent' ? { min: 0, max: 100 } : (kpi.range ?? {});
  v = Math.min(range.max ?? Infinity, Math.max(range.min ?? -Infinity, v));
  return Number(v.toFixed(PLACES[spec.kpi] ?? 1));
}

// ---- Write data/ from scratch: a file this script no longer makes must not linger there.
rmSync(join(root, 'data'), { recursive: true, force: true });
const write = (file: string, text: string): void => {
  mkdirSync(dirname(join(root, 'data', file)), { recursive: true });
  writeFileSync(join(root, 'data', file), text);
};

// Metric CSVs: (kpi, scope) -> points; every series has one grain (metric-granularity) and one
// value per period (metric-conflict), by construction.
const points = new Map<string, { label: string; end: number; value: number }[]>();
for (const spec of specs) {
  const key = `${spec.kpi}@${spec.scope}`;
  const ps = periods(FILES[spec.file]!.grain).filter((p) => p.end >= day(spec.knots[0]![0]));
  const { gauss } = randomStream(`series:${key}`);
  if (points.has(key)) throw new Error(`two specs for ${key}`);
  points.set(key, ps.map((p, i) => ({ ...p, value: value(spec, p.end, goalSeries.has(key) && i === ps.length - 1, gauss) })));
}
for (const [file, { shape }] of Object.entries(FILES)) {
  const mine = specs.filter((s) => s.file === file);
  const cols = shape === 'long' ? [] : [...new Set(mine.map((s) => s.kpi))];
  const rows = new Map<string, string[]>(); // row start -> the KPI cells (wide) or none (long)
  for (const s of mine) for (const p of points.get(`${s.kpi}@${s.scope}`)!) {
    const row = shape === 'long' ? `${p.label},${s.kpi},${s.scope},${p.value}` : `${p.label},${s.scope}`;
    if (!rows.has(row)) rows.set(row, cols.map(() => ''));
    if (shape === 'wide') rows.get(row)![cols.indexOf(s.kpi)] = String(p.value);
  }
  // Sorted period by period, as an export lists them. An empty wide cell is a missing value,
  // never zero: the phone channel has no CES before the pilot.
  const header = shape === 'long' ? 'period,kpi,scope,value' : ['period', 'scope', ...cols].join(',');
  const lines = [header, ...[...rows].map(([row, cells]) => [row, ...cells].join(',')).sort()];
  write(file, lines.join('\n') + '\n');
  console.log(`data/${file}: ${lines.length - 1} rows`);
}

// The ticket export.
const schedule = all.find((d) => d.kind === 'Schedule' && d.id === workspace.schedule);
const tickets = generateTickets({ people: workspace.people, schedule: { hours: schedule.hours, holidays: (schedule.holidays ?? []).map(String) } });
write(TICKET_FILE, tickets.csv);
console.log(`data/${TICKET_FILE}: ${tickets.count} tickets\n${tickets.summary.map((line) => `  ${line}`).join('\n')}`);

const bytes = readdirSync(join(root, 'data'), { recursive: true, encoding: 'utf8' })
  .map((f) => statSync(join(root, 'data', f)))
  .reduce((sum, s) => sum + (s.isFile() ? s.size : 0), 0);
console.log(`data/: ${(bytes / 1024 / 1024).toFixed(2)} MB`);
if (bytes >= MAX_DATA_BYTES) throw new Error(`data/ is ${bytes} bytes; keep it under 8 MB`);

// ---- Check the design with Goalpost's own pipeline, as `check --strict` and `status` run it.
const result = await runPipeline(nodeFileSystem, { root, today: () => asOf });
for (const d of result.diagnostics) console.log(`${d.severity} ${d.code} ${d.file}:${d.line}:${d.column} ${d.message}`);
const fmt = (n: number | null, places = 3): string => (n === null ? '-' : n.toFixed(places));
console.log(`\nstatus at ${result.asOf}\n${'goal'.padEnd(22)}${'current'.padStart(9)}${'due'.padStart(9)}${'attain'.padStart(8)}${'expect'.padStart(8)}  status`);
const failures: string[] = [];
const seen = new Set<string>();
for (const g of result.progress!.goals) {
  console.log(`${g.id.padEnd(22)}${fmt(g.current, 2).padStart(9)}${fmt(g.dueValue, 2).padStart(9)}${fmt(g.attainment).padStart(8)}${fmt(g.expected).padStart(8)}  ${g.status}`);
  if (g.status !== DESIGN[g.id]) failures.push(`${g.id}: designed ${DESIGN[g.id]}, computed ${g.status}`);
  seen.add(g.status);
}
const missing = ['achieved', 'on-track', 'at-risk', 'off-track', 'missed', 'not-started', 'no-data'].filter((s) => !seen.has(s));
if (missing.length) failures.push(`statuses not shown: ${missing.join(', ')}`);
if (result.diagnostics.length) failures.push(`check --strict would report ${result.diagnostics.length} finding(s)`);
if (failures.length) {
  console.error(`\n${failures.join('\n')}`);
  process.exit(1);
}
console.log('\nevery status appears, and check --strict is clean');
