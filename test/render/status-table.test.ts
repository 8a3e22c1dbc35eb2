// The terminal status table: goals indented by cascade, a long chain indented no further than
// eight levels, with its depth written out beyond that.
import { describe, expect, it } from 'vitest';
import { computeProgress } from '../../src/compute/index.ts';
import { formatStatusTable } from '../../src/render/status-table.ts';
import { day, seriesSet, validGoal, validModel } from '../compute/builders.ts';

describe('status table', () => {
  it('indents cascaded goals two spaces a level up to eight levels, then says how deep', () => {
    const id = (i: number) => `g${String(i).padStart(2, '0')}`;
    const goals = Array.from({ length: 12 }, (_, i) => (i === 0 ? validGoal({ id: id(0) }) : validGoal({ id: id(i), parent: id(i - 1), objective: undefined })));
    const model = validModel({ goals });
    const table = formatStatusTable(model, computeProgress(model, seriesSet(), day(50)), { color: false });
    const goalCells = table.split('\n').filter((line) => /^\s*(\(\d+\) )?g\d\d/.test(line)).map((line) => line.slice(2).split(/\s{2,}(?=ana)/)[0]);
    expect(goalCells.slice(0, 3)).toEqual(['g00', '  g01', '    g02']);
    expect(goalCells[8]).toBe(`${'  '.repeat(8)}g08`);
    expect(goalCells[11]).toBe(`${'  '.repeat(8)}(11) g11`);
  });
});
