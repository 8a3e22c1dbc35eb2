// Diagnostics name files relative to the workspace root. GitHub annotations and code scanning
// resolve a path from the top of the repository, so for those formats the paths are rewritten
// relative to a base folder (the repository's top, else the folder the command runs in): with
// `--root support`, data/x.csv becomes support/data/x.csv and lands on the file in the pull request.
import path from 'node:path';
import type { Diagnostic } from '../../diagnostics/diagnostic.ts';

export function pathsFromFolder(diagnostics: readonly Diagnostic[], root: string, base: string): Diagnostic[] {
  const prefix = path.relative(base, root).split(path.sep).join('/');
  if (prefix === '') return [...diagnostics];
  const move = (file: string) => path.posix.join(prefix, file);
  return diagnostics.map((d) => ({
    ...d,
    file: move(d.file),
    ...(d.related ? { related: d.related.map((r) => ({ ...r, file: move(r.file) })) } : {}),
  }));
}
