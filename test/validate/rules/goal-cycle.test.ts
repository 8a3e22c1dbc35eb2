// goal-cycle on loops of every length: one finding a goal in the loop, each with a short message,
// found in one pass (a loop of 3,000 goals once gave 3,000 findings of the whole chain: 78 MB).
import { describe, expect, it } from 'vitest';
import { pipelineOn, readFixture } from '../../helpers/workspace-fixture.ts';

const valid = readFixture('valid');

/** `length` goals, goal i the parent of goal i + 1, and the first the child of the last when `loop`. */
function chainFile(length: number, loop: boolean): string {
  const id = (i: number) => `c${String(i).padStart(5, '0')}`;
  return Array.from({ length }, (_, i) => {
    const up = i > 0 ? `parent: ${id(i - 1)}` : loop ? `parent: ${id(length - 1)}` : 'objective: loyal';
    return `kind: Goal\nid: ${id(i)}\ntitle: Goal ${i}\n${up}\nowner: ana\nkpi: frt\nbaseline: { value: 6, date: 2026-03-31 }\ntarget: { value: 4, date: 2026-09-30 }\n`;
  }).join('---\n');
}

async function cycleFindings(length: number, loop: boolean) {
  const result = await pipelineOn({ ...valid, 'strategy/chain.yaml': chainFile(length, loop) });
  return result.diagnostics.filter((d) => d.code === 'goal-cycle');
}

describe('goal-cycle', () => {
  it('writes a short loop out whole, from each goal in it', async () => {
    const findings = await cycleFindings(3, true);
    expect(findings.map((d) => [d.line, d.message])).toEqual([
      [4, 'the parent chain loops: c00000 -> c00002 -> c00001 -> c00000'],
      [13, 'the parent chain loops: c00001 -> c00000 -> c00002 -> c00001'],
      [22, 'the parent chain loops: c00002 -> c00001 -> c00000 -> c00002'],
    ]);
  });

  it('gives a loop of 3,000 goals one short finding a goal', async () => {
    const findings = await cycleFindings(3_000, true);
    expect(findings).toHaveLength(3_000);
    expect(Math.max(...findings.map((d) => d.message.length))).toBeLessThan(120);
    expect(findings.find((d) => d.line === 4)?.message).toBe('the parent chain loops through 3,000 goals: c00000 -> c02999 -> c02998 -> ... -> c00001 -> c00000');
  });

  it('finds no loop in a chain of 5,000 goals that ends at an objective', async () => {
    expect(await cycleFindings(5_000, false)).toEqual([]);
  });
});
