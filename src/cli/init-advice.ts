// What `goalpost init` tells the user to add by hand to a file it found already there: it never
// changes a file it did not create, so an existing package.json or .gitignore stays as it is,
// and only what Goalpost needs from it is named.
import { GITIGNORE_ENTRIES, PACKAGE_SCRIPTS } from './init-template.ts';

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** "a", "a and b", "a, b and c". */
function listOfAll(words: readonly string[]): string {
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}

/**
 * What an existing package.json lacks: Goalpost in its dependencies, and the scripts init
 * writes (a script of the same name that runs something else is the user's and is left alone).
 * `installArgument` is what `npm install --save-dev` takes, e.g. `goalpost@^0.1.0`. Null when it
 * lacks nothing.
 */
export function packageJsonAdvice(text: string, installArgument: string): string | null {
  let manifest: unknown;
  try {
    manifest = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return `it is not valid JSON, so add Goalpost once it is: npm install --save-dev ${installArgument}`;
  }
  if (!isRecord(manifest)) return `it holds no JSON object, so add Goalpost once it does: npm install --save-dev ${installArgument}`;
  const todo: string[] = [];
  const lists = [manifest.devDependencies, manifest.dependencies];
  if (!lists.some((list) => isRecord(list) && 'goalpost' in list)) todo.push(`run npm install --save-dev ${installArgument}`);
  const scripts = isRecord(manifest.scripts) ? manifest.scripts : {};
  const missing = Object.entries(PACKAGE_SCRIPTS).filter(([name]) => !(name in scripts));
  if (missing.length > 0) {
    const written = missing.map(([name, command]) => `"${name}": "${command}"`);
    todo.push(`add the script${missing.length === 1 ? '' : 's'} ${listOfAll(written)}`);
  }
  return todo.length === 0 ? null : todo.join(', and ');
}

/** The entries an existing .gitignore lacks (`dist`, `/dist` and `dist/` all count), or null. */
export function gitignoreAdvice(text: string): string | null {
  const bare = (line: string) => line.trim().replace(/^\//, '').replace(/\/$/, '');
  const present = new Set(text.split(/\r?\n/).map(bare));
  const missing = GITIGNORE_ENTRIES.filter((entry) => !present.has(bare(entry)));
  return missing.length === 0 ? null : `add ${listOfAll(missing)}`;
}
