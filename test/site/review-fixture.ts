// The site fixture (test/fixtures/site) made to read a small ticket export and to hold two
// reviews, in memory: the SLA adherence of p1 and a business-hour first reply KPI are computed
// from five tickets (two met, two breached, one still undecided when the export was taken, one
// of the breaches still open), and the reviews give check-ins at two dates and decisions that
// are done, open and overdue at the as-of date, 2026-06-30. The tickets, by hand (UTC):
//   t1  Mon 2026-05-04 09:00, reply 09:10, solved 10:00            met
//   t2  Tue 2026-05-05 09:00, reply 10:00, solved 11:00            first response 30 min late
//   t3  Mon 2026-06-01 09:00, reply 09:05, solved 15:30            resolution 2 h 30 min late
//   t4  Mon 2026-06-29 08:00, reply 08:10, not solved              resolution due 12:00, still open
//   t5  Tue 2026-06-30 12:00, reply 12:05, not solved              undecided (due 16:00)
// The export's latest instant is t5's reply, 2026-06-30 12:05, so t4 is 24 h 5 min late so far.
import { fixtureFiles } from './fixture.ts';

const EXPORT = `id,created,firstReply,solved
t1,2026-05-04 09:00,2026-05-04 09:10,2026-05-04 10:00
t2,2026-05-05 09:00,2026-05-05 10:00,2026-05-05 11:00
t3,2026-06-01 09:00,2026-06-01 09:05,2026-06-01 15:30
t4,2026-06-29 08:00,2026-06-29 08:10,
t5,2026-06-30 12:00,2026-06-30 12:05,
`;

const TICKET_STRATEGY = `kind: Schedule
id: office
name: Office hours
timezone: UTC
hours: { mon: ["09:00-17:00"], tue: ["09:00-17:00"], wed: ["09:00-17:00"], thu: ["09:00-17:00"], fri: ["09:00-17:00"] }
---
kind: TicketSource
id: desk
name: Help desk export
files: desk/*.csv
url: https://desk.example.com/tickets/{id}
---
kind: KPI
id: frt_business
name: First reply in business hours
unit: minutes
direction: decrease
tickets: { measure: first-reply, statistic: p90, clock: business, schedule: office, period: month }
`;

const REVIEWS = `kind: Review
id: q1-review
date: 2026-03-25
quarter: 2026-Q1
attendees: [ana, ben]
checkins:
  - { goal: frt-frontline, confidence: at-risk, note: Two agents on leave in March. }
decisions:
  - { id: hire-early, text: Start hiring in April., owner: ana, due: 2026-04-15, done: 2026-04-10 }
---
kind: Review
id: q2-review
date: 2026-06-24
quarter: 2026-Q2
attendees: [ana, ben, cy]
checkins:
  - { goal: frt-frontline, confidence: on-track, note: The new shift starts in July. }
  - { goal: frt-org, confidence: on-track }
decisions:
  - { id: late-shift, text: Staff a late shift., owner: ben, due: 2026-06-26, goals: [frt-frontline, frt-org] }
  - { id: macros, text: Write ten macros., owner: cy, due: 2026-07-31 }
  - { id: survey, text: Survey the team., owner: ana, due: 2026-06-20, done: 2026-06-19 }
---
kind: Review
id: q3-review
date: 2026-07-20
checkins:
  - { goal: frt-frontline, confidence: off-track }
`;

/** The site fixture with the ticket export, its KPIs and the reviews. */
export function reviewFixtureFiles(): Record<string, string> {
  const files = fixtureFiles();
  files['data/metrics.csv'] = files['data/metrics.csv']!.split('\n').filter((line) => !line.includes(',sla_adherence,')).join('\n');
  files['strategy/kpis.yaml'] = files['strategy/kpis.yaml']!.replace(
    'id: sla_adherence\nname: SLA adherence\nunit: percent\ndirection: increase',
    'id: sla_adherence\nname: SLA adherence\nunit: percent\ndirection: increase\ntickets: { measure: sla-adherence, period: month }',
  );
  files['strategy/service.yaml'] = files['strategy/service.yaml']!.replace('  - { quarter: 2026-Q2, hires: 2 }', '  - { quarter: 2026-Q2, hires: 2, hired: 1 }');
  return { ...files, 'strategy/tickets.yaml': TICKET_STRATEGY, 'strategy/reviews.yaml': REVIEWS, 'data/desk/2026.csv': EXPORT };
}
