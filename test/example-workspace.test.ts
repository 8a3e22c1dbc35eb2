// The example workspace end to end, with saved expected outputs: a changed output is a
// reviewed diff (`npx vitest run -u` rewrites them), not a surprise.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.ts';
import { nodeFileSystem } from '../src/effects.ts';
import { GOAL_STATUSES } from '../src/compute/types.ts';
import { memoryEffects } from './helpers/memory-fs.ts';

const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');

async function run(args: string[]) {
  const effects = memoryEffects(nodeFileSystem, { cwd: ROOT, today: '2026-11-23' });
  const code = await main(args, effects);
  return { code, out: effects.out(), err: effects.err() };
}

describe('the example workspace', () => {
  it('passes check with no error and no warning', async () => {
    expect(await run(['check', '--strict'])).toEqual({ code: 0, out: 'No problems found.\n', err: '' });
  });

  it('shows every status at its pinned as-of date', async () => {
    const { code, out } = await run(['status', '--json']);
    expect(code).toBe(0);
    const status = JSON.parse(out) as { asOf: string; goals: { status: string }[] };
    expect(status.asOf).toBe('2026-06-30');
    expect(new Set(status.goals.map((g) => g.status))).toEqual(new Set(GOAL_STATUSES));
    await expect(out).toMatchFileSnapshot('output/example-status.json');
  });

  it('prints the status table', async () => {
    await expect((await run(['status'])).out).toMatchFileSnapshot('output/example-status.txt');
  });

  it('gives byte-identical output for the same inputs and --as-of', async () => {
    const first = await run(['status', '--json', '--as-of', '2026-05-15']);
    const second = await run(['status', '--json', '--as-of', '2026-05-15']);
    expect(second.out).toBe(first.out);
  });
});
