// A Review decision's state at the as-of date (FORMAT.md section 2): open until done, overdue
// when still open after its due date. The decision-overdue rule and the site both read it.
import { describe, expect, it } from 'vitest';
import { decisionState } from '../../src/compute/decision-state.ts';
import type { Decision } from '../../src/model/types.ts';

const decision = (due: string, done?: string): Decision => ({ id: 'd', text: 'Do it.', owner: 'ana', due, goals: [], ...(done ? { done } : {}), dueAt: { file: 'f', line: 1, column: 1 } });

describe('decisionState', () => {
  it('is open until done, and overdue when still open after the due date', () => {
    expect(decisionState(decision('2026-06-30'), '2026-06-30')).toBe('open');
    expect(decisionState(decision('2026-06-29'), '2026-06-30')).toBe('overdue');
    expect(decisionState(decision('2026-06-01', '2026-06-30'), '2026-06-30')).toBe('done');
  });

  it('counts a decision done after the as-of date as still open then', () => {
    expect(decisionState(decision('2026-06-01', '2026-07-02'), '2026-06-30')).toBe('overdue');
    expect(decisionState(decision('2026-07-31', '2026-07-02'), '2026-06-30')).toBe('open');
  });
});
