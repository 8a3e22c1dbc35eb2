// The file that marks a folder as a site `goalpost build` wrote: the build replaces only such a
// folder (or an empty one), and `goalpost preview` reads from it the --base the site was built
// with, since a site served under another path has every link broken.

export const SITE_MARKER = '.goalpost-site';

const MARKER_TEXT = 'This folder was built by `goalpost build`, which replaces it whole on the next build.\n';

export function markerText(base: string): string {
  return `${MARKER_TEXT}base: ${base}\n`;
}

/** The --base a site was built with, from its marker's text; null when it does not say (an older build). */
export function baseOfMarker(text: string): string | null {
  return /^base: (\/\S*)$/m.exec(text)?.[1] ?? null;
}
