// Writes the CSV downloads of a build as they are handed over (page-data.ts hands over a page's
// tables when it first makes the page, during Astro's render), a few files at a time, each
// folder made once. A CSV text is made only when a file is about to be written, so little is
// held at once.
import path from 'node:path';
import type { CsvDownload } from './data/csv.ts';
import type { SiteBuildEffects } from './site-build-effects.ts';

/** Files written at once: enough to keep the disk busy, few enough to hold little in memory. */
const WRITES_IN_FLIGHT = 16;

export interface CsvWriter {
  /** Queues downloads (read lazily from the iterable) to be written under the folder. */
  add(downloads: Iterable<CsvDownload>): void;
  /** Resolves with how many files were written once every queued one is; rejects with the first failure. */
  done(): Promise<number>;
}

export function csvWriter(dir: string, effects: SiteBuildEffects): CsvWriter {
  const folders = new Map<string, Promise<void>>();
  const folder = (name: string) => {
    let made = folders.get(name);
    if (!made) folders.set(name, (made = effects.mkdir(name)));
    return made;
  };
  const queue: Iterator<CsvDownload>[] = [];
  const next = (): CsvDownload | null => {
    while (queue.length > 0) {
      const item = queue[0]!.next();
      if (!item.done) return item.value;
      queue.shift();
    }
    return null;
  };
  let active = 0;
  let written = 0;
  let failure: { error: unknown } | null = null;
  const whenIdle: (() => void)[] = [];
  const work = async () => {
    active++;
    try {
      for (let download = next(); download && !failure; download = next()) {
        const file = path.join(dir, ...download.file.split('/'));
        await folder(path.dirname(file));
        await effects.writeFile(file, download.text);
        written++;
      }
    } catch (error) {
      failure ??= { error };
    } finally {
      active--;
      if (active === 0) for (const resolve of whenIdle.splice(0)) resolve();
    }
  };
  return {
    add(downloads) {
      queue.push(downloads[Symbol.iterator]());
      while (active < WRITES_IN_FLIGHT && queue.length > 0 && !failure) void work();
    },
    async done() {
      if (active > 0) await new Promise<void>((resolve) => whenIdle.push(resolve));
      if (failure) throw failure.error;
      return written;
    },
  };
}
