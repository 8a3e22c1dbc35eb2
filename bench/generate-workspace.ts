// Writes a large synthetic workspace (N goals cascaded org -> team -> person) for the
// benchmarks. Deterministic: the same N gives the same files.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface GeneratedWorkspace {
  root: string;
  goals: number;
  files: number;
}

const KPIS = [
  ['frt', 'hours', 'decrease', 8, 4],
  ['art', 'hours', 'decrease', 30, 20],
  ['fcr', 'percent', 'increase', 60, 75],
  ['csat', 'percent', 'increase', 80, 90],
  ['reopen_rate', 'percent', 'decrease', 12, 8],
  ['sla_adherence', 'percent', 'increase', 85, 95],
] as const;

export interface WorkspaceShape {
  goalsPerFile?: number;
  /** KPIs defined; goals use the first six kinds of KPI, the rest only make the strategy larger. */
  kpis?: number;
  people?: number;
}

/** The KPI definitions: the six templates first, then numbered variants of them up to `count`. */
function kpiDefinitions(count: number): (typeof KPIS)[number][] {
  return Array.from({ length: Math.max(count, KPIS.length) }, (_, i) => {
    const template = KPIS[i % KPIS.length]!;
    return i < KPIS.length ? template : ([`${template[0]}_${i}`, template[1], template[2], template[3], template[4]] as unknown as (typeof KPIS)[number]);
  });
}

export function generateWorkspace(root: string, goalCount = 1000, { goalsPerFile = 20, kpis = KPIS.length, people: peopleCount = 50 }: WorkspaceShape = {}): GeneratedWorkspace {
  rmSync(root, { recursive: true, force: true });
  mkdirSync(path.join(root, 'strategy', 'goals'), { recursive: true });
  const teams = Array.from({ length: 10 }, (_, i) => `team-${i}`);
  const people = Array.from({ length: peopleCount }, (_, i) => `person-${i}`);
  const workspace = [
    'kind: Workspace',
    'id: bench',
    'name: Benchmark Support',
    'asOf: 2026-06-30',
    'teams:',
    '  - { id: org, name: Organisation, lead: person-0 }',
    ...teams.map((t, i) => `  - { id: ${t}, name: Team ${i}, parent: org, lead: person-${i} }`),
    'people:',
    ...people.map((p, i) => `  - { id: ${p}, name: Person ${i}, team: team-${i % 10}, role: Agent }`),
  ].join('\n');
  writeFileSync(path.join(root, 'strategy', 'workspace.yaml'), `${workspace}\n`);
  writeFileSync(
    path.join(root, 'strategy', 'kpis.yaml'),
    kpiDefinitions(kpis).map(([id, unit, direction]) => `kind: KPI\nid: ${id}\nname: ${id.toUpperCase()}\nunit: ${unit}\ndirection: ${direction}\n`).join('---\n'),
  );
  const objectives = Math.max(1, Math.round(goalCount / 50));
  writeFileSync(
    path.join(root, 'strategy', 'objectives.yaml'),
    Array.from({ length: objectives }, (_, i) => `kind: Objective\nid: objective-${i}\ntitle: Objective ${i}\nowner: person-${i % peopleCount}\n`).join('---\n'),
  );
  // One org goal in ten, three team goals under each, the rest under team goals as person goals.
  const goals: string[] = [];
  for (let i = 0; i < goalCount; i++) {
    const level = i % 10 === 0 ? 'org' : i % 10 <= 3 ? 'team' : 'person';
    const orgIndex = i - (i % 10);
    const relation = level === 'org' ? `objective: objective-${(i / 10) % objectives | 0}` : level === 'team' ? `parent: goal-${orgIndex}` : `parent: goal-${orgIndex + 1 + (i % 3)}`;
    const scope = level === 'org' ? 'org' : level === 'team' ? `team:team-${i % 10}` : `person:person-${i % peopleCount}`;
    // A cascade shares its KPI, so child goals measure what their parent measures.
    const [goalKpi, , , b, t] = KPIS[(orgIndex / 10) % KPIS.length]!;
    goals.push(
      [
        'kind: Goal',
        `id: goal-${i}`,
        `title: Goal ${i} moves ${goalKpi} from ${b} to ${t}`,
        relation,
        `owner: person-${i % peopleCount}`,
        `kpi: ${goalKpi}`,
        `scope: ${scope}`,
        `baseline: { value: ${b}, date: 2026-01-01 }`,
        `target: { value: ${t}, date: 2026-12-31 }`,
        'milestones:',
        `  - { date: 2026-06-30, value: ${(b + t) / 2} }`,
        'achievable: Benchmark goal.',
        '',
      ].join('\n'),
    );
  }
  let files = 3;
  for (let start = 0; start < goals.length; start += goalsPerFile) {
    writeFileSync(path.join(root, 'strategy', 'goals', `goals-${String(start / goalsPerFile).padStart(3, '0')}.yaml`), goals.slice(start, start + goalsPerFile).join('---\n'));
    files++;
  }
  return { root, goals: goalCount, files };
}
