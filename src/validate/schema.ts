// The JSON Schema (draft-07) of strategy format version 1. It is the reference editors use
// for completion and hover (public/schema/v1.json is generated from it), and the checker
// validates each document against the definition its `kind` selects. Field documentation
// lives here, in `description`, and nowhere else.
import { TICKET_FIELDS } from '../spec/spec-types.ts';

const ID_PATTERN = '^[a-z0-9][a-z0-9._-]{0,63}$';
export const DATE_PATTERN = '^\\d{4}-\\d{2}-\\d{2}$';
export const DURATION_PATTERN = '^(?=\\d)(\\d+d)?(\\d+h)?(\\d+m)?$';
const QUARTER_PATTERN = '^\\d{4}-Q[1-4]$';
const SCOPE_PATTERN = '^(org|(team|person|channel|segment|sla):[a-z0-9][a-z0-9._-]{0,63})$';

const id = (what: string) => ({ type: 'string', pattern: ID_PATTERN, description: what });
const ref = (what: string) => ({ type: 'string', description: what });
/** Any text but spaces alone: a title of "   " is as missing as an empty one. */
export const NOT_BLANK = '\\S';
const text = (what: string) => ({ type: 'string', minLength: 1, pattern: NOT_BLANK, description: what });
const date = (what: string) => ({ type: 'string', pattern: DATE_PATTERN, format: 'calendar-date', description: what });
const duration = (what: string) => ({ type: 'string', pattern: DURATION_PATTERN, description: what });
const datedValue = (what: string) => ({
  type: 'object',
  additionalProperties: false,
  required: ['value', 'date'],
  description: what,
  properties: {
    value: { type: 'number', description: "A number in the KPI's unit (percent as 0-100)." },
    date: date('The date the value holds at, YYYY-MM-DD.'),
  },
});

const timeZone = (what: string) => ({ type: 'string', minLength: 1, description: what, examples: ['Europe/Berlin', 'America/New_York', 'UTC'] });

const whenValue = (what: string) => ({
  anyOf: [{ type: ['string', 'number', 'boolean'] }, { type: 'array', minItems: 1, items: { type: ['string', 'number', 'boolean'] } }],
  description: `${what} Or a list of values.`,
});

const enumOf = (description: string, values: Record<string, string>) => ({
  type: 'string',
  enum: Object.keys(values),
  enumDescriptions: Object.values(values),
  description,
});

const kindField = (kind: string) => ({ const: kind, description: 'The kind of document.' });

const workspace = {
  type: 'object',
  additionalProperties: false,
  required: ['kind', 'id', 'name'],
  description: 'The one document that names the organisation, its teams and people.',
  properties: {
    kind: kindField('Workspace'),
    id: id('Unique id of the workspace.'),
    name: text('Display name, shown in the site header.'),
    fiscalYearStart: {
      type: 'integer',
      minimum: 1,
      maximum: 12,
      default: 1,
      description: 'Month (1-12) the fiscal year starts in. Quarters such as 2026-Q1 count from it. Default 1.',
    },
    tolerance: {
      type: 'number',
      minimum: 0,
      maximum: 100,
      default: 10,
      description:
        'Percentage points of the baseline-to-target distance a goal may lag its plan and still be on track (twice that: at risk). Default 10.',
    },
    asOf: date('Default as-of date for progress, pinning a review snapshot. Default: today.'),
    timezone: timeZone('Time zone (IANA name) of ticket timestamps written without an offset, e.g. Europe/Berlin. Default UTC.'),
    schedule: ref('Id of the Schedule that business-hour clocks use by default.'),
    teams: {
      type: 'array',
      description: 'Teams, nested with `parent` to form the organisation.',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'name'],
        properties: {
          id: id('Team id, used as `team:<id>` in scopes.'),
          name: text('Team name.'),
          parent: ref('Id of the team this one belongs to.'),
          lead: ref('Person id of the team lead.'),
        },
      },
    },
    people: {
      type: 'array',
      description: 'People who own goals, objectives and channels.',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'name'],
        properties: {
          id: id('Person id, used as `owner` and as `person:<id>` in scopes.'),
          name: text('Full name.'),
          team: ref('Team id.'),
          role: text('Job title.'),
        },
      },
    },
    segments: {
      type: 'array',
      description: 'Customer segments, used as `segment:<id>` in scopes.',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'name'],
        properties: { id: id('Segment id.'), name: text('Segment name.') },
      },
    },
    rules: {
      type: 'object',
      description: "Change a check rule's severity: error, warning or off.",
      propertyNames: { type: 'string' },
      additionalProperties: enumOf('Severity of this rule.', {
        error: 'Fails the check.',
        warning: 'Reported; fails only under --strict.',
        off: 'Not reported.',
      }),
    },
  },
};

