// Site-relative paths to URLs under the configured base (`--base`), e.g. `goals/x/` -> `/base/goals/x/`.
// Paths are built from ids (the schema allows only `[a-z0-9._-]`), never from free text.
import { base } from 'virtual:goalpost/site-data';

export function href(path: string): string {
  return `${base}${path.replace(/^\//, '')}`;
}
