// The compiled CLI (what bin/goalpost.js runs after `npm install`) must behave exactly like
// the TypeScript sources it is built from.
import { rmSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main as sourceMain } from '../../src/cli/main.ts';
import type { Effects } from '../../src/effects.ts';
// @ts-expect-error: plain JavaScript run by `npm install`, without type declarations
import { buildCli } from '../../scripts/build-cli.mjs';
import { memoryEffects, memoryFileSystem } from '../helpers/memory-fs.ts';
import { readFixture } from '../helpers/workspace-fixture.ts';

type Main = (argv: readonly string[], effects?: Effects) => Promise<number>;

const outdir = path.resolve(import.meta.dirname, '..', '..', 'lib', `test-${process.pid}`);
const files = { ...readFixture('valid'), 'data/helpdesk.csv': 'period,scope,frt,csta\n2026-05,org,n/a,89\n2026-06,org,4.9,91\n' };

async function run(main: Main, args: string[]) {
  const effects = memoryEffects(memoryFileSystem(files));
  const code = await main(args, effects);
  return { code, out: effects.out(), err: effects.err() };
}

describe('the compiled CLI', () => {
  let compiledMain: Main;

  beforeAll(async () => {
    await (buildCli as (outdir: string) => Promise<void>)(outdir);
    ({ main: compiledMain } = (await import(pathToFileURL(path.join(outdir, 'main.js')).href)) as { main: Main });
  }, 30_000);

  afterAll(() => rmSync(outdir, { recursive: true, force: true }));

  it.each([
    [['--version']],
    [['check', '--format', 'json']],
    [['status', '--as-of', '2026-06-30', '--json']],
    [['status', '--as-of', '2026-06-30']],
    [['status', '--bogus']],
  ])('gives the same output and exit code as the sources for %j', async (args) => {
    const compiled = await run(compiledMain, args);
    expect(compiled).toEqual(await run(sourceMain, args));
    expect(compiled.out + compiled.err).not.toBe('');
  });
});
