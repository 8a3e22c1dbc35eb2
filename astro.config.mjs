// Astro configuration for working on the review site's own sources with the plain `astro` CLI
// (`npx astro dev`, `npx astro build`): the same configuration `goalpost build` and `goalpost
// dev` pass inline, with the page data of the workspace in $GOALPOST_ROOT (default: the example
// workspace in this folder) at $GOALPOST_AS_OF (default: its asOf). The CLI never reads this file.
import { siteAstroConfig } from './src/site/astro-config.ts';
import { siteDataSource } from './src/site/site-data-plugin.ts';
import { loadSiteData } from './src/site/workspace-site-data.ts';

const data = await loadSiteData(process.env.GOALPOST_ROOT ?? '.', process.env.GOALPOST_AS_OF);
// `configFile` is an inline-only option; a config file does not carry it.
const { configFile: _inlineOnly, ...config } = siteAstroConfig({ data: siteDataSource(data).integration, logLevel: 'info' });

export default config;
