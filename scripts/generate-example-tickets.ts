// The example's help-desk export: Tidewell's Zendesk tickets from 2025-09-01 to the export
// taken at midnight after 2026-06-30, one row a ticket, in the columns of Zendesk's CSV export
// (TICKETS.md 7.1). Called by generate-example-data.ts, which writes the file and checks the
// statuses it gives through Goalpost's own pipeline.
//
// How a ticket is made: every figure is computed by Goalpost from the rows, so the rows are
// drawn around designed trends, the way scripts/generate-example-data.ts draws metric series:
// - arrivals: a weekly volume per team, a weekday and hour-of-day profile, seasons, a billing
//   spike on the first working day of each month (payouts), and outages that bring bursts of
//   urgent incident tickets at any hour;
// - the time to a first reply is drawn around each team's designed weekly median, scaled by
//   the agent's speed and the channel's, and the team's scale is fitted week by week so that
//   the median Goalpost computes is the designed one;
// - the solve follows the reply at once, or after the customer answers and an agent works
//   again, within the team's staffed hours (frontline's late shift to 23:00 from March 2026,
//   Saturday mornings from January); SLA outcomes (computed here as TICKETS.md 7.3 says) are
//   then moved to each policy's designed monthly adherence by lengthening or shortening
//   resolutions;
// - one-touch, reopens and CSAT ratings are handed out per team and week (per channel and
//   month for CSAT) to designed shares, the quickest tickets getting the one-touch solves and
//   the slowest the bad ratings.
// Zendesk's business-hours minutes are computed in the strategy's Schedule, as Zendesk would
// with the same hours set up.
import { clocksChange, DAY_MINUTES, dayOf, formatLocal, type Hours, instantOf, isoOf, localOf, OpenTime, weekdayOf } from './generate-example-clock.ts';
import { type Knot, randomStream, trendAt } from './generate-example-random.ts';

export const EXPORT_FROM = '2025-09-01'; // a Monday, so the first week and month are whole
export const EXPORT_TO = '2026-06-30';

type Team = 'frontline' | 'technical' | 'billing';
type Policy = 'p1-outage' | 'p2-billing' | 'p3-general';
const TEAMS: readonly Team[] = ['frontline', 'technical', 'billing'];

/** As the help desk writes them: Group names, Via values and Organizations. */
const GROUP: Record<Team, string> = { frontline: 'Frontline', technical: 'Technical Support', billing: 'Billing & Payouts' };
const ORGANIZATION = { solo: 'Starter plan', 'multi-site': 'Growth plan', enterprise: 'Enterprise plan', none: '' } as const;
type Segment = keyof typeof ORGANIZATION;

export interface ExampleStrategy {
  people: readonly { id: string; name: string; team?: string }[];
  schedule: { hours: Partial<Record<string, readonly string[]>>; holidays: readonly string[] };
}

