// The folder of the goalpost package itself (where astro.config.mjs, src/site and public/ live),
// found from this file's URL so that `npx goalpost build --root ../elsewhere` still finds the
// site's sources inside the installed package.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const PACKAGE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
