// The starter workspace `goalpost init` writes: the smallest strategy that shows every idea
// (an objective, an org goal cascaded to a team goal, a KPI pair of speed and quality, an SLA
// and a core channel) and passes `goalpost check` with no warning. Dates start today. Beside it,
// what makes the folder a repository that runs Goalpost: package.json, .gitignore and the CI
// workflow (init-workflow.ts).
export const SCHEMA_FILE = 'schema/goalpost.v1.json';

/** The npm scripts package.json gets, so that `npm run check` works without npx. */
export const PACKAGE_SCRIPTS: Readonly<Record<string, string>> = { check: 'goalpost check', build: 'goalpost build', dev: 'goalpost dev' };

/** `goalpostSpec` is what npm installs Goalpost from: a version range, a git URL, a tarball. */
export function packageJson(goalpostSpec: string): string {
  const manifest = {
    // Never published by accident: this package.json only installs Goalpost.
    private: true,
    description: 'Our customer-service strategy, checked and built into a review site by Goalpost.',
    scripts: PACKAGE_SCRIPTS,
    devDependencies: { goalpost: goalpostSpec },
  };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

/** The lines .gitignore needs: the built site, the folder `build` works in, installed packages. */
export const GITIGNORE_ENTRIES = ['dist/', '.goalpost-tmp-*/', 'node_modules/'] as const;

export const GITIGNORE = `# The review site \`goalpost build\` writes, and the folder it builds in before swapping it in
dist/
.goalpost-tmp-*/
# What \`npm install\` installs
node_modules/
`;

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
