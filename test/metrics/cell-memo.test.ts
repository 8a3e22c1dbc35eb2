import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CellMemo } from '../../src/metrics/cell-memo.ts';

describe('CellMemo', () => {
  it('gives what the resolver gives, for any sequence of cells', () => {
    const resolve = (text: string) => (text.startsWith('x') ? undefined : text.toUpperCase());
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', 'b', 'c', 'xa', '', 'a '), { maxLength: 200 }), (cells) => {
        const memo = new CellMemo(resolve);
        return cells.every((cell) => memo.get(cell) === resolve(cell));
      }),
    );
  });

  it('tells long cells apart that differ in one character or in length, as the slices of a line papaparse gives', () => {
    const resolve = (text: string) => (text.startsWith('x') ? undefined : `<${text}>`);
    const long = ['person:person-196', 'person:person-197', 'person:person-1960', 'person:person-19', 'xperson:person-19', 'team:support-emea', 'team:support-emeb'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...long, 'a', ''), { maxLength: 200 }), (cells) => {
        const memo = new CellMemo(resolve);
        // Cut from one string, as a CSV chunk is: V8 keeps the long cells as slices of it.
        const slices = cells.join(',').split(',');
        return slices.every((cell) => memo.get(cell) === resolve(cell));
      }),
    );
  });

  it('resolves each accepted text once, and asks again for rejected ones', () => {
    const asked: string[] = [];
    const memo = new CellMemo((text) => {
      asked.push(text);
      return text === 'bad' ? undefined : text.length;
    });
    for (const cell of ['kpi-1', 'kpi-2', 'kpi-1', 'kpi-2', 'bad', 'kpi-1', 'bad']) memo.get(cell);
    expect(asked).toEqual(['kpi-1', 'kpi-2', 'bad', 'bad']);
  });
});