// ---- Who answers tickets. `capacity` is a share of a full queue; `speed` multiplies the
// team's time to a first reply (below 1 is quicker), by date. Jun joined in January 2026 and is still slow on
// calendar-sync questions; Noor and Bartosz are the two second-quarter hires (the third did
// not start), ramping up from May and June.
interface Agent { capacity: Knot[]; speed: Knot[]; from?: string }
const AGENTS: Record<string, Agent> = {
  tomas: { capacity: [['2025-09-01', 0.35]], speed: [['2025-09-01', 0.85]] },
  aisha: { capacity: [['2025-09-01', 1.1]], speed: [['2025-09-01', 0.75]] },
  jun: { from: '2026-01-05', capacity: [['2026-01-05', 0.5], ['2026-03-31', 0.9]], speed: [['2026-01-05', 1.45], ['2026-03-31', 1.12], ['2026-06-30', 1.2]] },
  marta: { capacity: [['2025-09-01', 1]], speed: [['2025-09-01', 0.9]] },
  daan: { capacity: [['2025-09-01', 1]], speed: [['2025-09-01', 1.05]] },
  sanne: { capacity: [['2025-09-01', 0.8]], speed: [['2025-09-01', 0.95]] },
  piotr: { capacity: [['2025-09-01', 1]], speed: [['2025-09-01', 1.1]] },
  fatima: { capacity: [['2025-09-01', 1]], speed: [['2025-09-01', 1]] },
  lucas: { capacity: [['2025-09-01', 1]], speed: [['2025-09-01', 1]] },
  noor: { from: '2026-05-04', capacity: [['2026-05-04', 0.4], ['2026-06-30', 0.8]], speed: [['2026-05-04', 1.7], ['2026-06-30', 1.3]] },
  bartosz: { from: '2026-06-01', capacity: [['2026-06-01', 0.4], ['2026-06-30', 0.6]], speed: [['2026-06-01', 1.8], ['2026-06-30', 1.55]] },
  ingrid: { capacity: [['2025-09-01', 0.4]], speed: [['2025-09-01', 0.9]] },
  sofia: { capacity: [['2025-09-01', 1]], speed: [['2025-09-01', 0.85]] },
  mateusz: { capacity: [['2025-09-01', 1]], speed: [['2025-09-01', 1]] },
  eva: { capacity: [['2025-09-01', 1]], speed: [['2025-09-01', 1.1]] },
  kwame: { capacity: [['2025-09-01', 0.4]], speed: [['2025-09-01', 0.9]] },
  rory: { capacity: [['2025-09-01', 1]], speed: [['2025-09-01', 0.9]] },
  agnieszka: { capacity: [['2025-09-01', 1]], speed: [['2025-09-01', 1.05]] },
};

// ---- Volumes: new tickets a week per team before the season, and the season by month.
const WEEKLY: Record<Team, Knot[]> = {
  frontline: [['2025-09-01', 760], ['2026-06-30', 830]],
  technical: [['2025-09-01', 92], ['2026-06-30', 100]],
  billing: [['2025-09-01', 158], ['2026-06-30', 172]],
};
const SEASON = [1.06, 1.02, 1, 1, 0.98, 0.96, 0.9, 0.88, 1.01, 1.02, 1, 0.86];
// The October 2025 calendar redesign brought a wave of how-to questions.
const REDESIGN: Knot[] = [['2025-10-05', 1], ['2025-10-12', 1.12], ['2025-11-16', 1]];
const WEEKDAY = [1.2, 1.05, 1, 1, 0.95, 1, 0.45]; // salons and studios are busy on Saturdays
// Arrivals by hour of the day: front desks write to frontline around their own opening hours,
// evenings included; owners deal with billing and integrations in office hours.
const HOUR: Record<Team, number[]> = {
  frontline: [0.3, 0.15, 0.1, 0.1, 0.1, 0.2, 0.8, 2.5, 5, 6.5, 6.5, 6, 5.5, 5.5, 6, 6, 5.5, 5, 4.5, 4.5, 4, 3, 2, 0.8],
  technical: [0.2, 0.1, 0.1, 0.1, 0.1, 0.3, 1, 3, 6, 8, 8, 7, 6, 6, 7, 7, 6, 5, 4, 3.5, 3, 2.5, 1.5, 0.6],
  billing: [0.2, 0.1, 0.1, 0.1, 0.1, 0.3, 1, 3, 6, 8, 8, 7, 6, 6, 7, 7, 6, 5, 4, 3.5, 3, 2.5, 1.5, 0.6],
};
const VIA: Record<Team, Record<string, number>> = {
  frontline: { Mail: 0.44, 'Web form': 0.12, Chat: 0.44 },
  technical: { Mail: 0.55, 'Web form': 0.25, Chat: 0.12, 'Phone call (inbound)': 0.08 },
  billing: { Mail: 0.65, 'Web form': 0.25, Chat: 0.1 },
};
const PHONE_FROM = '2026-01-05'; // the enterprise callback line pilot
const SEGMENTS: Record<Segment, number> = { solo: 0.55, 'multi-site': 0.33, enterprise: 0.1, none: 0.02 };
const TYPES: Record<Team, Record<string, number>> = {
  frontline: { Question: 0.9, Task: 0.1 },
  technical: { Question: 0.7, Task: 0.3 },
  billing: { Question: 0.55, Task: 0.45 },
};
const PRIORITY = { Normal: 0.74, High: 0.14, Low: 0.12 };

