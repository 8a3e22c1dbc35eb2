// Types for the site's sources: Astro's client types (import.meta.env), and the virtual module
// that carries the page data (see site-data-plugin.ts).
/// <reference types="astro/client" />

declare module 'virtual:goalpost/site-data' {
  const data: import('./data/types.ts').SiteData;
  export default data;
  /** The site's base path, always ending in `/`. */
  export const base: string;
}
