// The dev server's rebuild queue: in order, one at a time, and a failed rebuild neither stops the
// ones after it nor makes waiting for them throw.
import { describe, expect, it } from 'vitest';
import { reloadQueue } from '../../src/site/reload-queue.ts';

describe('reloadQueue', () => {
  it('reports a failed rebuild, keeps the data it had, and still runs the next', async () => {
    const results = [Promise.resolve('first'), Promise.reject(new Error('ENAMETOOLONG: name too long, scandir')), Promise.resolve('third')];
    const applied: string[] = [];
    const failed: string[] = [];
    const queue = reloadQueue({
      load: () => results.shift()!,
      apply: (data: string, changed) => applied.push(`${data} after ${changed}`),
      onError: (error, changed) => failed.push(`${changed}: ${(error as Error).message}`),
    });
    queue.reload('strategy/a.yaml');
    queue.reload('data/deep');
    queue.reload('strategy/b.yaml');
    await queue.idle();
    expect(applied).toEqual(['first after strategy/a.yaml', 'third after strategy/b.yaml']);
    expect(failed).toEqual(['data/deep: ENAMETOOLONG: name too long, scandir']);
  });

  it('runs one rebuild at a time, in the order of the changes', async () => {
    let release!: () => void;
    const slow = new Promise<void>((resolve) => (release = resolve));
    const events: string[] = [];
    const queue = reloadQueue({
      load: async () => {
        events.push('load');
        if (events.length === 1) await slow;
        return events.length;
      },
      apply: (_data: number, changed) => events.push(`apply ${changed}`),
      onError: () => events.push('error'),
    });
    queue.reload('a');
    queue.reload('b');
    await Promise.resolve();
    expect(events).toEqual(['load']);
    release();
    await queue.idle();
    expect(events).toEqual(['load', 'apply a', 'load', 'apply b']);
  });
});
