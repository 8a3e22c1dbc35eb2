// A misspelt command names the closest commands (every one as close), then all of them.
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { memoryEffects, memoryFileSystem } from '../helpers/memory-fs.ts';

async function run(args: string[]) {
  const effects = memoryEffects(memoryFileSystem({}));
  const code = await main(args, effects);
  return { code, out: effects.out(), err: effects.err() };
}

const ALL = 'Commands: check, status, metrics, diff, build, dev, preview, init, schema.';

describe('an unknown command', () => {
  it.each([
    ['stauts', '`status`'],
    ['chekc', '`check`'],
    ['biuld', '`build`'],
    ['Status', '`status`'],
  ])('%s names %s', async (name, closest) => {
    const { code, out, err } = await run([name]);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toBe(`goalpost: unknown command "${name}"\nhint: Did you mean ${closest}? ${ALL}\n`);
  });

  it('names every command as close', async () => {
    expect((await run(['di'])).err).toBe(`goalpost: unknown command "di"\nhint: Did you mean \`dev\` or \`diff\`? ${ALL}\n`);
  });

  it('lists the commands when none is close', async () => {
    expect((await run(['publish'])).err).toBe(`goalpost: unknown command "publish"\nhint: ${ALL}\n`);
  });
});
