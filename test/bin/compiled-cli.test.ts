import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
// @ts-expect-error: plain JavaScript run by bin/goalpost.js, without type declarations
import { freshCompiledEntry } from '../../bin/compiled-cli.js';

const pick = freshCompiledEntry as (entry: string, sourceDir: string) => string | null;
const HOUR = 3600;

describe('freshCompiledEntry', () => {
  let dir: string;
  let entry: string;
  let src: string;
  const now = Math.floor(Date.now() / 1000);

  const at = (file: string, seconds: number) => utimesSync(file, seconds, seconds);

  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'goalpost-compiled-'));
    src = path.join(dir, 'src');
    mkdirSync(path.join(src, 'cli'), { recursive: true });
    writeFileSync(path.join(src, 'cli', 'main.ts'), 'export {};\n');
    entry = path.join(dir, 'lib', 'main.js');
    mkdirSync(path.dirname(entry));
    writeFileSync(entry, 'export {};\n');
    for (const file of [path.join(src, 'cli', 'main.ts'), path.join(src, 'cli'), src]) at(file, now - 2 * HOUR);
    at(entry, now - HOUR);
  });

  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('picks the build when it is newer than every source', () => {
    expect(pick(entry, src)).toBe(entry);
  });

  it('falls back to the sources when there is no build', () => {
    rmSync(entry);
    expect(pick(entry, src)).toBeNull();
  });

  it('falls back to the sources when a source was edited after the build', () => {
    at(path.join(src, 'cli', 'main.ts'), now);
    expect(pick(entry, src)).toBeNull();
  });

  it('falls back to the sources when a file two folders down was edited, and only then', () => {
    const deep = path.join(src, 'cli', 'commands', 'check.ts');
    mkdirSync(path.dirname(deep));
    writeFileSync(deep, 'export {};\n');
    for (const file of [deep, path.dirname(deep), path.join(src, 'cli')]) at(file, now - 2 * HOUR);
    expect(pick(entry, src)).toBe(entry);
    at(deep, now);
    expect(pick(entry, src)).toBeNull();
  });

  it('falls back to the sources when a file was added or removed in a nested folder', () => {
    rmSync(path.join(src, 'cli', 'main.ts'));
    expect(pick(entry, src)).toBeNull();
  });

  it('picks the build of an installed package (under node_modules) whatever the times of its files', () => {
    const installed = path.join(dir, 'node_modules', 'goalpost');
    mkdirSync(path.join(installed, 'src'), { recursive: true });
    mkdirSync(path.join(installed, 'lib'));
    writeFileSync(path.join(installed, 'lib', 'main.js'), 'export {};\n');
    writeFileSync(path.join(installed, 'src', 'main.ts'), 'export {};\n');
    at(path.join(installed, 'lib', 'main.js'), now - HOUR);
    expect(pick(path.join(installed, 'lib', 'main.js'), path.join(installed, 'src'))).toBe(path.join(installed, 'lib', 'main.js'));
    rmSync(path.join(installed, 'lib', 'main.js'));
    expect(pick(path.join(installed, 'lib', 'main.js'), path.join(installed, 'src'))).toBeNull();
  });

  it('picks the build when there are no sources beside it', () => {
    rmSync(src, { recursive: true });
    expect(pick(entry, src)).toBe(entry);
  });
});