// ---- First replies: each team's weekly median (calendar hours, by the week of the reply) is
// designed, and every ticket's time to a first reply is drawn around it: the team's scale for
// the week times the agent's speed and the channel's, times a log-normal spread. The scale is
// fitted week by week so that the team's median is the designed one to the hundredth of an
// hour. Frontline's falls as the late shift (March 2026) and the new hires take the evening
// backlog; outages are answered on call within minutes and pull technical's median down.
interface Median { knots: Knot[]; sd: number; spread: number; pin?: string }
const FIRST_REPLY: Record<Team, Median> = {
  frontline: { knots: [['2025-09-07', 5.9], ['2025-10-12', 6.9], ['2025-12-28', 6.6], ['2026-03-01', 6.2], ['2026-03-29', 5.8], ['2026-06-28', 4.8]], sd: 0.12, spread: 0.85, pin: '2026-06-28' },
  technical: { knots: [['2025-09-07', 5.4], ['2025-10-19', 6.6], ['2026-06-28', 5.2]], sd: 0.3, spread: 0.85 },
  billing: { knots: [['2025-09-07', 1.1], ['2025-10-19', 1.2], ['2026-03-29', 1.1], ['2026-06-28', 0.8]], sd: 0.06, spread: 0.7 },
};
const CHANNEL_SPEED: Record<string, number> = { Mail: 1, 'Web form': 1, Chat: 0.5, 'Phone call (inbound)': 0.15 };
// Frontline's late shift (to 23:00, Tuesday to Friday) started in March 2026.
const LATE_SHIFT_FROM = '2026-03-03';
// After the reply: solved at once, or after the customer answers (calendar time) and an agent
// works again (staffed time; billing waits for finance's sign-off).
const SOLVED_AT_REPLY: Record<Team, number> = { frontline: 0.6, technical: 0.3, billing: 0.45 };
const WORK: Record<Team, number> = { frontline: 45, technical: 180, billing: 150 };
const CUSTOMER: Knot[] = [['2025-09-01', 15 * 60], ['2025-10-15', 18 * 60], ['2026-01-15', 16 * 60], ['2026-06-30', 12 * 60]];

// ---- Designed shares. SLA adherence by the month its outcome is decided; P3 stalled below
// 90 % at its March due date (missed) and P2 is on its way to 90 % by September.
const ADHERENCE: Record<Policy, Record<string, number>> = {
  'p1-outage': { '2025-09': 96.5, '2025-10': 94.7, '2025-11': 95.8, '2025-12': 96.3, '2026-01': 96.6, '2026-02': 97, '2026-03': 96.9, '2026-04': 97.3, '2026-05': 96.6, '2026-06': 97.5 },
  'p2-billing': { '2025-09': 80.5, '2025-10': 79.6, '2025-11': 80.4, '2025-12': 80.8, '2026-01': 80.9, '2026-02': 80.6, '2026-03': 81, '2026-04': 82.6, '2026-05': 84.1, '2026-06': 86.2 },
  'p3-general': { '2025-09': 83.6, '2025-10': 82.7, '2025-11': 83.1, '2025-12': 83, '2026-01': 84.7, '2026-02': 86.3, '2026-03': 88.6, '2026-04': 88.4, '2026-05': 88.1, '2026-06': 88 },
};
// One-touch and reopened shares (%) by team and week of the solve; `pin` weeks take the trend
// exactly (fcr-billing-q1 is judged on its week ending 2026-03-29). Billing specialists may
// approve refunds up to EUR 150 alone since January 2026.
interface Share { knots: Knot[]; sd: number; pin?: string[] }
const ONE_TOUCH: Record<Team, Share> = {
  frontline: { knots: [['2025-09-01', 76], ['2025-10-15', 74.5], ['2026-06-30', 77.5]], sd: 0.9 },
  technical: { knots: [['2025-09-01', 56.5], ['2026-06-30', 60]], sd: 1.5 },
  billing: { knots: [['2025-09-01', 66.5], ['2025-12-31', 68], ['2026-02-15', 71.5], ['2026-03-29', 75], ['2026-06-30', 75.4]], sd: 1, pin: ['2026-03-29'] },
};
const REOPENED: Record<Team, Share> = {
  frontline: { knots: [['2025-09-01', 5.8], ['2025-10-15', 7], ['2026-06-30', 5.4]], sd: 0.5 },
  technical: { knots: [['2025-09-01', 8.8], ['2026-06-30', 8.1]], sd: 1.2 },
  billing: { knots: [['2025-09-01', 7.1], ['2026-06-30', 5.8]], sd: 1 },
};
// CSAT (% good of rated tickets) by month of the solve; channels sit around the organisation.
const CSAT: Record<string, number> = { '2025-09': 88.7, '2025-10': 86, '2025-11': 85.6, '2025-12': 85.5, '2026-01': 85.9, '2026-02': 86.3, '2026-03': 86.6, '2026-04': 86.9, '2026-05': 87.2, '2026-06': 87.6 };
const CSAT_CHANNEL: Record<string, number> = { email: -1.6, chat: 2.8, phone: -6 };
const RATED: Record<string, number> = { email: 0.24, chat: 0.18, phone: 0.3 };
const channelOf = (via: string): string => (via === 'Chat' ? 'chat' : via.startsWith('Phone') ? 'phone' : 'email');

