// The closed list of rule codes. This table drives the checker (default severities), the
// SARIF rule entries and docs/rules.md, so a rule exists in one place only.
// The first block is FORMAT.md section 3; the last block holds Goalpost's additions.

export interface RuleInfo {
  severity: 'error' | 'warning';
  summary: string;
  /** What to do about it, for the rules page. */
  fix: string;
  /** True when the rule is a Goalpost addition rather than part of FORMAT.md. */
  extension?: boolean;
}

export const RULES = {
  'yaml-syntax': {
    severity: 'error',
    summary: 'The file is not valid YAML (this includes duplicate keys).',
    fix: 'Correct the YAML at the position given; the message names what the parser expected.',
  },
  schema: {
    severity: 'error',
    summary:
      'A document does not match the JSON Schema: wrong type, unknown field, bad enum value, or a malformed date or duration.',
    fix: 'Follow the hint: it names the expected type, the allowed values or the closest known field.',
  },
  'unknown-kind': {
    severity: 'error',
    summary: '`kind` is missing or is not a known kind.',
    fix: 'Set `kind` to one of Workspace, KPI, Objective, Goal, Channel, SLAPolicy, HiringProfile, Schedule, TicketSource, Review.',
  },
  'duplicate-id': {
    severity: 'error',
    summary: "Two documents of one kind share an id; or two of the Workspace's teams, people or segments do; or, within one Review, two decisions share an id or two check-ins name the same goal (both places are reported).",
    fix: 'Rename one of them: ids are unique per kind across the whole workspace, team, person and segment ids within the Workspace, decision ids within their Review. Merge two check-ins for one goal into one.',
  },
  'workspace-missing': {
    severity: 'error',
    summary: 'There is no Workspace document, or there is more than one.',
    fix: 'Keep exactly one `kind: Workspace` document under strategy/.',
  },
  'ref-unknown': {
    severity: 'error',
    summary:
      "A reference names nothing: an owner, kpi, objective, parent, team, sla, supports, related, lead or scope target; a `schedule`; a KPI's `tickets.source`; a team, channel or segment in an SLA policy's `when`; an id in a TicketSource's `map`; a Review's attendee, check-in goal, decision owner or decision goal.",
    fix: 'Use an id that exists; the hint names the closest one.',
  },
  'goal-target-missing': {
    severity: 'error',
    summary: 'A goal has no measurable target: no kpi, no numeric `target.value`, or no `target.date`.',
    fix: 'Give the goal a `kpi`, and a `target` with a numeric `value` and a `date`.',
  },
  'goal-baseline-missing': {
    severity: 'error',
    summary: 'A reach goal has no baseline.',
    fix: 'Add `baseline: { value: <where you are now>, date: YYYY-MM-DD }`, or make it `type: maintain`.',
  },
  'goal-direction': {
    severity: 'error',
    summary: "A reach goal's target is not better than its baseline in the KPI's direction.",
    fix: "Check the target against the KPI's `direction` (increase or decrease): the target must be the better value.",
  },
  'goal-dates': {
    severity: 'error',
    summary: 'The target date is not after the start; a milestone is outside (start, target date); milestones are out of order.',
    fix: 'Order the dates: start, then each milestone, then the target date.',
  },
  'goal-range': {
    severity: 'error',
    summary: "A baseline, target or milestone lies outside the KPI's range (a percent above 100, say).",
    fix: "Use a value inside the KPI's `range`; percent values are written 0-100.",
  },
  'goal-cycle': {
    severity: 'error',
    summary: 'The parent chain of a goal loops back to itself.',
    fix: 'Break the loop: a goal cannot be its own ancestor.',
  },
  'team-cycle': {
    severity: 'error',
    summary: "The `parent` chain of a Workspace team loops back to itself (reported at each looping team's `parent`).",
    fix: 'Break the loop: remove or change the `parent` of one of the teams in it.',
    extension: true,
  },
  'goal-orphan': {
    severity: 'warning',
    summary: 'A goal has neither an objective nor a parent.',
    fix: 'Say why the goal matters: add `objective: <id>` or `parent: <goal id>`.',
  },
  'goal-unexplained': {
    severity: 'warning',
    summary: 'A reach goal moves its KPI by more than 50 % of the baseline with no `achievable` text (not reported while one of its values is outside the KPI range: goal-range says that first).',
    fix: 'Add `achievable:` with the reason the big move is within reach (hires, a tool, a process change).',
  },
  'objective-empty': {
    severity: 'warning',
    summary: 'An objective has no goal under it.',
    fix: 'Point at least one goal at it with `objective: <id>`, or remove it.',
  },
  'sla-order': {
    severity: 'error',
    summary: 'firstResponse is longer than resolution, or two SLA policies share one priority.',
    fix: 'Make the first response target no longer than the resolution target; give each policy its own priority.',
  },
  'channel-core-count': {
    severity: 'warning',
    summary: 'More than three channels have role core.',
    fix: 'Staff two or three core channels properly; make the others supporting or pilot.',
  },
  'channel-no-sla': {
    severity: 'warning',
    summary: 'A core channel has no SLA policy.',
    fix: 'List the SLA policies that apply under `sla:`.',
  },
  'hiring-no-must': {
    severity: 'warning',
    summary: 'A hiring profile has no must-have skill.',
    fix: 'Mark the skills you will not hire without as `need: must`.',
  },
  'metric-file': {
    severity: 'error',
    summary: 'A CSV file has no `period` column, or cannot be parsed as CSV. A help-desk ticket export that no TicketSource names is recognised as such.',
    fix: 'Export as CSV UTF-8, separated by commas, with a header row that has a `period` column. For a ticket export, add the TicketSource the hint shows.',
  },
  'metric-unknown-kpi': {
    severity: 'error',
    summary: 'A CSV names a KPI that does not exist (the hint gives the closest id).',
    fix: 'Rename the column or `kpi` cell to a KPI id, or define the KPI.',
  },
  'metric-value': {
    severity: 'error',
    summary: 'A cell is neither empty nor a number (a trailing % is allowed for percent KPIs).',
    fix: 'Leave the cell empty when the value is unknown; never write n/a or 0 for missing.',
  },
  'metric-period': {
    severity: 'error',
    summary: 'A period cell is not a day, ISO week, month or quarter.',
    fix: 'Write periods as 2026-04-07, 2026-W15, 2026-04 or 2026-Q2.',
  },
  'metric-conflict': {
    severity: 'error',
    summary: 'The same KPI, scope and period is given twice with different values (both places are reported).',
    fix: 'Keep one value per KPI, scope and period.',
  },
  'metric-granularity': {
    severity: 'error',
    summary: 'One series mixes period lengths (weekly and monthly rows for one KPI and scope).',
    fix: 'Export one series at one period length, or split it by scope.',
  },
  'metric-unknown-scope': {
    severity: 'warning',
    summary: 'A scope names no team, person, channel, segment or SLA policy.',
    fix: 'Use org, or team:, person:, channel:, segment:, sla: followed by an existing id.',
  },
  'data-stale': {
    severity: 'warning',
    summary: "A goal's latest data point is older than two of its series' periods before the as-of date.",
    fix: 'Add the latest export to data/, or check that the export still includes this series.',
  },
  'checkin-missing': {
    severity: 'warning',
    summary: "A goal that is off track, at risk or missed at a Review's date has no check-in in that Review (reported at the Review's `checkins` key, else at its `id`).",
    fix: "Add a check-in for the goal under the Review's `checkins`, with the owner's confidence and a note.",
  },
  'decision-overdue': {
    severity: 'warning',
    summary: "A decision still open at the as-of date (no `done` date, or one after it) whose `due` date is before the as-of date, in a Review dated on or before the as-of date.",
    fix: 'Mark it done with `done: YYYY-MM-DD`, or agree a new due date at the next review.',
  },
  'percent-fraction': {
    severity: 'warning',
    summary: "A percent value written as a fraction: every baseline, target and milestone value of a goal on a percent KPI is at most 1 while its series has a value above 1, or an SLA policy's `target` is at most 1.",
    fix: 'Percent values are 0-100: write 90 for 90 %.',
  },
  'kpi-computed': {
    severity: 'error',
    summary: "A KPI with a `tickets` block also appears in a metric CSV, or its unit does not fit its measure: a duration (first-reply, resolution) needs minutes, hours or days, a rate (one-touch, reopened, csat, sla-adherence) needs percent.",
    fix: "Remove the KPI's column or rows from the metric CSV (it is computed from the tickets), or fix the KPI's unit.",
  },
  'schedule-missing': {
    severity: 'error',
    summary: 'A business-hour clock has no schedule to use: a KPI computed from tickets, or an SLA policy in a workspace that reads ticket exports, names none, and the Workspace has no default `schedule`.',
    fix: 'Add `schedule: <id>` to the KPI or SLA policy, or a default `schedule:` to the Workspace.',
  },
  'schedule-invalid': {
    severity: 'error',
    summary: 'A time zone that is not a known IANA name, or a Schedule interval that is malformed, ends before it starts, or overlaps another on the same day.',
    fix: 'Use a zone name such as Europe/Berlin or America/New_York; write intervals as HH:MM-HH:MM (24:00 may end a day), in order and apart.',
  },
  'ticket-file': {
    severity: 'error',
    summary: "A TicketSource's file cannot be read as CSV, or lacks a column that a field needs (the message names the header expected, the hint the closest header present). Without the id or creation column the file is not read; without another, the KPIs that need it get nothing from the file.",
    fix: 'Export the tickets as CSV (UTF-8, comma separated) with the columns the preset reads, or name the headers your export uses under `columns:`.',
  },
  'ticket-value': {
    severity: 'error',
    summary: "A ticket cell is not a valid timestamp, number or satisfaction rating, a row has no ticket id or creation time, or a row has values past the header's last column; the ticket is left out of every measure.",
    fix: 'Write timestamps as 2026-04-07 09:15 (optionally with an offset such as +02:00, Z or UTC), minutes and counts as plain numbers, ratings as good/bad or 1-5; quote a cell that holds a comma. Export again rather than re-saving the file in a spreadsheet.',
  },
  'ticket-order': {
    severity: 'error',
    summary: "A ticket's `solved` or `firstReply` is before its `created`, or its minutes are negative; the ticket is left out of every measure.",
    fix: "Check the times in the export, and that the TicketSource's `timezone` is the one they are written in.",
  },
  'ticket-duplicate': {
    severity: 'warning',
    summary: 'The same ticket id appears twice in a source (reported once per file, with the count); the row read last wins.',
    fix: 'Nothing, when exports overlap on purpose: files are read in sorted path order, so name them by date. Otherwise check the id column.',
  },
  'ticket-unmapped': {
    severity: 'warning',
    summary: 'A team, person, channel or segment value in a ticket export matches no id or name (reported once per value, with how many counted tickets carry it: a ticket left out for want of a creation time is not among them); those tickets still count at every other scope.',
    fix: "Map the value to an id under the TicketSource's `map:`, or add the team, person, channel or segment to the strategy.",
  },
  'ticket-no-files': {
    severity: 'warning',
    summary: "A TicketSource's `files` glob matches no file under data/.",
    fix: 'Save the export where the glob points, or correct the glob (it is relative to data/).',
  },
  'metric-column-ignored': {
    severity: 'warning',
    summary: 'A file with one value a row (period, kpi, value) has another column; its cells are ignored.',
    fix: 'Remove the column from the export, or turn the rule off if the export always carries it.',
    extension: true,
  },
  'file-unreadable': {
    severity: 'error',
    summary: 'A file could not be read as text: not UTF-8, or larger than the size limit.',
    fix: 'Save the file as UTF-8; split very large files.',
    extension: true,
  },
  'file-empty': {
    severity: 'warning',
    summary: 'A strategy file holds no document, or a metric CSV or ticket export has a header row and no data rows.',
    fix: 'Add a document, export the data again, or delete the file.',
    extension: true,
  },
} as const satisfies Record<string, RuleInfo>;

export type RuleCode = keyof typeof RULES;

export const RULE_CODES = Object.keys(RULES) as RuleCode[];

export function isRuleCode(value: string): value is RuleCode {
  return Object.prototype.hasOwnProperty.call(RULES, value);
}
