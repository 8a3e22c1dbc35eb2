// What each page of the review site is given: the building blocks (blocks.ts) and the page
// shapes (page-types.ts), exported together. Built once at build time by buildSiteData
// (site-data.ts) and served to the pages as JSON through `virtual:goalpost/site-data`. The
// two halves live apart so that page-types.ts can use the blocks without a cycle.
export type * from './blocks.ts';
export type * from './page-types.ts';