interface Ticket {
  id: number;
  created: number;
  team: Team;
  person: string;
  via: string;
  segment: Segment;
  type: string;
  priority: string;
  policy: Policy;
  /** The ticket's standard-normal draw for its wait, fixed while the scale is fitted. */
  z: number;
  reply: number | null;
  solved: number | null;
  replies: number;
  reopens: number;
  csat: string;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

const HOUR_WEIGHTS = Object.fromEntries(TEAMS.map((team) => [team, Object.fromEntries(HOUR[team].map((w, h) => [h, w]))])) as Record<Team, Record<string, number>>;
const weekOf = (day: number): number => Math.floor((day - 4) / 7); // weeks from Monday 1970-01-05
const monthOf = (day: number): string => isoOf(day).slice(0, 7);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const h = (sorted.length - 1) / 2;
  const low = sorted[Math.floor(h)]!;
  return low + (h - Math.floor(h)) * ((sorted[Math.floor(h) + 1] ?? low) - low);
}

function parseHours(list: readonly string[] | undefined): [number, number][] {
  return (list ?? []).map((text) => {
    const [a, b] = text.split('-').map((t) => +t.slice(0, 2) * 60 + +t.slice(3, 5)) as [number, number];
    return [a, b];
  });
}

export interface GeneratedTickets {
  csv: string;
  count: number;
  /** What the generator itself computes, printed beside the pipeline's figures. */
  summary: string[];
}