const kpi = {
  type: 'object',
  additionalProperties: false,
  required: ['kind', 'id', 'name', 'unit', 'direction'],
  description: 'A key performance indicator: what is measured, in which unit, and which way is better.',
  properties: {
    kind: kindField('KPI'),
    id: id('KPI id, used by goals and as a column or `kpi` cell in metric CSVs.'),
    name: text('Display name.'),
    description: text('What the KPI measures and how.'),
    unit: {
      type: 'string',
      pattern: '^(minutes|hours|days|percent|score|count|ratio|currency:[A-Z]{3})$',
      description: 'minutes | hours | days | percent (0-100) | score | count | ratio | currency:XXX (ISO 4217 code).',
      examples: ['hours', 'percent', 'score', 'currency:EUR'],
    },
    direction: enumOf('Which way is better.', { increase: 'Higher is better.', decrease: 'Lower is better.' }),
    rollup: enumOf('How several periods combine into one. Default mean.', {
      mean: 'Average of the periods.',
      sum: 'Total over the periods (volumes).',
      last: 'The latest period.',
      min: 'The lowest period.',
      max: 'The highest period.',
    }),
    range: {
      type: 'object',
      additionalProperties: false,
      description: 'Plausible bounds. Percent implies min 0 and max 100.',
      properties: {
        min: { type: 'number', description: 'Lowest plausible value.' },
        max: { type: 'number', description: 'Highest plausible value.' },
      },
    },
    related: { type: 'array', items: ref('A KPI id.'), description: 'KPIs to read beside this one (speed next to quality).' },
    tickets: {
      type: 'object',
      additionalProperties: false,
      required: ['measure'],
      description: 'Compute this KPI from help-desk ticket exports (see TicketSource) instead of reading it from metric CSVs.',
      properties: {
        measure: enumOf('What each ticket contributes.', {
          volume: 'Tickets created in the period (unit count).',
          backlog: 'Tickets open at the end of the period (unit count).',
          'first-reply': 'Time from creation to the first public agent reply, dated at the reply (unit minutes, hours or days).',
          resolution: 'Time from creation to the last solve, dated at the solve (unit minutes, hours or days).',
          'one-touch': '% of solved tickets with at most one agent reply and no reopen (unit percent).',
          reopened: '% of solved tickets reopened at least once (unit percent).',
          csat: '% of rated solved tickets rated good (unit percent).',
          'sla-adherence': '% of tickets under an SLA policy that met it, dated when decided (unit percent).',
        }),
        statistic: {
          type: 'string',
          pattern: '^(mean|median|p([1-9]|[1-9][0-9]))$',
          default: 'median',
          description: 'For durations: median (default), mean, or a percentile p1 to p99 such as p90.',
          examples: ['median', 'mean', 'p90'],
        },
        clock: enumOf('For durations: which hours count. Default calendar.', {
          calendar: 'Every hour counts.',
          business: "Only the open hours of the schedule count.",
        }),
        schedule: ref("Schedule id for the business clock. Default: the Workspace's schedule."),
        period: enumOf('Length of the periods the tickets are counted in. Default week.', {
          day: 'One point a day.',
          week: 'One point an ISO week (Monday to Sunday).',
          month: 'One point a calendar month.',
          quarter: 'One point a fiscal quarter.',
        }),
        source: ref('TicketSource id to read. Default: every TicketSource.'),
      },
    },
  },
};

const objective = {
  type: 'object',
  additionalProperties: false,
  required: ['kind', 'id', 'title', 'owner'],
  description: 'A business outcome support serves; goals make it measurable.',
  properties: {
    kind: kindField('Objective'),
    id: id('Objective id.'),
    title: text('The outcome, in a sentence.'),
    why: text('Why it matters to the business.'),
    owner: ref('Person id of the owner.'),
  },
};

