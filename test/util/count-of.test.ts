import { describe, expect, it } from 'vitest';
import { countOf } from '../../src/util/count-of.ts';

describe('countOf', () => {
  it('counts a character or a piece in text, and bytes in a Buffer, without overlaps', () => {
    expect(countOf('a\nb\n\nc', '\n')).toBe(3);
    expect(countOf('abc', '\n')).toBe(0);
    expect(countOf('aaaa', 'aa')).toBe(2);
    expect(countOf(Buffer.from('x\uFFFDy\uFFFD'), Buffer.from('\uFFFD'))).toBe(2);
  });
});
