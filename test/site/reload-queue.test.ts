// The dev server's rebuild queue: a burst of changes is one rebuild with every file in it,
// changes during a rebuild are taken together by the next one, waiting for it (what a page
// request does) ends with the new data applied, and a failed rebuild neither stops the ones
// after it nor makes waiting for them throw. Timers are in the test's hand (no real time).
import { describe, expect, it } from 'vitest';
import { reloadQueue, type ReloadSteps, type Schedule } from '../../src/site/reload-queue.ts';

/** Timers that fire only when the test says so. */
function manualTimers(): { schedule: Schedule; fireAll(): void; pending(): number } {
  const timers = new Set<() => void>();
  return {
    schedule(task) {
      timers.add(task);
      return () => timers.delete(task);
    },
    fireAll() {
      for (const task of [...timers]) {
        timers.delete(task);
        task();
      }
    },
    pending: () => timers.size,
  };
}

const flush = () => new Promise((resolve) => setImmediate(resolve));

function recorder(load: ReloadSteps<string>['load']) {
  const timers = manualTimers();
  const events: string[] = [];
  const queue = reloadQueue({
    load,
    apply: (data, changed) => events.push(`apply ${data} after ${changed.join(' ')}`),
    onError: (error, changed) => events.push(`error after ${changed.join(' ')}: ${(error as Error).message}`),
    schedule: timers.schedule,
  });
  return { queue, timers, events };
}

describe('reloadQueue', () => {
  it('rebuilds once for a burst of changes, with every file in it', async () => {
    let loads = 0;
    const { queue, timers, events } = recorder(async (changed) => `#${++loads} of ${changed.length}`);
    queue.changed('strategy/goals.yaml');
    queue.changed('strategy/goals.yaml');
    queue.changed('data/metrics.csv');
    expect(queue.busy()).toBe(true);
    await flush();
    expect(events).toEqual([]);
    timers.fireAll();
    await queue.settled();
    expect(events).toEqual(['apply #1 of 2 after strategy/goals.yaml data/metrics.csv']);
    expect(queue.busy()).toBe(false);
    expect(timers.pending()).toBe(0);
  });

  it('makes a request during a rebuild wait for the new data, and takes changes made meanwhile together', async () => {
    const releases: (() => void)[] = [];
    const { queue, timers, events } = recorder((changed) => new Promise((resolve) => releases.push(() => resolve(changed.join('+')))));
    queue.changed('a.yaml');
    timers.fireAll();
    await flush();
    expect(releases).toHaveLength(1);

    let answered = false;
    const request = queue.settled().then(() => (answered = true));
    queue.changed('b.yaml');
    queue.changed('c.yaml');
    timers.fireAll();
    releases[0]!();
    await flush();
    expect(answered).toBe(false);
    expect(events).toEqual(['apply a.yaml after a.yaml']);
    expect(releases).toHaveLength(2);
    releases[1]!();
    await request;
    expect(events).toEqual(['apply a.yaml after a.yaml', 'apply b.yaml+c.yaml after b.yaml c.yaml']);
  });

  it('waits for a burst that starts during a rebuild to end before the next rebuild', async () => {
    const releases: (() => void)[] = [];
    const { queue, timers, events } = recorder((changed) => new Promise((resolve) => releases.push(() => resolve(changed.join('+')))));
    queue.changed('a.yaml');
    timers.fireAll();
    await flush();
    queue.changed('b.yaml');
    releases[0]!();
    await flush();
    expect(releases).toHaveLength(1);
    expect(queue.busy()).toBe(true);
    timers.fireAll();
    await flush();
    releases[1]!();
    await queue.settled();
    expect(events).toEqual(['apply a.yaml after a.yaml', 'apply b.yaml after b.yaml']);
  });

  it('reports a failed rebuild, keeps the data it had, and still runs the next', async () => {
    const results = [Promise.resolve('first'), Promise.reject(new Error('ENAMETOOLONG: name too long, scandir')), Promise.resolve('third')];
    const { queue, timers, events } = recorder(() => results.shift()!);
    for (const file of ['strategy/a.yaml', 'data/deep', 'strategy/b.yaml']) {
      queue.changed(file);
      timers.fireAll();
      await expect(queue.settled()).resolves.toBeUndefined();
    }
    expect(events).toEqual([
      'apply first after strategy/a.yaml',
      'error after data/deep: ENAMETOOLONG: name too long, scandir',
      'apply third after strategy/b.yaml',
    ]);
  });

  it('drops changes not yet rebuilding when stopped, and lets waiting requests go', async () => {
    const { queue, timers, events } = recorder(async () => 'data');
    queue.changed('a.yaml');
    const request = queue.settled();
    await queue.stop();
    await request;
    timers.fireAll();
    queue.changed('b.yaml');
    await flush();
    expect(events).toEqual([]);
    expect(queue.busy()).toBe(false);
  });
});