const goal = {
  type: 'object',
  additionalProperties: false,
  required: ['kind', 'id', 'title', 'owner', 'kpi', 'target'],
  not: { required: ['objective', 'parent'] },
  description: 'A SMART goal: one KPI moved from a baseline to a target by a date.',
  properties: {
    kind: kindField('Goal'),
    id: id('Goal id.'),
    title: text('Specific: what the goal achieves, in a sentence.'),
    description: text('Context for the goal.'),
    objective: ref('Relevant: the objective id this goal serves (or use `parent`).'),
    parent: ref('Relevant: the goal id this one cascades from (or use `objective`).'),
    owner: ref('Person id of the owner.'),
    kpi: ref('Measurable: the KPI id.'),
    scope: {
      type: 'string',
      pattern: SCOPE_PATTERN,
      default: 'org',
      description: 'Which series: org (default), team:<id>, person:<id>, channel:<id>, segment:<id> or sla:<id>.',
    },
    type: enumOf('reach (default) moves the KPI; maintain keeps it at or better than target.', {
      reach: 'Move from the baseline to the target by the target date.',
      maintain: 'Stay at or better than the target from start to the target date.',
    }),
    baseline: datedValue('Where the KPI stood when the goal was set. Required for reach goals.'),
    target: datedValue('Time-bound: the value to reach and the date it is due.'),
    start: date('When work on the goal starts. Default: the baseline date. Required for maintain goals.'),
    milestones: {
      type: 'array',
      description: 'Interim targets, dated strictly between start and the target date, in order.',
      items: datedValue('An interim target.'),
    },
    weight: { type: 'number', exclusiveMinimum: 0, default: 1, description: 'Weight in roll-ups. Default 1.' },
    achievable: text('Achievable: why the target is within reach.'),
  },
};

const channel = {
  type: 'object',
  additionalProperties: false,
  required: ['kind', 'id', 'name', 'role'],
  description: 'A support channel and how it is staffed.',
  properties: {
    kind: kindField('Channel'),
    id: id('Channel id, used as `channel:<id>` in scopes.'),
    name: text('Display name.'),
    role: enumOf('How the channel is used.', {
      core: 'Staffed and held to SLAs; keep two or three.',
      supporting: 'Available, lighter staffing.',
      pilot: 'Being tried out.',
      retired: 'Being wound down.',
    }),
    owner: ref('Person id of the owner.'),
    hours: text('Opening hours, free text, or 24/7.'),
    staffing: { type: 'number', minimum: 0, description: 'Agents (FTE) assigned.' },
    sla: { type: 'array', items: ref('An SLA policy id.'), description: 'SLA policy ids that apply.' },
    why: text('Why customers need this channel.'),
  },
};

const slaPolicy = {
  type: 'object',
  additionalProperties: false,
  required: ['kind', 'id', 'name', 'priority', 'firstResponse', 'resolution', 'target'],
  description: 'A service level: response and resolution targets for one tier of tickets.',
  properties: {
    kind: kindField('SLAPolicy'),
    id: id('Policy id, used as `sla:<id>` in scopes.'),
    name: text('Display name.'),
    priority: { type: 'integer', minimum: 1, description: 'Unique among policies; 1 is the most urgent.' },
    when: {
      type: 'object',
      additionalProperties: false,
      description: 'Which tickets the policy covers: ticket fields to a value or a list of values (any of them matches). Without it the policy covers every ticket.',
      properties: {
        priority: whenValue("The ticket's priority as the export writes it (any case), e.g. urgent."),
        type: whenValue("The ticket's type as the export writes it (any case), e.g. incident."),
        team: whenValue('A team id; a sub-team matches too.'),
        channel: whenValue('A channel id.'),
        segment: whenValue('A segment id.'),
      },
    },
    firstResponse: duration('First response target, e.g. 30m, 2h, 1h30m, 1d.'),
    resolution: duration('Resolution target, e.g. 2h, 1d.'),
    clock: enumOf('Which hours count. Default calendar.', {
      calendar: 'Every hour counts.',
      business: 'Only business hours count.',
    }),
    schedule: ref("Schedule id for the business clock. Default: the Workspace's schedule."),
    target: { type: 'number', minimum: 0, maximum: 100, description: '% of tickets that must meet the policy.' },
  },
};

