import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CellMemo } from '../../src/metrics/cell-memo.ts';

/** Each cell of `cells`, as the range of one text (a line) that holds them all, as a CSV row gives them. */
function ranges(cells: readonly string[]): { text: string; start: number; end: number }[] {
  const text = cells.join(',');
  let start = 0;
  return cells.map((cell) => {
    const range = { text, start, end: start + cell.length };
    start += cell.length + 1;
    return range;
  });
}

describe('CellMemo', () => {
  it('gives what the resolver gives for any sequence of cells, each compared where it lies in its line', () => {
    const resolve = (text: string) => (text.startsWith('x') ? undefined : `<${text}>`);
    const cells = ['a', 'b', 'c', 'xa', '', 'a ', 'person:person-196', 'person:person-197', 'person:person-1960', 'person:person-19', 'xperson:person-19', 'team:support-emea'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...cells), { maxLength: 200 }), (sequence) => {
        const memo = new CellMemo(resolve);
        return ranges(sequence).every(({ text, start, end }, i) => memo.get(text, start, end) === resolve(sequence[i]!));
      }),
    );
  });

  it('resolves each accepted text once, and asks again for rejected ones', () => {
    const asked: string[] = [];
    const memo = new CellMemo((text) => {
      asked.push(text);
      return text === 'bad' ? undefined : text.length;
    });
    for (const { text, start, end } of ranges(['kpi-1', 'kpi-2', 'kpi-1', 'kpi-2', 'bad', 'kpi-1', 'bad'])) memo.get(text, start, end);
    expect(asked).toEqual(['kpi-1', 'kpi-2', 'bad', 'bad']);
  });
});
