// The dev server's rebuilds, one at a time in the order the changes came. A rebuild that fails
// (a folder under data/ that cannot be read, say) is reported and leaves the last good data in
// place; the next change rebuilds again. Chained naively, one rejected rebuild left the chain
// rejected, so that no later change was ever picked up and stopping the server threw.

export interface ReloadQueue {
  /** Queues a rebuild after a change to `changed`. */
  reload(changed: string): void;
  /** Resolves once every queued rebuild has run (never rejects). */
  idle(): Promise<void>;
}

export function reloadQueue<T>(steps: {
  load(): Promise<T>;
  apply(data: T, changed: string): void;
  onError(error: unknown, changed: string): void;
}): ReloadQueue {
  let running = Promise.resolve();
  return {
    reload(changed) {
      running = running.then(async () => {
        let data: T;
        try {
          data = await steps.load();
        } catch (error) {
          steps.onError(error, changed);
          return;
        }
        steps.apply(data, changed);
      });
    },
    idle: () => running,
  };
}
