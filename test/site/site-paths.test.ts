// The one mapping from ids to the site's path segments: every id FORMAT.md allows (matching
// ^[a-z0-9][a-z0-9._-]{0,63}$) gets a segment of its own that no file Goalpost writes beside it,
// no other id, and no file system (case-insensitive, or Windows with its reserved names and
// trailing dots) can confuse with another.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anchorOf, csvFile, idSegment, sitePath } from '../../src/site/site-paths.ts';

const idCharacter = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789._-');
const anyId = fc
  .tuple(fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789'), fc.array(idCharacter, { maxLength: 63 }))
  .map(([first, rest]) => first + rest.join(''));
// Ids that look like Goalpost's own names, devices, or names ending in a dot, drawn often.
const trickyId = fc.constantFrom('index.html', 'summary.csv', 'policies', 'goals', '404.html', 'con', 'nul.csv', 'com1', 'lpt9.txt', 'frt.', 'a..', 'kpis', 'series', 'points');
const id = fc.oneof(anyId, trickyId);

/** What a case-insensitive file system that also drops trailing dots (Windows) sees of a name. */
const asWindowsSees = (name: string) => name.toLowerCase().replace(/\.+$/, '');

describe('idSegment', () => {
  it('leaves ordinary ids as they are, so existing links keep working', () => {
    expect(['frt-org', 'sla_adherence', 'p1', '2026-q2-review'].map(idSegment)).toEqual(['frt-org', 'sla_adherence', 'p1', '2026-q2-review']);
  });

  it('wraps ids that look like a file, end in a dot or name a Windows device', () => {
    expect(['index.html', 'summary.csv', 'frt.', 'con', 'nul.csv', 'lpt1'].map(idSegment)).toEqual(['_index.html_', '_summary.csv_', '_frt._', '_con_', '_nul.csv_', '_lpt1_']);
  });

  it('gives distinct ids distinct segments, even as a case-insensitive file system sees them', () => {
    fc.assert(
      fc.property(id, id, (a, b) => {
        if (a !== b) expect(asWindowsSees(idSegment(a))).not.toBe(asWindowsSees(idSegment(b)));
      }),
      { numRuns: 2_000 },
    );
  });

  it('never gives a segment that ends in a dot, names a device, or has a dot and no wrapping', () => {
    fc.assert(
      fc.property(id, (value) => {
        const segment = idSegment(value);
        expect(segment).not.toMatch(/\.$/);
        expect(segment).not.toMatch(/^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\.|$)/);
        // Every file Goalpost writes beside an id's folder has a dot in its name.
        if (segment.includes('.')) expect(segment).toMatch(/^_.*_$/);
      }),
      { numRuns: 2_000 },
    );
  });
});

describe('sitePath and csvFile', () => {
  it('map the id of each section, and nothing else', () => {
    expect(sitePath('goals/index.html/')).toBe('goals/_index.html_/');
    expect(sitePath('kpis/index.html/')).toBe('kpis/_index.html_/');
    expect(sitePath('kpis/')).toBe('kpis/');
    expect(sitePath('objectives/con/')).toBe('objectives/_con_/');
    expect(sitePath('quarters/2026-Q2/')).toBe('quarters/2026-Q2/');
    // A document's section on its kind's page: an anchor no element of the page itself has.
    expect(sitePath('sla/#main')).toBe('sla/#sla:main');
    expect(sitePath('channels/#summary.csv')).toBe('channels/#channel:summary.csv');
    expect(sitePath('hiring/#agent')).toBe('hiring/#profile:agent');
    expect(sitePath('goals/frt-org/#chart-title')).toBe('goals/frt-org/#chart-title');
    expect(csvFile('goals/frt.x/points')).toBe('csv/goals/_frt.x_/points.csv');
    expect(csvFile('kpis/index.html/related-csat')).toBe('csv/kpis/_index.html_/related-csat.csv');
    // Goalpost's own tables beside the ids' folders are files, and stay as they are.
    expect(csvFile('sla/policies')).toBe('csv/sla/policies.csv');
    expect(csvFile('sla/policies/adherence')).toBe('csv/sla/policies/adherence.csv');
    expect(csvFile('sla/nul/adherence')).toBe('csv/sla/_nul_/adherence.csv');
    expect(csvFile('channels/summary')).toBe('csv/channels/summary.csv');
    expect(csvFile('channels/summary.csv/goals')).toBe('csv/channels/_summary.csv_/goals.csv');
    expect(csvFile('overview/unassigned')).toBe('csv/overview/unassigned.csv');
  });

  it('links a section to the anchor its page gives it', () => {
    expect(anchorOf('sla', 'main')).toBe('sla:main');
    fc.assert(
      fc.property(id, (value) => {
        expect(sitePath(`hiring/#${value}`)).toBe(`hiring/#${anchorOf('hiring', value)}`);
      }),
    );
  });

  it('puts a page and a CSV of any id where idSegment says', () => {
    fc.assert(
      fc.property(id, (value) => {
        expect(sitePath(`goals/${value}/`)).toBe(`goals/${idSegment(value)}/`);
        expect(csvFile(`sla/${value}/adherence`)).toBe(`csv/sla/${idSegment(value)}/adherence.csv`);
        // A folder of an id never has the name of a file Goalpost writes beside it.
        expect(idSegment(value)).not.toMatch(/\.(html|csv)$/);
      }),
    );
  });
});
