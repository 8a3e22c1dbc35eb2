// The folder of the goalpost package itself (where astro.config.mjs, src/site and public/ live),
// found from this file's URL so that `npx goalpost build --root ../elsewhere` still finds the
// site's sources inside the installed package.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const PACKAGE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * The node_modules folder the site's dependencies (astro, react) resolve from: the package's
 * own, or the one an install hoisted them into. Found where Node finds astro, so it holds for a
 * checkout, a project's install and a global one alike.
 */
export function dependenciesFolder(): string {
  const astro = fileURLToPath(import.meta.resolve('astro'));
  const folder = `${path.sep}node_modules${path.sep}`;
  return astro.slice(0, astro.lastIndexOf(`${folder}astro${path.sep}`) + folder.length - 1);
}
