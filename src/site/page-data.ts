// Page data made a page at a time. The goal, objective and KPI pages are most of the site's
// data (a KPI page of a workspace with 250 scopes holds every scope's series), and a page
// needs only its own: so their lists hold stand-ins, each answering its `id` (which routes
// and links need) at once and making its page from the model the first time anything else is
// read. Made pages are kept while they are among the last few read, and after that only as long
// as the garbage collector leaves them (a WeakRef), then made again if read again: the same
// inputs give the same page, so this changes when a page is made, never what it holds.
// `goalpost build` holds a few pages at a time this way and writes each page's CSV downloads
// when it first makes it (`onMade`); `goalpost dev` makes only the pages a browser asks for.
import { allTables, emptySiteData, type PageList, type PageSection } from './data/site-data.ts';
import type { SiteData, TableData } from './data/types.ts';

/** Pages kept whatever the garbage collector does: more than one render ever reads at once. */
const KEPT = 8;

/**
 * An object that reads every property from `current()` at the moment it is read, except those
 * in `known`, which it answers itself.
 */
export function liveView<T extends object>(current: () => T, known: Partial<T> = {}): T {
  const own = (key: string | symbol) => Object.hasOwn(known, key);
  return new Proxy({} as T, {
    get: (_, key) => (own(key) ? (known as Record<string | symbol, unknown>)[key] : Reflect.get(current(), key)),
    has: (_, key) => own(key) || Reflect.has(current(), key),
    ownKeys: () => Reflect.ownKeys(current()),
    getOwnPropertyDescriptor(_, key) {
      const descriptor = Reflect.getOwnPropertyDescriptor(current(), key);
      // The (empty) target has no such property, so the proxy may only report it configurable.
      return descriptor && { ...descriptor, configurable: true };
    },
  });
}

export interface PagesOnDemand {
  /** For buildSiteData (through siteDataOf). */
  list: PageList;
  /** Makes every page that has not been made yet (the build: the CSV downloads of every page, read or not). */
  makeRest(): void;
}

/** `onMade` is told about each page the first time it is made. */
export function pagesOnDemand(onMade?: (section: PageSection, page: { id: string }) => void): PagesOnDemand {
  const recent = new Set<object>();
  const keep = (page: object) => {
    recent.delete(page);
    recent.add(page);
    if (recent.size > KEPT) recent.delete(recent.values().next().value!);
  };
  const unmade: (() => void)[] = [];
  const list: PageList = (section, items, build) =>
    items.map((item) => {
      let made: WeakRef<ReturnType<typeof build>> | undefined;
      let first = true;
      const page = () => {
        let value = made?.deref();
        if (!value) {
          value = build(item);
          if (value.id !== item.id) throw new Error(`the ${section} page of ${item.id} says it is ${value.id}`);
          made = new WeakRef(value);
          if (first) {
            first = false;
            onMade?.(section, value);
          }
        }
        keep(value);
        return value;
      };
      unmade.push(() => void (first && page()));
      return liveView(page, { id: item.id } as Partial<ReturnType<typeof build>>);
    });
  return {
    list,
    makeRest() {
      for (const make of unmade.splice(0)) make();
    },
  };
}

let skeleton: { site: SiteData; tables: Set<TableData> } | null = null;

/** The tables of one page of `section` (those allTables lists for it), for its CSV downloads. */
export function tablesOfPage(section: PageSection, page: { id: string }): TableData[] {
  // allTables over a site that has nothing but this page, less the tables of a site with nothing.
  if (!skeleton) {
    const site = emptySiteData('', []);
    skeleton = { site, tables: new Set(allTables(site)) };
  }
  const { site, tables } = skeleton;
  return allTables({ ...site, [section]: [page] } as SiteData).filter((table) => !tables.has(table));
}

/** The tables of every page that is not in one of the lists of pages (the overview, quarters, SLA...). */
export function tablesOutsidePages(site: SiteData): TableData[] {
  return allTables({ ...site, goals: [], objectives: [], kpis: [] });
}
