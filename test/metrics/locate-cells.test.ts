import { describe, expect, it } from 'vitest';
import { locateCells } from '../../src/metrics/locate-cells.ts';
import { byteChunks } from './chunked-fs.ts';

const want = (entries: [number, number[]][]) => new Map(entries.map(([line, cells]) => [line, new Set(cells)]));

describe('locateCells', () => {
  it.each([1, 3, 1024])('finds cell columns past quotes, BOMs and multi-line cells (chunks of %i bytes)', async (size) => {
    const text = '\uFEFFperiod,kpi,value\r\n"2026-04","frt","n/a"\r\n2026-05,"a ""b"", c\r\nd",zz\r\n😀x,é,,\r\n';
    const found = await locateCells(byteChunks(text, size), want([[1, [2]], [2, [0, 1, 2]], [3, [2]], [4, [2]], [5, [1, 3]]]));
    expect(found.get(1)).toEqual(new Map([[2, 12]]));
    expect(found.get(2)).toEqual(new Map([[0, 1], [1, 11], [2, 17]]));
    // The quoted cell opened on line 3 ends on line 4, so line 3 has no cell 2 and line 4 gets it.
    expect(found.get(3)).toBeUndefined();
    expect(found.get(4)).toEqual(new Map([[2, 4]]));
    expect(found.get(5)).toEqual(new Map([[1, 4], [3, 7]]));
  });

  it('finds a cell past the first megabyte of a file, whose rows all end', async () => {
    const rows = Array.from({ length: 50_000 }, (_, i) => `2026-W01,frt,person:p${i},${i}`);
    rows[45_000] = '2026-W01,frt,person:p45000,n/a';
    const found = await locateCells(byteChunks(`period,kpi,scope,value\n${rows.join('\n')}\n`, 64 * 1024), want([[45_002, [3]]]));
    expect(found.get(45_002)).toEqual(new Map([[3, 28]]));
  });

  it('places an empty last cell after the final comma at the end of the file', async () => {
    const found = await locateCells(byteChunks('a,b\n1,', 2), want([[2, [1]]]));
    expect(found.get(2)).toEqual(new Map([[1, 3]]));
  });
});
