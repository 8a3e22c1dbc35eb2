// The dev server's rebuilds. Editors save a file in a burst of writes (truncate then write, or
// write a copy then rename it), so a rebuild starts once changes have stopped coming for a
// moment (`quietMs`, a few milliseconds; never later than `maxWaitMs` after the first change)
// and takes every file changed meanwhile. Rebuilds run one at a time: changes that come during
// one are taken together by the next. `settled()` is what a page request waits for, so that a
// request made during a rebuild is answered with the new data, not the old.
// A rebuild that fails (a folder under data/ that cannot be read, say) is reported and leaves
// the last good data in place; the next change rebuilds again.

export interface ReloadQueue {
  /** `file` changed: a rebuild follows. */
  changed(file: string): void;
  /** Resolves once every change so far has been rebuilt and applied (or has failed); at once when none waits. Never rejects. */
  settled(): Promise<void>;
  /** Whether a change is waiting for its rebuild, or a rebuild is running. */
  busy(): boolean;
  /** Drops the changes not yet rebuilding; resolves when the running rebuild has ended. */
  stop(): Promise<void>;
}

/** Runs `task` after `ms`; returns what cancels it. */
export type Schedule = (task: () => void, ms: number) => () => void;

const timeout: Schedule = (task, ms) => {
  const timer = setTimeout(task, ms);
  return () => clearTimeout(timer);
};

export interface ReloadSteps<T> {
  /** Computes the data after a change to `changed` (files relative to the workspace, in the order they changed). */
  load(changed: readonly string[]): Promise<T>;
  apply(data: T, changed: readonly string[]): void;
  onError(error: unknown, changed: readonly string[]): void;
  /** Milliseconds without a change before a rebuild starts; default 10. */
  quietMs?: number;
  /** At most this long after the first change of a burst; default 50. */
  maxWaitMs?: number;
  schedule?: Schedule;
}

export function reloadQueue<T>(steps: ReloadSteps<T>): ReloadQueue {
  const { quietMs = 10, maxWaitMs = 50, schedule = timeout } = steps;
  let waiting: string[] = [];
  let running: Promise<void> | null = null;
  let cancelQuiet: (() => void) | null = null;
  let cancelDeadline: (() => void) | null = null;
  let stopped = false;
  let settle: { promise: Promise<void>; resolve(): void } | null = null;

  const collecting = () => cancelQuiet !== null;
  const stopTimers = () => {
    cancelQuiet?.();
    cancelDeadline?.();
    cancelQuiet = cancelDeadline = null;
  };

  async function drain(): Promise<void> {
    // Changes that come during a rebuild start a burst of their own; its timer starts the next.
    while (waiting.length > 0 && !collecting() && !stopped) {
      const changed = waiting;
      waiting = [];
      try {
        steps.apply(await steps.load(changed), changed);
      } catch (error) {
        steps.onError(error, changed);
      }
    }
    running = null;
    if (!collecting() || stopped) {
      settle?.resolve();
      settle = null;
    }
  }

  const burstOver = () => {
    stopTimers();
    running ??= drain();
  };

  return {
    changed(file) {
      if (stopped) return;
      if (!waiting.includes(file)) waiting.push(file);
      if (!settle) {
        let resolve!: () => void;
        const promise = new Promise<void>((done) => (resolve = done));
        settle = { promise, resolve };
      }
      cancelQuiet?.();
      cancelQuiet = schedule(burstOver, quietMs);
      cancelDeadline ??= schedule(burstOver, maxWaitMs);
    },
    settled: () => settle?.promise ?? Promise.resolve(),
    busy: () => settle !== null,
    async stop() {
      stopped = true;
      stopTimers();
      waiting = [];
      await running;
      settle?.resolve();
      settle = null;
    },
  };
}
