// Site-relative paths to URLs under the configured base (`--base`), e.g. `goals/x/` -> `/base/goals/x/`.
// Paths are built from ids, never from free text; the ids in them become path segments
// through site-paths.ts, as the pages' routes do, so every link lands on its page.
import { base } from 'virtual:goalpost/site-data';
import { sitePath } from '../site-paths.ts';

export function href(path: string): string {
  return `${base}${sitePath(path.replace(/^\//, ''))}`;
}
