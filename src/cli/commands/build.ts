// `goalpost build`: the full check first (errors refuse the build and print as `check` does),
// then the static review site, swapped into place whole. The site's sources ship inside the
// package, so any workspace on disk can be built.
import path from 'node:path';
import { countBySeverity } from '../../diagnostics/diagnostic.ts';
import { formatPretty, summarize } from '../../render/diagnostics/format-pretty.ts';
import { CliError } from '../cli-error.ts';
import { AS_OF_OPTION, ROOT_OPTION, type Command } from '../command.ts';
import { readSourceLines, runWorkspace } from '../workspace-input.ts';
import type { SiteBuildEffects } from '../../site/site-build-effects.ts';

// The site builder is loaded when a build runs: with it every command loaded node:crypto (the
// CSV downloads' names), which `check` and `status` never use.
type SiteBuilder = typeof import('../../site/build-site.ts');

/** `/strategy` -> `/strategy/`; `https://x.org/s` -> base `/s/`, site `https://x.org`. */
export function parseBase(value: unknown): { base: string; site?: string } {
  if (value === undefined) return { base: '/' };
  const text = String(value).trim();
  const withSlashes = (p: string) => `/${p.replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/');
  if (/^[a-z][a-z0-9+.-]*:/i.test(text)) {
    let url: URL;
    try {
      url = new URL(text);
    } catch {
      throw new CliError(`--base "${text}" is not a valid URL`, 2, 'Pass a path such as /strategy/ or a URL such as https://example.org/strategy/.');
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new CliError(`--base must be an http or https URL, not "${url.protocol}"`, 2);
    return { base: withSlashes(url.pathname), site: url.origin };
  }
  if (!/^[A-Za-z0-9._~\/-]*$/.test(text)) throw new CliError(`--base "${text}" is not a URL path`, 2, 'Use letters, digits, "-", "_", "." and "/", e.g. /strategy/.');
  return { base: withSlashes(text) };
}

const inside = (child: string, parent: string) => child === parent || child.startsWith(parent.endsWith(path.sep) ? parent : `${parent}${path.sep}`);

/** Refuses an output folder that would replace the workspace, or a folder that is not a site Goalpost built. */
async function checkOutDir(builder: SiteBuilder, outDir: string, root: string, siteEffects: SiteBuildEffects): Promise<void> {
  if (inside(root, outDir)) throw new CliError(`--out ${outDir} would replace the workspace itself`, 2, 'Choose a folder of its own, such as dist/.');
  for (const sub of ['strategy', 'data']) {
    if (inside(outDir, path.join(root, sub))) throw new CliError(`--out ${outDir} is inside ${sub}/`, 2, 'Choose a folder outside strategy/ and data/, such as dist/.');
  }
  try {
    await builder.checkReplaceable(outDir, siteEffects);
  } catch (error) {
    throw outDirError(builder, error, outDir) ?? error;
  }
}

/** The one-line message for an output folder that cannot be replaced, or null for any other error. */
function outDirError(builder: SiteBuilder, error: unknown, outDir: string): CliError | null {
  if (error instanceof builder.NotASiteError) return new CliError(error.message, 2);
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOTDIR') return new CliError(`--out ${outDir} is a file`, 2);
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return new CliError(`the site could not be written: ${(error as Error).message}`, 2);
  return null;
}

export const buildCommand: Command = {
  name: 'build',
  summary: 'Check the workspace, then compile the static review site (default: dist/ under the root).',
  usage: 'goalpost build [--root DIR] [--out DIR] [--as-of YYYY-MM-DD] [--base URL]',
  examples: ['goalpost build', 'goalpost build --root ../our-strategy --out public-site', 'goalpost build --as-of 2026-06-30 --base /strategy/'],
  maxPositionals: 0,
  options: [
    ROOT_OPTION,
    { name: 'out', type: 'string', value: 'DIR', description: 'where to write the site (default: dist/ under the root); replaced whole' },
    AS_OF_OPTION,
    { name: 'base', type: 'string', value: 'URL', description: 'the path (/strategy/) or full URL the site is served under (default: /)' },
  ],
  async run(input) {
    const { effects } = input;
    const { base, site } = parseBase(input.values.base);
    const result = await runWorkspace(input);
    const outDir = path.resolve(effects.cwd, typeof input.values.out === 'string' ? input.values.out : path.join(result.root, 'dist'));
    const builder = await import('../../site/build-site.ts');
    const siteEffects = (await import('../../site/site-build-effects.ts')).nodeSiteBuildEffects();
    await checkOutDir(builder, outDir, result.root, siteEffects);
    const { errors, warnings } = countBySeverity(result.diagnostics);
    if (errors > 0 || warnings > 0) {
      const lines = await readSourceLines(effects, result.root, result.diagnostics.map((d) => d.file));
      const report = formatPretty(result.diagnostics, { sourceLines: (file) => lines.get(file), color: effects.color });
      if (errors > 0) {
        effects.stdout(report);
        effects.stderr(`goalpost: not building: ${summarize(result.diagnostics)}. Fix the errors above and run again.\n`);
        return 1;
      }
      effects.stdout(report);
    }
    const started = performance.now();
    const { siteDataOf } = await import('../../site/data/from-pipeline.ts');
    let built;
    try {
      built = await builder.buildSite({ outDir, base, ...(site ? { site } : {}), data: (pages) => siteDataOf(result, pages) }, siteEffects);
    } catch (error) {
      const refused = outDirError(builder, error, outDir);
      if (refused) throw refused;
      throw new CliError(`the site could not be built: ${(error as Error).message}`, 2, 'The previous site, if any, was left in place. Run again with --debug for details.');
    }
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const shown = path.relative(effects.cwd, outDir) || '.';
    effects.stdout(`Built ${built.pages} pages as of ${result.asOf} into ${shown}/ in ${seconds} s.\n`);
    return 0;
  },
};
