// The marker of a built site records its --base, which `goalpost preview` serves it under.
import { describe, expect, it } from 'vitest';
import { baseOfMarker, markerText } from '../../src/site/site-marker.ts';

describe('site marker', () => {
  it('gives back the base it was written with, and nothing for a marker of an older build', () => {
    expect(baseOfMarker(markerText('/strategy/'))).toBe('/strategy/');
    expect(baseOfMarker(markerText('/'))).toBe('/');
    expect(baseOfMarker('This folder was built by `goalpost build`, which replaces it whole on the next build.\n')).toBeNull();
  });
});
