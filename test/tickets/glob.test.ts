// A TicketSource's `files` glob, relative to data/.
import { describe, expect, it } from 'vitest';
import { matchTicketFiles } from '../../src/tickets/glob.ts';

const FILES = ['monthly.csv', 'tickets/2026-03.csv', 'tickets/2026-04.csv', 'tickets/old/2025-12.csv', 'zendesk-export.csv'];

describe('matchTicketFiles', () => {
  it.each([
    ['tickets/*.csv', ['data/tickets/2026-03.csv', 'data/tickets/2026-04.csv']],
    ['tickets/**/*.csv', ['data/tickets/2026-03.csv', 'data/tickets/2026-04.csv', 'data/tickets/old/2025-12.csv']],
    ['**/2026-0?.csv', ['data/tickets/2026-03.csv', 'data/tickets/2026-04.csv']],
    ['zendesk-export.csv', ['data/zendesk-export.csv']],
    ['{zendesk-export,monthly}.csv', ['data/monthly.csv', 'data/zendesk-export.csv']],
    ['tickets/2026-0[3].csv', ['data/tickets/2026-03.csv']],
    ['./tickets/2026-04.csv', ['data/tickets/2026-04.csv']],
    ['Tickets/*.csv', []],
  ])('%s', (glob, expected) => {
    expect(matchTicketFiles(FILES, glob)).toEqual(expected);
  });
});
