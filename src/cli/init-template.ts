// The starter workspace `goalpost init` writes: the smallest strategy that shows every idea
// (an objective, an org goal cascaded to a team goal, a KPI pair of speed and quality, an SLA
// and a core channel) and passes `goalpost check` with no warning. Dates start today.
export const SCHEMA_FILE = 'schema/goalpost.v1.json';

const schemaLine = (depth: number) => `# yaml-language-server: $schema=${'../'.repeat(depth)}${SCHEMA_FILE}\n`;

export function initTemplate(today: string, due: string): Record<string, string> {
  return {
    'strategy/workspace.yaml': `${schemaLine(1)}kind: Workspace
id: our-support
name: Our Support Team
fiscalYearStart: 1        # month the fiscal year starts in; quarters count from it
tolerance: 10             # how far behind plan (in % of the distance) still counts as on track
teams:
  - { id: support, name: Customer Support, lead: alex }
  - { id: frontline, name: Front Line, parent: support, lead: sam }
people:
  - { id: alex, name: Alex Doe, team: support, role: Head of Support }
  - { id: sam, name: Sam Lee, team: frontline, role: Team Lead }
`,
    'strategy/kpis.yaml': `${schemaLine(1)}kind: KPI
id: frt
name: First response time
description: Time from a ticket's creation to the first human reply.
unit: hours
direction: decrease
rollup: mean
range: { min: 0 }
related: [csat]
---
kind: KPI
id: csat
name: Customer satisfaction
description: Share of surveyed customers who rated their conversation good.
unit: percent
direction: increase
rollup: mean
related: [frt]
`,
    'strategy/objectives.yaml': `${schemaLine(1)}kind: Objective
id: fast-helpful-answers
title: Customers get fast, helpful answers
why: Slow first replies are the top complaint in our surveys.
owner: alex
`,
    'strategy/goals.yaml': `${schemaLine(1)}# Copy a goal, then change its id, title, kpi and numbers.
kind: Goal
id: frt-org
title: Cut first response time from 8 hours to 5 hours
objective: fast-helpful-answers
owner: alex
kpi: frt
baseline: { value: 8, date: ${today} }
target: { value: 5, date: ${due} }
achievable: Rota changes put two more agents on the morning queue.
---
kind: Goal
id: frt-frontline
title: Front line answers first replies within 4 hours
parent: frt-org
owner: sam
kpi: frt
scope: team:frontline
baseline: { value: 7, date: ${today} }
target: { value: 4, date: ${due} }
achievable: Macros for the ten most common questions.
`,
    'strategy/service.yaml': `${schemaLine(1)}kind: SLAPolicy
id: standard
name: Standard tickets
priority: 1
firstResponse: 4h
resolution: 1d
clock: business
target: 90
---
kind: Channel
id: email
name: Email
role: core
owner: sam
hours: Mon-Fri 09:00-17:00
sla: [standard]
why: Most customers write in by email.
`,
  };
}