const hiringProfile = {
  type: 'object',
  additionalProperties: false,
  required: ['kind', 'id', 'role', 'team', 'level'],
  description: 'Who to hire for a support role, and when.',
  properties: {
    kind: kindField('HiringProfile'),
    id: id('Profile id.'),
    role: text('Job title.'),
    team: ref('Team id the hires join.'),
    level: enumOf('Seniority.', {
      agent: 'Front-line agent.',
      lead: 'Team lead.',
      manager: 'Manager.',
      specialist: 'Specialist (billing, technical, ...).',
    }),
    headcount: {
      type: 'array',
      description: 'Planned hires per quarter.',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['quarter', 'hires'],
        properties: {
          quarter: { type: 'string', pattern: QUARTER_PATTERN, description: 'Fiscal quarter, e.g. 2026-Q2.' },
          hires: { type: 'integer', minimum: 0, description: 'People to hire in the quarter.' },
          hired: { type: 'integer', minimum: 0, description: 'People actually hired in the quarter, shown against the plan.' },
        },
      },
    },
    skills: {
      type: 'array',
      description: 'Skills, each hard or soft, must-have or nice-to-have.',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['name', 'type', 'need'],
        properties: {
          name: text('The skill.'),
          type: enumOf('Kind of skill.', { hard: 'Learnable technique or knowledge.', soft: 'Interpersonal trait.' }),
          need: enumOf('How much it matters.', { must: 'Will not hire without it.', nice: 'A plus.' }),
        },
      },
    },
    traits: { type: 'array', items: text('A trait.'), description: 'Traits looked for (empathy, calm under pressure...).' },
    interview: { type: 'array', items: text('A scenario.'), description: 'Role-play interview scenarios.' },
    supports: { type: 'array', items: ref('A goal id.'), description: 'Goal ids these hires serve.' },
  },
};

// No pattern: TICKETS.md 7.4 makes a malformed interval \`schedule-invalid\` (rules/tickets.ts),
// and a schema finding would also hide the schedule's other findings.
const interval = { type: 'string', description: 'Open from-to in local wall-clock time, HH:MM-HH:MM; 24:00 may end a day.' };
const weekday = (name: string) => ({ type: 'array', items: interval, description: `Open intervals on ${name}.`, examples: [['08:00-18:00'], ['08:00-12:30', '13:30-18:00']] });

const schedule = {
  type: 'object',
  additionalProperties: false,
  required: ['kind', 'id', 'timezone', 'hours'],
  description: 'Business hours: the open intervals of each weekday in a time zone, and holidays. Used by business-hour clocks.',
  properties: {
    kind: kindField('Schedule'),
    id: id('Schedule id, named by a KPI, an SLA policy or the Workspace.'),
    name: text('Display name.'),
    timezone: timeZone('Time zone (IANA name) of the hours, e.g. Europe/Berlin.'),
    hours: {
      type: 'object',
      additionalProperties: false,
      description: 'Open intervals per weekday; a weekday left out is closed all day.',
      properties: { mon: weekday('Mondays'), tue: weekday('Tuesdays'), wed: weekday('Wednesdays'), thu: weekday('Thursdays'), fri: weekday('Fridays'), sat: weekday('Saturdays'), sun: weekday('Sundays') },
    },
    holidays: { type: 'array', items: date('A local calendar day closed all day.'), description: 'Days closed all day, YYYY-MM-DD.' },
  },
};

const valueMap = (what: string) => ({ type: 'object', description: what, propertyNames: { type: 'string' }, additionalProperties: ref('A workspace id.') });

