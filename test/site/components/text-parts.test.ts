// Free text as the page marks it up: `code` as code (never literal backticks), dates on one line.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isPlainText, textParts } from '../../../src/site/components/text-parts.ts';

describe('text parts', () => {
  it('turns backticks into code and keeps dates and numbers with their unit whole', () => {
    expect(textParts('Read per policy with `scope: sla:<policy id>`.')).toEqual([
      { kind: 'text', text: 'Read per policy with ' },
      { kind: 'code', text: 'scope: sla:<policy id>' },
      { kind: 'text', text: '.' },
    ]);
    expect(textParts('expected 70% by 2026-06-30')).toEqual([{ kind: 'text', text: 'expected 70% by ' }, { kind: 'date', text: '2026-06-30' }]);
    expect(textParts('from 6.2 h to 95 % in 12 min')).toEqual([{ kind: 'text', text: 'from 6.2\u00a0h to 95\u00a0% in 12\u00a0min' }]);
  });

  it('leaves a lone backtick as written', () => {
    expect(textParts('a ` b')).toEqual([{ kind: 'text', text: 'a ' }, { kind: 'text', text: '` b' }]);
  });

  it('calls text plain only when its parts are the text itself', () => {
    expect(isPlainText('Frontline (chat and email)')).toBe(true);
    expect(isPlainText('4\u00a0h 30\u00a0min')).toBe(true);
    expect(isPlainText('4 h')).toBe(false);
    expect(isPlainText('due 2026-06-30')).toBe(false);
    expect(isPlainText('`frt`')).toBe(false);
    // Asking leaves the parts of the same text as they were.
    expect(isPlainText('2026-12-31')).toBe(false);
    expect(textParts('2026-12-31')).toEqual([{ kind: 'date', text: '2026-12-31' }]);
    const words = fc.string({ unit: fc.constantFrom('`', '1', '2', '0', '-', ' ', 'h', 'm', 'i', 'n', '%', 'd', 'x', '\u00a0'), maxLength: 24 });
    fc.assert(
      fc.property(words, (text) => {
        if (isPlainText(text)) expect(textParts(text)).toEqual(text ? [{ kind: 'text', text }] : []);
      }),
      { numRuns: 2000 },
    );
  });
});
