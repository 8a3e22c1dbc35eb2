// The compiled CLI (what bin/goalpost.js runs after `npm install`) must behave exactly like
// the TypeScript sources it is built from.
import { rmSync, statSync } from 'node:fs';
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
const valid = readFixture('valid');
const files = { ...valid, 'data/helpdesk.csv': 'period,scope,frt,csta\n2026-05,org,n/a,89\n2026-06,org,4.9,91\n' };
// Schema errors of several kinds, which the compiled CLI finds with validators generated at
// build time rather than compiled at run time: a typo'd field, a wrong type, a bad date, a
// value outside an enum, a missing target.
const broken = {
  ...valid,
  'strategy/goals.yaml': valid['strategy/goals.yaml']!
    .replace('title: Cut first response time to 4 hours', 'titel: Cut first response time to 4 hours')
    .replace('target: { value: 3.5, date: 2026-09-30 }', 'target: { value: fast, date: 2026-09-31 }')
    .replace('type: maintain', 'type: hold')
    .replace('target: { value: 90, date: 2026-12-31 }', ''),
};

async function run(main: Main, args: string[], workspace: Record<string, string> = files) {
  const effects = memoryEffects(memoryFileSystem(workspace));
  const code = await main(args, effects);
  return { code, out: effects.out(), err: effects.err() };
}

describe('the compiled CLI', () => {
  let compiledMain: Main;

  let buildStarted = 0;

  beforeAll(async () => {
    buildStarted = Date.now();
    await (buildCli as (outdir: string) => Promise<void>)(outdir);
    ({ main: compiledMain } = (await import(pathToFileURL(path.join(outdir, 'main.js')).href)) as { main: Main });
  }, 30_000);

  afterAll(() => rmSync(outdir, { recursive: true, force: true }));

  it('dates the build by when it started, so that a source saved during the build counts as newer', () => {
    const entry = statSync(path.join(outdir, 'main.js')).mtimeMs;
    expect(entry).toBeGreaterThanOrEqual(buildStarted - 1000);
    expect(entry).toBeLessThanOrEqual(statSync(path.join(outdir, 'main.js.map')).mtimeMs);
  });

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

  it('reports the same schema errors as the sources', async () => {
    const compiled = await run(compiledMain, ['check', '--format', 'json'], broken);
    expect(compiled).toEqual(await run(sourceMain, ['check', '--format', 'json'], broken));
    const { diagnostics } = JSON.parse(compiled.out) as { diagnostics: { code: string }[] };
    expect(diagnostics.filter((d) => d.code === 'schema').length).toBeGreaterThanOrEqual(4);
  });
});
