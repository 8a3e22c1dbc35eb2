// Counts and the one-line summary both formats lead with, e.g.
// "3 goals changed (1 less ambitious, 1 slipped), 1 added; 1 SLA policy changed (1 tightened)".
// A parenthesised figure counts items, not changes: a policy with both targets tightened is one.
import { KINDS, type Kind } from '../spec/kinds.ts';
import { plural } from './describe-value.ts';
import type { ChangeCode, ItemDiff, StrategyDiff } from './types.ts';

export const KIND_NOUNS: Record<Kind, [string, string]> = {
  Workspace: ['workspace', 'workspaces'],
  KPI: ['KPI', 'KPIs'],
  Objective: ['objective', 'objectives'],
  Goal: ['goal', 'goals'],
  Channel: ['channel', 'channels'],
  SLAPolicy: ['SLA policy', 'SLA policies'],
  HiringProfile: ['hiring profile', 'hiring profiles'],
  Schedule: ['schedule', 'schedules'],
  TicketSource: ['ticket source', 'ticket sources'],
  Review: ['review', 'reviews'],
};

/** Codes worth naming in the summary line, in the order they are named. */
const NOTABLE: [ChangeCode, string][] = [
  ['less-ambitious', 'less ambitious'],
  ['more-ambitious', 'more ambitious'],
  ['slipped', 'slipped'],
  ['pulled-in', 'pulled in'],
  ['tightened', 'tightened'],
  ['relaxed', 'relaxed'],
  ['retired', 'retired'],
  ['status-changed', 'status changed'],
];

export interface KindCounts {
  changed: number;
  added: number;
  removed: number;
  invalid: number;
  /** Items carrying each code (every code that occurs). */
  codes: Partial<Record<ChangeCode, number>>;
}

export function countChanges(diff: StrategyDiff): Partial<Record<Kind, KindCounts>> {
  const counts: Partial<Record<Kind, KindCounts>> = {};
  for (const item of diff.items) {
    const entry = (counts[item.kind] ??= { changed: 0, added: 0, removed: 0, invalid: 0, codes: {} });
    entry[item.change]++;
    for (const code of new Set(item.changes.map((c) => c.code))) entry.codes[code] = (entry.codes[code] ?? 0) + 1;
  }
  return counts;
}

export function codesIn(items: readonly ItemDiff[]): Set<ChangeCode> {
  return new Set(items.flatMap((item) => item.changes.map((c) => c.code)));
}

export function summaryLine(diff: StrategyDiff): string {
  if (!diff.base.comparable || !diff.head.comparable) return 'Strategies not compared: one side does not pass check';
  const counts = countChanges(diff);
  const kinds = KINDS.filter((kind) => counts[kind]).map((kind) => {
    const entry = counts[kind]!;
    const [one, many] = KIND_NOUNS[kind];
    const notes = NOTABLE.filter(([code]) => entry.codes[code]).map(([code, words]) => `${entry.codes[code]} ${words}`);
    const parts: [number, string][] = [
      [entry.changed, `changed${notes.length ? ` (${notes.join(', ')})` : ''}`],
      [entry.added, 'added'],
      [entry.removed, 'removed'],
      [entry.invalid, 'not compared'],
    ];
    const shown = parts.filter(([count]) => count > 0);
    return shown.map(([count, words], i) => (i === 0 ? `${plural(count, one, many)} ${words}` : `${count} ${words}`)).join(', ');
  });
  return kinds.length ? kinds.join('; ') : 'No strategy changes';
}
