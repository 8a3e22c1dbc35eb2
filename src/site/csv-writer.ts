// Writes the CSV downloads of a build as they are handed over (page-data.ts hands over a page's
// tables when it first makes the page, during Astro's render), each folder made once. A CSV
// text is made only when its file is written, so little is held at once. The writes are
// synchronous: a download is a few kilobytes, and the thread-pool round trips of asynchronous
// writes cost the rendering thread more than the writes themselves (3,180 files in 1,060
// folders: 0.23-0.42 s against 0.10-0.13 s, measured on the build machine). The first failure
// stops the writing and is what `done` throws once the render is over, so the build reports
// the file that failed rather than an error inside whichever page was rendering.
import path from 'node:path';
import type { CsvDownload } from './data/csv.ts';
import type { SiteBuildEffects } from './site-build-effects.ts';

export interface CsvWriter {
  /** Writes the downloads (read from the iterable now) under the folder. */
  add(downloads: Iterable<CsvDownload>): void;
  /** How many files were written; throws the first failure. */
  done(): number;
}

export function csvWriter(dir: string, effects: Pick<SiteBuildEffects, 'mkdirSync' | 'writeFileSync'>): CsvWriter {
  const folders = new Set<string>();
  let written = 0;
  let failure: { error: unknown } | null = null;
  return {
    add(downloads) {
      if (failure) return;
      try {
        for (const download of downloads) {
          const file = path.join(dir, ...download.file.split('/'));
          const folder = path.dirname(file);
          if (!folders.has(folder)) {
            effects.mkdirSync(folder);
            folders.add(folder);
          }
          effects.writeFileSync(file, download.text);
          written++;
        }
      } catch (error) {
        failure = { error };
      }
    },
    done() {
      if (failure) throw failure.error;
      return written;
    },
  };
}
