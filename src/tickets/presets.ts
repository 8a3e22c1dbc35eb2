// The headers each preset reads a field from (TICKETS.md 7.1), and the header a source reads
// each field from once its `columns` are laid on top. With preset `none` a field is read from
// a column named after the field itself (`id`, `created`, `firstReply`...): a hand-made export
// then needs no `columns` at all.
import type { TicketField, TicketPreset, TicketSourceDef } from './types.ts';
import { TICKET_FIELDS } from './types.ts';

type Headers = Partial<Record<TicketField, string>>;

export const PRESET_HEADERS: Record<Exclude<TicketPreset, 'none'>, Headers> = {
  zendesk: {
    id: 'Id',
    created: 'Created at',
    firstReplyMinutes: 'First reply time in minutes',
    firstReplyBusinessMinutes: 'First reply time in minutes within business hours',
    solved: 'Solved at',
    resolutionMinutes: 'Full resolution time in minutes',
    resolutionBusinessMinutes: 'Full resolution time in minutes within business hours',
    priority: 'Priority',
    type: 'Ticket type',
    team: 'Group',
    person: 'Assignee',
    channel: 'Via',
    csat: 'Satisfaction Score',
    reopens: 'Reopens',
    replies: 'Replies',
  },
  freshdesk: {
    id: 'Ticket ID',
    created: 'Created time',
    firstReply: 'Initial response time',
    solved: 'Resolved time',
    priority: 'Priority',
    type: 'Type',
    team: 'Group',
    person: 'Agent',
    channel: 'Source',
    replies: 'Agent interactions',
  },
};

/** field -> the header it is read from, for every field the source can read. */
export function sourceHeaders(source: Pick<TicketSourceDef, 'preset' | 'columns'>): Map<TicketField, string> {
  const preset: Headers = source.preset === 'none' ? Object.fromEntries(TICKET_FIELDS.map((field) => [field, field])) : PRESET_HEADERS[source.preset];
  const headers = new Map<TicketField, string>();
  for (const field of TICKET_FIELDS) {
    const header = source.columns[field] ?? preset[field];
    if (header !== undefined) headers.set(field, header.trim());
  }
  return headers;
}
