// Page data made a page at a time (what goalpost build and dev use): the same data as made all
// at once, each page made only when something other than its id is read, and the tables of
// each page, with those outside the lists of pages, are every table of the site.
import { describe, expect, it } from 'vitest';
import { siteDataOf } from '../../src/site/data/from-pipeline.ts';
import { allTables, type PageSection } from '../../src/site/data/site-data.ts';
import { pagesOnDemand, tablesOfPage, tablesOutsidePages } from '../../src/site/page-data.ts';
import { fixturePipeline } from './fixture.ts';

describe('pagesOnDemand', () => {
  it('gives the same page data as making every page at once', async () => {
    const result = await fixturePipeline(undefined, '2026-06-30');
    const eager = siteDataOf(result);
    const lazy = siteDataOf(result, pagesOnDemand().list);
    expect(lazy.goals.length).toBeGreaterThan(2);
    expect(JSON.parse(JSON.stringify(lazy))).toEqual(JSON.parse(JSON.stringify(eager)));
    expect(Object.keys(lazy.kpis[0]!)).toEqual(Object.keys(eager.kpis[0]!));
  });

  it('makes a page when it is read, once, and answers its id without making it', async () => {
    const result = await fixturePipeline(undefined, '2026-06-30');
    const made: string[] = [];
    const pages = pagesOnDemand((section, page) => made.push(`${section}/${page.id}`));
    const site = siteDataOf(result, pages.list);
    expect(site.goals.map((goal) => goal.id)).toEqual(result.model!.goals.map((goal) => goal.id));
    expect(made).toEqual([]);

    expect(site.goals[1]!.title).toBe(siteDataOf(result).goals[1]!.title);
    expect(site.goals[1]!.status).toBeDefined();
    expect(made).toEqual([`goals/${site.goals[1]!.id}`]);

    pages.makeRest();
    const every = [...site.goals.map((g) => `goals/${g.id}`), ...site.objectives.map((o) => `objectives/${o.id}`), ...site.kpis.map((k) => `kpis/${k.id}`)];
    expect([...made].sort()).toEqual(every.sort());
    pages.makeRest();
    expect(made).toHaveLength(every.length);
  });
});

describe('tablesOfPage', () => {
  it('gives each page its own tables; with those outside the lists of pages, every table of the site', async () => {
    const site = siteDataOf(await fixturePipeline(undefined, '2026-06-30'));
    const sections: PageSection[] = ['goals', 'objectives', 'kpis'];
    const ofPages = sections.flatMap((section) => site[section].flatMap((page) => tablesOfPage(section, page).map((table) => ({ section, id: page.id, csv: table.csv }))));
    for (const { section, id, csv } of ofPages) expect(csv.startsWith(`${section}/${id}/`), `${csv} on ${section}/${id}`).toBe(true);
    const outside = tablesOutsidePages(site).map((table) => table.csv);
    // goalpost dev finds a download under goals/, objectives/ or kpis/ among its page's tables alone.
    expect(outside.filter((csv) => sections.some((section) => csv.startsWith(`${section}/`)))).toEqual([]);
    expect([...ofPages.map((t) => t.csv), ...outside].sort()).toEqual(allTables(site).map((table) => table.csv).sort());
  });
});
