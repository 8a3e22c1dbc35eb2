// Writes a synthetic help-desk workspace for the tickets benchmark: a Zendesk-shaped ticket
// export (17 columns, as a full export has more than a KPI needs) over two years, 12 teams
// and 150 agents, with business-hour SLA policies and six KPIs computed from it. Deterministic:
// a seeded generator and fixed dates, so the same size gives the same file.
import { createWriteStream, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const TICKET_HEADER = [
  'Id', 'Status', 'Created at', 'Solved at', 'First reply time in minutes', 'First reply time in minutes within business hours',
  'Full resolution time in minutes', 'Full resolution time in minutes within business hours', 'Priority', 'Ticket type', 'Group',
  'Assignee', 'Via', 'Organization', 'Satisfaction Score', 'Reopens', 'Replies',
];

const TEAMS = Array.from({ length: 12 }, (_, i) => `team-${String(i + 1).padStart(2, '0')}`);
const AGENTS = Array.from({ length: 150 }, (_, i) => `Agent ${String(i + 1).padStart(3, '0')}`);
const VIAS = ['Mail', 'Web Widget', 'Web form', 'Phone call (incoming)', 'API'];
const SEGMENTS = ['Solo', 'Growth', 'Enterprise'];
const PRIORITIES = ['urgent', 'high', 'normal', 'normal', 'low'];
const TYPES = ['incident', 'problem', 'question', 'question', 'task'];
const START = Date.UTC(2025, 0, 1);
const DAYS = 730;

/** Mulberry32: small, fast and good enough for synthetic data. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// In UTC with its offset, as an export set to UTC writes it: a local time would skip or repeat an hour at the clock changes.
const stamp = (ms: number) => `${new Date(ms).toISOString().slice(0, 19)}Z`;

function strategy(): string {
  const teams = TEAMS.map((id, i) => `  - { id: ${id}, name: Team ${i + 1}${i >= 4 ? `, parent: ${TEAMS[i % 4]}` : ''} }`).join('\n');
  const people = AGENTS.map((name, i) => `  - { id: agent-${String(i + 1).padStart(3, '0')}, name: ${name}, team: ${TEAMS[i % TEAMS.length]} }`).join('\n');
  const kpi = (id: string, unit: string, direction: string, tickets: string) => `---\nkind: KPI\nid: ${id}\nname: ${id}\nunit: ${unit}\ndirection: ${direction}\ntickets: { ${tickets} }\n`;
  const policy = (id: string, priority: number, when: string, first: string, resolution: string) =>
    `---\nkind: SLAPolicy\nid: ${id}\nname: ${id}\npriority: ${priority}\nwhen: { priority: ${when} }\nfirstResponse: ${first}\nresolution: ${resolution}\nclock: business\ntarget: 90\n`;
  return [
    `kind: Workspace\nid: bench-tickets\nname: Tickets benchmark\nasOf: 2026-12-31\ntimezone: Europe/Berlin\nschedule: office\nteams:\n${teams}\npeople:\n${people}\nsegments:\n${SEGMENTS.map((s) => `  - { id: ${s.toLowerCase()}, name: ${s} }`).join('\n')}\n`,
    '---\nkind: Schedule\nid: office\ntimezone: Europe/Berlin\nhours:\n  mon: ["08:00-12:30", "13:30-18:00"]\n  tue: ["08:00-18:00"]\n  wed: ["08:00-18:00"]\n  thu: ["08:00-18:00"]\n  fri: ["08:00-16:00"]\nholidays: [2025-12-25, 2025-12-26, 2026-01-01, 2026-12-25]\n',
    '---\nkind: TicketSource\nid: zendesk\nfiles: tickets/*.csv\npreset: zendesk\ncolumns: { segment: Organization }\nmap:\n  channel: { Mail: email, "Web Widget": chat, "Web form": email, "Phone call (incoming)": phone, API: email }\n',
    ...['email', 'chat', 'phone'].map((id) => `---\nkind: Channel\nid: ${id}\nname: ${id}\nrole: core\nsla: [p1, p2, p3]\n`),
    policy('p1', 1, '[urgent, high]', '1h', '8h'),
    policy('p2', 2, 'normal', '4h', '24h'),
    policy('p3', 3, 'low', '8h', '3d'),
    kpi('volume', 'count', 'decrease', 'measure: volume'),
    kpi('frt', 'hours', 'decrease', 'measure: first-reply, clock: business'),
    kpi('resolution_p90', 'hours', 'decrease', 'measure: resolution, statistic: p90'),
    kpi('one_touch', 'percent', 'increase', 'measure: one-touch'),
    kpi('csat', 'percent', 'increase', 'measure: csat, period: month'),
    kpi('sla', 'percent', 'increase', 'measure: sla-adherence'),
  ].join('');
}

/** Writes the workspace at `root` with `tickets` tickets; resolves to the export's path. */
export async function generateTicketWorkspace(root: string, tickets: number, seed = 7): Promise<string> {
  rmSync(root, { recursive: true, force: true });
  mkdirSync(path.join(root, 'strategy'), { recursive: true });
  mkdirSync(path.join(root, 'data', 'tickets'), { recursive: true });
  writeFileSync(path.join(root, 'strategy', 'workspace.yaml'), strategy());
  const file = path.join(root, 'data', 'tickets', 'export.csv');
  const out = createWriteStream(file);
  const next = random(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  let chunk = `${TICKET_HEADER.join(',')}\n`;
  for (let i = 0; i < tickets; i++) {
    const created = START + Math.floor((i / tickets) * DAYS * 864e5 + next() * 36e5);
    const firstReply = Math.round(5 + next() * next() * 1800);
    const open = next() < 0.04;
    const resolution = open ? null : firstReply + Math.round(next() * next() * 6000);
    const rating = next();
    const row = [
      100000 + i,
      open ? 'Open' : 'Solved',
      stamp(created),
      resolution === null ? '' : stamp(created + resolution * 6e4),
      firstReply,
      Math.round(firstReply * 0.45),
      resolution ?? '',
      resolution === null ? '' : Math.round(resolution * 0.4),
      pick(PRIORITIES),
      pick(TYPES),
      pick(TEAMS),
      pick(AGENTS),
      pick(VIAS),
      pick(SEGMENTS),
      rating < 0.6 ? 'Offered' : rating < 0.93 ? 'Good' : 'Bad',
      next() < 0.08 ? 1 : 0,
      1 + Math.floor(next() * next() * 5),
    ];
    chunk += `${row.join(',')}\n`;
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
      chunk = '';
    }
  }
  out.write(chunk);
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
  return file;
}