export function generateTickets(strategy: ExampleStrategy): GeneratedTickets {
  const [from, to] = [dayOf(EXPORT_FROM), dayOf(EXPORT_TO)];
  const exportAt = instantOf(to + 1, 0);
  const holidays = new Set(strategy.schedule.holidays.map(dayOf));
  const days = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => parseHours(strategy.schedule.hours[d]));
  const office: Hours = (day) => (holidays.has(day) ? [] : days[weekdayOf(day)]!);
  const schedule = new OpenTime(office);
  // Staffed hours, in which solves happen: frontline adds the late shift (to 23:00, Tuesday to
  // Friday) from March and Saturday mornings from January 2026; the other teams work office
  // hours. Outages are handled on call, 24/7.
  const saturdayShift = dayOf('2026-01-10');
  const staffed: Record<Team, OpenTime> = {
    frontline: new OpenTime((day) => {
      if (holidays.has(day)) return [];
      const weekday = weekdayOf(day);
      if (weekday < 5) return [[420, weekday > 0 && day >= dayOf(LATE_SHIFT_FROM) ? 1380 : 1140]];
      return weekday === 5 && day >= saturdayShift ? [[540, 780]] : [];
    }),
    technical: schedule,
    billing: schedule,
  };
  const people = new Map(strategy.people.map((p) => [p.id, p]));
  const rosterOf = (team: Team) => Object.keys(AGENTS).filter((id) => people.get(id)?.team === team);
  for (const id of Object.keys(AGENTS)) if (!people.has(id)) throw new Error(`agent ${id} is not in the Workspace's people`);

  // ---- Arrivals.
  const random = randomStream('tickets:arrivals');
  const tickets: Omit<Ticket, 'id'>[] = [];
  const assign = (team: Team, day: number): string => {
    const weights: Record<string, number> = {};
    for (const id of rosterOf(team)) {
      const agent = AGENTS[id]!;
      if (agent.from && day < dayOf(agent.from)) continue;
      weights[id] = trendAt(agent.capacity, day, dayOf);
    }
    return random.pick(weights);
  };
  const newTicket = (team: Team, created: number, fields: Partial<Ticket> = {}): Omit<Ticket, 'id'> => {
    const day = localOf(created).day;
    const picked = random.pick(VIA[team]);
    const via = picked.startsWith('Phone') && day < dayOf(PHONE_FROM) ? 'Mail' : picked;
    const phone = via.startsWith('Phone');
    return {
      created,
      team,
      person: assign(team, day),
      via,
      segment: phone ? 'enterprise' : random.pick(team === 'technical' ? { ...SEGMENTS, enterprise: 0.18 } : SEGMENTS),
      type: random.pick(TYPES[team]),
      priority: random.pick(PRIORITY),
      policy: team === 'billing' ? 'p2-billing' : 'p3-general',
      z: random.gauss(),
      reply: null,
      solved: null,
      replies: 0,
      reopens: 0,
      csat: 'Unoffered',
      ...fields,
    };
  };
  const closed = (day: number) => weekdayOf(day) >= 5 || holidays.has(day);
  const firstWorkingDayOfMonth = (day: number) => {
    if (closed(day)) return false;
    for (let d = dayOf(`${monthOf(day)}-01`); d < day; d++) if (!closed(d)) return false;
    return true;
  };
  for (let day = from; day <= to; day++) {
    const weekday = weekdayOf(day);
    const firstWorkingDay = firstWorkingDayOfMonth(day);
    for (const team of TEAMS) {
      let expected = (trendAt(WEEKLY[team], day, dayOf) * WEEKDAY[weekday]!) / WEEKDAY.reduce((a, b) => a + b, 0);
      expected *= SEASON[+isoOf(day).slice(5, 7) - 1]! * (holidays.has(day) ? 0.45 : 1);
      if (team === 'frontline') expected *= trendAt(REDESIGN, day, dayOf);
      if (team === 'billing' && firstWorkingDay) expected *= 3; // payouts
      const count = Math.max(0, Math.round(expected + Math.sqrt(expected) * random.gauss()));
      for (let i = 0; i < count; i++) {
        let minute: number;
        do minute = +random.pick(HOUR_WEIGHTS[team]) * 60 + random.int(0, 59);
        while (clocksChange(day) && minute >= 120 && minute < 180);
        tickets.push(newTicket(team, instantOf(day, minute)));
      }
    }
  }
  // Outages: three to five a month at any hour, each a burst of urgent incident tickets that
  // the on-call engineers answer. Each month's P1 breaches are chosen to its designed share.
  const outages = randomStream('tickets:outages');
  const p1: Omit<Ticket, 'id'>[] = [];
  for (let month = from; month <= to; month = dayOf(`${isoOf(month + 32).slice(0, 7)}-01`)) {
    const end = Math.min(to + 1, dayOf(`${isoOf(month + 32).slice(0, 7)}-01`));
    const mine: Omit<Ticket, 'id'>[] = [];
    for (let o = outages.int(3, 5); o > 0; o--) {
      const start = instantOf(month, 0) + Math.floor(outages.uniform() * (end - month) * DAY_MINUTES);
      const fixedAfter = outages.int(45, 200);
      for (let n = outages.int(8, 22); n > 0; n--) {
        let created = start + Math.min(300, Math.round(-45 * Math.log(1 - outages.uniform())));
        if (clocksChange(localOf(created).day) && localOf(created).minute >= 120 && localOf(created).minute < 180) created += 60;
        if (created >= exportAt) continue;
        const ticket = newTicket('technical', created, { type: 'Incident', priority: outages.uniform() < 0.8 ? 'Urgent' : 'High', policy: 'p1-outage' });
        const firstReply = outages.int(3, 28);
        ticket.reply = created + firstReply;
        ticket.solved = created + Math.min(235, Math.max(firstReply + 5, fixedAfter + outages.int(-15, 15)));
        mine.push(ticket);
      }
    }
    const breaches = Math.round(mine.length * (1 - ADHERENCE['p1-outage'][monthOf(month)]! / 100));
    outages.shuffle(mine).slice(0, breaches).forEach((ticket, i) => {
      if (i % 2 === 0) ticket.reply = ticket.created + outages.int(32, 75);
      ticket.solved = ticket.created + outages.int(250, 420);
    });
    p1.push(...mine);
  }
  tickets.push(...p1);
  tickets.sort((a, b) => a.created - b.created);
  const ids = randomStream('tickets:ids');
  let nextId = 52841;
  const all: Ticket[] = tickets.map((t) => ({ ...t, id: (nextId += ids.uniform() < 0.08 ? 2 : 1) }));

  // ---- First replies, fitted team by team and week by week (in created order).
  const speedOf = (t: Ticket) => trendAt(AGENTS[t.person]!.speed, localOf(t.created).day, dayOf) * CHANNEL_SPEED[t.via]!;
  const replyAt = (t: Ticket, hours: number) => {
    const at = t.created + Math.max(1, Math.round(60 * hours * speedOf(t) * Math.exp(FIRST_REPLY[t.team].spread * t.z)));
    return at < exportAt ? at : null;
  };
  const summary: string[] = [];
  const fitted = randomStream('tickets:first-reply');
  for (const team of TEAMS) {
    const design = FIRST_REPLY[team];
    const byWeek = new Map<number, Ticket[]>();
    for (const t of all) if (t.team === team) push(byWeek, weekOf(localOf(t.created).day), t);
    const carried = new Map<number, number[]>(); // reply week -> hours of earlier weeks' replies
    for (const [week, list] of [...byWeek].sort(([a], [b]) => a - b)) {
      const sunday = week * 7 + 10;
      const target = trendAt(design.knots, sunday, dayOf) + (isoOf(sunday) === design.pin ? 0 : design.sd * fitted.gauss());
      const fitting = list.filter((t) => t.policy !== 'p1-outage'); // outage replies are on call
      const replies = (scale: number) => {
        const hours = [...(carried.get(week) ?? [])];
        for (const t of list) {
          const at = t.policy === 'p1-outage' ? t.reply : replyAt(t, scale);
          if (at !== null && weekOf(localOf(at).day) === week) hours.push((at - t.created) / 60);
        }
        return hours;
      };
      let [low, high] = [Math.log(0.05), Math.log(50)];
      for (let i = 0; i < 32; i++) {
        const mid = (low + high) / 2;
        if (median(replies(Math.exp(mid))) < target) low = mid;
        else high = mid;
      }
      const scale = Math.exp((low + high) / 2);
      for (const t of fitting) t.reply = replyAt(t, scale);
      for (const t of list) if (t.reply !== null && weekOf(localOf(t.reply).day) > week) push(carried, weekOf(localOf(t.reply).day), (t.reply - t.created) / 60);
      if (process.env.DEBUG) summary.push(`${team} week ending ${isoOf(sunday)}: median ${median(replies(scale)).toFixed(2)} h (designed ${target.toFixed(2)})`);
    }
  }
  const open = all.filter((t) => t.policy !== 'p1-outage');

  // ---- Solves.
  const solves = randomStream('tickets:solves');
  for (const t of open) {
    if (t.reply === null) continue;
    const day = localOf(t.created).day;
    if (solves.uniform() < SOLVED_AT_REPLY[t.team]) t.solved = staffed[t.team].add(t.reply, solves.int(1, 20));
    else {
      let at = t.reply;
      for (let round = solves.uniform() < 0.3 ? 2 : 1; round > 0; round--) {
        const customer = Math.round(trendAt(CUSTOMER, day, dayOf) * Math.exp(0.9 * solves.gauss()));
        at = staffed[t.team].add(at + customer, Math.max(5, Math.round(WORK[t.team] * Math.exp(0.7 * solves.gauss()))));
      }
      t.solved = at;
    }
  }
  for (const t of all) {
    if (t.reply !== null && t.reply >= exportAt) t.reply = null;
    if (t.solved !== null && (t.solved >= exportAt || t.reply === null)) t.solved = null;
  }

  // ---- SLA outcomes (TICKETS.md 7.3), then each policy's monthly adherence moved to its design
  // by shortening or lengthening resolutions (never the first replies).
  const LIMITS: Record<Policy, { f: number; r: number; business: boolean }> = {
    'p1-outage': { f: 30, r: 240, business: false },
    'p2-billing': { f: 120, r: 720, business: true },
    'p3-general': { f: 720, r: 1440, business: true },
  };
  const latest = () => Math.max(...all.map((t) => Math.max(t.created, t.reply ?? 0, t.solved ?? 0)));
  const inClock = (business: boolean, a: number, b: number) => (business ? schedule.between(a, b) : b - a);
  const outcome = (t: Ticket, last: number): { met: boolean; at: number; target: 'first' | 'resolution' } | null => {
    const { f, r, business } = LIMITS[t.policy];
    const frt = t.reply === null ? null : inClock(business, t.created, t.reply);
    const res = t.solved === null ? null : inClock(business, t.created, t.solved);
    const firstMet = frt !== null ? frt <= f : res !== null && res <= f;
    if (firstMet && res !== null && res <= r) return { met: true, at: t.solved!, target: 'resolution' };
    const deadline = business ? schedule.add(t.created, firstMet ? r : f) : t.created + (firstMet ? r : f);
    return deadline <= last ? { met: false, at: deadline, target: firstMet ? 'resolution' : 'first' } : null;
  };
  const sla = randomStream('tickets:sla');
  for (const policy of ['p2-billing', 'p3-general'] as const) {
    const { r } = LIMITS[policy];
    const mine = all.filter((t) => t.policy === policy);
    for (let round = 0; round < 12; round++) {
      const last = latest();
      const byMonth = new Map<string, { met: Ticket[]; resolutionBreached: Ticket[]; breached: number }>();
      for (const t of mine) {
        const o = outcome(t, last);
        if (!o) continue;
        const month = monthOf(localOf(o.at).day);
        const entry = byMonth.get(month) ?? { met: [], resolutionBreached: [], breached: 0 };
        byMonth.set(month, entry);
        if (o.met) entry.met.push(t);
        else {
          entry.breached++;
          if (o.target === 'resolution' && t.solved !== null) entry.resolutionBreached.push(t);
        }
      }
      let moved = 0;
      for (const [month, { met, resolutionBreached, breached }] of byMonth) {
        const design = ADHERENCE[policy][month];
        if (design === undefined) continue;
        const wanted = Math.round((met.length + breached) * (1 - design / 100));
        if (breached > wanted) {
          if (breached - wanted > resolutionBreached.length) throw new Error(`${policy} ${month}: ${breached - resolutionBreached.length} first-reply breaches alone exceed the ${wanted} designed`);
          for (const t of sla.shuffle(resolutionBreached).slice(0, breached - wanted)) {
            t.solved = Math.max(t.reply! + 1, schedule.add(t.created, Math.round(r * (0.45 + 0.5 * sla.uniform()))));
            moved++;
          }
        } else if (breached < wanted) {
          for (const t of sla.shuffle(met).slice(0, wanted - breached)) {
            const solved = schedule.add(t.created, Math.round(r * (1.1 + 1.2 * sla.uniform())));
            t.solved = solved < exportAt ? solved : null;
            moved++;
          }
        }
      }
      if (moved === 0) break;
    }
  }

  // ---- One-touch, reopens and replies by team and week of the solve.
  const shares = randomStream('tickets:shares');
  const groups = new Map<string, Ticket[]>();
  for (const t of all) {
    if (t.reply !== null && t.solved === null) t.replies = 1 + (shares.uniform() < 0.3 ? 1 : 0);
    if (t.solved === null) continue;
    push(groups, `${t.team} ${weekOf(localOf(t.solved).day)}`, t);
  }
  for (const [key, list] of [...groups].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const [team, week] = key.split(' ') as [Team, string];
    const sunday = +week * 7 + 10;
    const shareOf = (share: Share) => trendAt(share.knots, sunday, dayOf) + (share.pin?.includes(isoOf(sunday)) ? 0 : share.sd * shares.gauss());
    const oneTouch = Math.round((list.length * shareOf(ONE_TOUCH[team])) / 100);
    const reopened = Math.round((list.length * shareOf(REOPENED[team])) / 100);
    const byGap = list.map((t) => ({ t, gap: t.solved! - t.reply! + 30 * shares.uniform() })).sort((a, b) => a.gap - b.gap).map(({ t }) => t);
    byGap.forEach((t, i) => {
      t.replies = i < oneTouch ? 1 : 2 + Math.floor(-1.3 * Math.log(1 - shares.uniform()));
      if (t.policy === 'p1-outage' && i >= oneTouch) t.replies = Math.max(2, t.replies);
    });
    for (const t of shares.shuffle(byGap.slice(oneTouch)).slice(0, reopened)) {
      t.reopens = shares.uniform() < 0.12 ? 2 : 1;
      if (shares.uniform() < 0.3) t.replies = 1; // reopened after a single answer: still not one touch
    }
  }

  // ---- CSAT: surveys go out on solve; ratings are handed out per channel and month so that
  // the organisation's share is the designed one, the slowest tickets rated bad.
  const ratings = randomStream('tickets:csat');
  const rated = new Map<string, Ticket[]>();
  for (const t of all) {
    if (t.solved === null) continue;
    t.csat = 'Offered';
    if (ratings.uniform() >= RATED[channelOf(t.via)]!) continue;
    push(rated, `${monthOf(localOf(t.solved).day)} ${channelOf(t.via)}`, t);
  }
  for (const month of Object.keys(CSAT)) {
    const channels = Object.keys(CSAT_CHANNEL).map((c) => ({ c, list: rated.get(`${month} ${c}`) ?? [] }));
    const total = channels.reduce((n, { list }) => n + list.length, 0);
    const good = Math.round((total * CSAT[month]!) / 100);
    const raw = channels.map(({ c, list }) => (list.length * Math.min(99, CSAT[month]! + CSAT_CHANNEL[c]!)) / 100);
    const scale = good / raw.reduce((a, b) => a + b, 0);
    const quotas = raw.map((g) => Math.round(g * scale));
    quotas[0]! += good - quotas.reduce((a, b) => a + b, 0); // email is the largest
    channels.forEach(({ list }, i) => {
      const worst = list.map((t) => ({ t, bad: (t.solved! - t.created) * (1 + t.reopens) * Math.exp(0.8 * ratings.gauss()) })).sort((a, b) => a.bad - b.bad);
      worst.forEach(({ t }, k) => {
        const isGood = k < quotas[i]!;
        t.csat = (isGood ? 'Good' : 'Bad') + (ratings.uniform() < (isGood ? 0.1 : 0.4) ? ' with comment' : '');
      });
    });
  }

  // ---- The export, in Zendesk's column order.
  const header = [
    'Id', 'Assignee', 'Group', 'Priority', 'Via', 'Ticket type', 'Created at', 'Organization', 'Solved at',
    'Satisfaction Score', 'Reopens', 'Replies', 'First reply time in minutes', 'First reply time in minutes within business hours',
    'Full resolution time in minutes', 'Full resolution time in minutes within business hours',
  ];
  const lines = [header.join(',')];
  for (const t of all) {
    const assignee = t.reply === null ? '' : people.get(t.person)!.name;
    lines.push([
      t.id, assignee, GROUP[t.team], t.priority, t.via, t.type, formatLocal(t.created), ORGANIZATION[t.segment],
      t.solved === null ? '' : formatLocal(t.solved), t.csat, t.reopens, t.replies,
      t.reply === null ? '' : t.reply - t.created, t.reply === null ? '' : schedule.between(t.created, t.reply),
      t.solved === null ? '' : t.solved - t.created, t.solved === null ? '' : schedule.between(t.created, t.solved),
    ].join(','));
  }
  const last = latest();
  for (const policy of Object.keys(LIMITS) as Policy[]) {
    const june = all.filter((t) => t.policy === policy).map((t) => outcome(t, last)).filter((o) => o && monthOf(localOf(o.at).day) === '2026-06');
    summary.push(`${policy} June 2026: ${june.filter((o) => o!.met).length} met of ${june.length} decided`);
  }
  return { csv: lines.join('\n') + '\n', count: all.length, summary };
}
