// What each page of the review site is given: the building blocks (blocks.ts) and the page
// shapes (page-types.ts), exported together. Built by buildSiteData (site-data.ts) and handed
// to the pages in memory through `virtual:goalpost/site-data` (site-data-plugin.ts). The two
// halves live apart so that page-types.ts can use the blocks without a cycle.
export type * from './blocks.ts';
export type * from './page-types.ts';
