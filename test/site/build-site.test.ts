// buildSite with its effects in hand: which folders it may replace, how it cleans up after a
// killed build, and that a build failing at the last step leaves the previous site in place.
// The whole command, run as a user runs it, is in build.test.ts.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildSite, checkReplaceable, NotASiteError, removeStaleWork } from '../../src/site/build-site.ts';
import { SITE_MARKER } from '../../src/site/site-marker.ts';
import { nodeSiteBuildEffects, type SiteBuildEffects } from '../../src/site/site-build-effects.ts';
import { siteDataOf } from '../../src/site/data/from-pipeline.ts';
import { fixturePipeline } from './fixture.ts';

let tmp: string;
beforeEach(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'goalpost-build-site-'));
});
afterEach(() => rmSync(tmp, { recursive: true, force: true }));

function folder(relative: string, files: Record<string, string> = {}): string {
  const dir = path.join(tmp, relative);
  mkdirSync(dir, { recursive: true });
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

describe('checkReplaceable', () => {
  const effects = nodeSiteBuildEffects();

  it('accepts a missing folder, an empty one and one Goalpost marked', async () => {
    await expect(checkReplaceable(path.join(tmp, 'missing'), effects)).resolves.toBeUndefined();
    await expect(checkReplaceable(folder('empty'), effects)).resolves.toBeUndefined();
    await expect(checkReplaceable(folder('site', { [SITE_MARKER]: '', 'index.html': '' }), effects)).resolves.toBeUndefined();
  });

  it('refuses a folder with index.html, .git/ and src/, naming it', async () => {
    const repository = folder('repository', { 'index.html': '<h1>mine</h1>', '.git/HEAD': 'ref: refs/heads/main\n', 'src/app.js': '' });
    const refused = checkReplaceable(repository, effects);
    await expect(refused).rejects.toBeInstanceOf(NotASiteError);
    await expect(refused).rejects.toThrow(`${repository} is not a site Goalpost built`);
  });
});

describe('removeStaleWork', () => {
  it('removes the work folders of builds that are gone, and only those', async () => {
    folder('.goalpost-tmp-site-111-0/site', { 'index.html': 'running' });
    folder('.goalpost-tmp-site-222-3/site', { 'index.html': 'killed' });
    folder('.goalpost-tmp-other-333-0');
    folder('.goalpost-tmpish');
    folder('site', { [SITE_MARKER]: '' });
    const effects: SiteBuildEffects = { ...nodeSiteBuildEffects(), isRunning: (pid) => pid === 111 };
    const removed = await removeStaleWork(tmp, effects);
    expect(removed.map((dir) => path.basename(dir))).toEqual(['.goalpost-tmp-other-333-0', '.goalpost-tmp-site-222-3']);
    expect(readdirSync(tmp).sort()).toEqual(['.goalpost-tmp-site-111-0', '.goalpost-tmpish', 'site']);
  });

  it('puts back a site a killed build had moved aside', async () => {
    folder('.goalpost-tmp-site-222-0/previous', { [SITE_MARKER]: '', 'index.html': 'the last good site' });
    folder('.goalpost-tmp-site-222-0/site', { 'index.html': 'half a new site' });
    await removeStaleWork(tmp, { ...nodeSiteBuildEffects(), isRunning: () => false });
    expect(readdirSync(tmp)).toEqual(['site']);
    expect(readFileSync(path.join(tmp, 'site', 'index.html'), 'utf8')).toBe('the last good site');
  });

  it('is fine when the parent folder does not exist', async () => {
    await expect(removeStaleWork(path.join(tmp, 'nowhere'), nodeSiteBuildEffects())).resolves.toEqual([]);
  });
});

describe('buildSite', () => {
  it('works in a folder beside the output, and leaves the previous site when the last rename fails', async () => {
    const out = folder('out', { [SITE_MARKER]: '', 'index.html': 'the last good site' });
    const real = nodeSiteBuildEffects();
    const directories: string[] = [];
    const effects: SiteBuildEffects = {
      ...real,
      inDirectory(dir, task) {
        directories.push(dir);
        return real.inDirectory(dir, task);
      },
      async rename(from, to) {
        if (to === out && from.endsWith(`${path.sep}site`)) throw Object.assign(new Error('EXDEV: simulated'), { code: 'EXDEV' });
        return real.rename(from, to);
      },
    };
    const cwd = process.cwd();
    const result = await fixturePipeline(undefined, '2026-06-30');
    await expect(buildSite({ outDir: out, base: '/', data: (pages) => siteDataOf(result, pages) }, effects)).rejects.toThrow('EXDEV: simulated');

    expect(readFileSync(path.join(out, 'index.html'), 'utf8')).toBe('the last good site');
    expect(readdirSync(tmp)).toEqual(['out']);
    expect(directories).toHaveLength(1);
    expect(path.dirname(directories[0]!)).toBe(tmp);
    expect(path.basename(directories[0]!)).toMatch(new RegExp(`^\\.goalpost-tmp-out-${process.pid}-\\d+$`));
    expect(process.cwd()).toBe(cwd);
  }, 120_000);
});
