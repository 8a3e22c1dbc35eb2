// Where on the site a page or a CSV download lives. Page data names places by their logical
// path, with ids as written (`goals/frt-org/`, CSV `sla/p1-outage`); this module is the one
// place that turns an id into a path segment, for the pages' routes, every link and every CSV
// file alike. FORMAT.md allows ids such as `index.html`, `summary.csv` or `con`, which as
// folder or file names would replace a page, clash with a file Goalpost writes beside them, or
// be refused by Windows. See docs/security.md ("Ids and the site's paths").

/** Names Windows reserves for devices, also with an extension (`nul.csv`). */
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\.|$)/;

/**
 * The path segment of an id. Most ids are used as they are. An id with a dot in it, or one that
 * Windows reserves, is wrapped in underscores (`index.html` -> `_index.html_`): every file
 * Goalpost writes beside an id's folder has a dot in its name (kpis/index.html), a name
 * ending in a dot is another name on Windows, and no id starts with `_`, so no wrapped id can
 * equal an id used as it is. Ids are lower case, so no two differ only by case either.
 */
export function idSegment(id: string): string {
  return id.includes('.') || WINDOWS_DEVICE.test(id) ? `_${id}_` : id;
}

/**
 * The sections whose next segment is an id, when more follows: pages at goals/<id>/, kpis/<id>/,
 * objectives/<id>/, and downloads at csv/<section>/<id>/<table>.csv. An id is always a folder
 * there, and whatever Goalpost names itself beside it is a file with an extension (kpis/index.html,
 * csv/sla/policies.csv), which keeps idSegment's promise.
 */
const ID_SECTIONS = new Set(['goals', 'kpis', 'objectives', 'sla', 'channels', 'overview']);

/** The pages that hold a section for each document of a kind, and the prefix of its anchor. */
const ANCHORED = { sla: 'sla', channels: 'channel', hiring: 'profile' } as const;

/**
 * The HTML id of a document's section on its kind's page (`sla:p1-outage`, which the link
 * `sla/#p1-outage` in page data is turned into). Written as is, an id could repeat one the page
 * holds itself (`main`, the skip link's target); no such id has a colon, and no id has one.
 */
export function anchorOf(page: keyof typeof ANCHORED, id: string): string {
  return `${ANCHORED[page]}:${id}`;
}

/** The path under the site's root of a logical path (a page's `goals/<id>/`, `sla/#<id>`, or `csv/<table>.csv`). */
export function sitePath(logical: string): string {
  const hash = logical.indexOf('#');
  const fragment = hash < 0 ? '' : logical.slice(hash);
  const segments = (hash < 0 ? logical : logical.slice(0, hash)).split('/');
  const slot = segments[0] === 'csv' ? 2 : 1;
  if (ID_SECTIONS.has(segments[slot - 1] ?? '') && segments.length > slot + 1) segments[slot] = idSegment(segments[slot]!);
  const page = segments[0] as keyof typeof ANCHORED;
  const anchored = Object.hasOwn(ANCHORED, page) && segments.length === 2 && segments[1] === '' && fragment.length > 1;
  return `${segments.join('/')}${anchored ? `#${anchorOf(page, fragment.slice(1))}` : fragment}`;
}

/** The file of a table's CSV download, from its logical name (TableData.csv, e.g. `goals/frt-org/points`). */
export function csvFile(table: string): string {
  return sitePath(`csv/${table}.csv`);
}