const ticketSource = {
  type: 'object',
  additionalProperties: false,
  required: ['kind', 'id', 'files'],
  description: 'A help-desk ticket export (one row a ticket) under data/, from which KPIs with a `tickets` block are computed.',
  properties: {
    kind: kindField('TicketSource'),
    id: id('Source id, named by a KPI\'s `tickets.source`.'),
    name: text('Display name.'),
    files: {
      anyOf: [text('A glob relative to data/, e.g. tickets/*.csv.'), { type: 'array', minItems: 1, items: text('A glob relative to data/.') }],
      description: 'The export files: a glob relative to data/ (or a list of them). These files are not read as metric CSVs.',
      examples: ['tickets/*.csv', 'zendesk-export.csv'],
    },
    preset: enumOf('The help desk the export comes from, which names its columns. Default none.', {
      zendesk: "Zendesk's ticket export headers (Id, Created at, Group, Assignee, ...).",
      freshdesk: "Freshdesk's ticket export headers (Ticket ID, Created time, Group, Agent, ...).",
      none: 'Every column named in `columns`.',
    }),
    timezone: timeZone("Time zone (IANA name) of timestamps written without an offset. Default: the Workspace's timezone, else UTC."),
    columns: {
      type: 'object',
      additionalProperties: false,
      description: 'Header of the column each ticket field is read from, on top of the preset.',
      properties: Object.fromEntries(TICKET_FIELDS.map((field) => [field, text(`Header of the \`${field}\` column.`)])),
    },
    map: {
      type: 'object',
      additionalProperties: false,
      description: 'Export values to workspace ids, where they differ from an id or a name.',
      properties: {
        team: valueMap('Group or team names in the export -> team ids.'),
        person: valueMap('Assignee names in the export -> person ids.'),
        channel: valueMap('Channel names in the export -> channel ids.'),
        segment: valueMap('Organisation or segment names in the export -> segment ids.'),
      },
    },
    url: { type: 'string', pattern: '^https?://.*\\{id\\}', description: 'Link to a ticket in the help desk, with {id} where the ticket id goes.', examples: ['https://acme.zendesk.com/agent/tickets/{id}'] },
  },
};

const review = {
  type: 'object',
  additionalProperties: false,
  required: ['kind', 'id', 'date'],
  description: "What a review meeting decided, and the goal owners' own reading of their goals.",
  properties: {
    kind: kindField('Review'),
    id: id('Review id, e.g. 2026-q2-review.'),
    date: date('The day of the meeting; check-ins and decisions belong to it.'),
    quarter: { type: 'string', pattern: QUARTER_PATTERN, description: 'The fiscal quarter it looks back on, e.g. 2026-Q2.' },
    attendees: { type: 'array', items: ref('A person id.'), description: 'Person ids of who attended.' },
    checkins: {
      type: 'array',
      description: "Each owner's confidence in a goal, beside its computed status.",
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['goal', 'confidence'],
        properties: {
          goal: ref('The goal id.'),
          confidence: enumOf("The owner's own reading.", { 'on-track': 'Will make it.', 'at-risk': 'May not make it without help.', 'off-track': 'Will not make it as things stand.' }),
          note: text('Why, in a sentence or two.'),
        },
      },
    },
    decisions: {
      type: 'array',
      description: 'Actions agreed, each with an owner and a due date.',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'text', 'owner', 'due'],
        properties: {
          id: id('Decision id, unique within the review.'),
          text: text('What was decided.'),
          owner: ref('Person id of who carries it out.'),
          due: date('When it is due.'),
          goals: { type: 'array', items: ref('A goal id.'), description: 'The goals it serves.' },
          done: date('The day it was done; open until then.'),
        },
      },
    },
  },
};

export const KIND_DEFINITIONS = {
  Workspace: workspace,
  KPI: kpi,
  Objective: objective,
  Goal: goal,
  Channel: channel,
  SLAPolicy: slaPolicy,
  HiringProfile: hiringProfile,
  Schedule: schedule,
  TicketSource: ticketSource,
  Review: review,
} as const;

export const SCHEMA_ID = 'urn:goalpost:strategy:v1';

/** The whole schema, as served to editors: `kind` selects the definition. */
export const strategySchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: SCHEMA_ID,
  title: 'Goalpost strategy document (format version 1)',
  type: 'object',
  required: ['kind'],
  properties: {
    kind: enumOf('The kind of document.', {
      Workspace: 'The organisation: teams, people, segments, settings. Exactly one.',
      KPI: 'A metric with its unit and better direction.',
      Objective: 'A business outcome.',
      Goal: 'A SMART goal on one KPI.',
      Channel: 'A support channel.',
      SLAPolicy: 'A service-level tier.',
      HiringProfile: 'A role to hire for.',
      Schedule: 'Business hours in a time zone.',
      TicketSource: 'A help-desk ticket export.',
      Review: 'Check-ins and decisions of a review meeting.',
    }),
  },
  allOf: Object.keys(KIND_DEFINITIONS).map((kind) => ({
    if: { properties: { kind: { const: kind } }, required: ['kind'] },
    then: { $ref: `#/definitions/${kind}` },
  })),
  definitions: KIND_DEFINITIONS,
};
