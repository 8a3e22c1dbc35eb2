// The worker threads that read parts of large metric CSVs (part-worker.ts). They can be started
// before their jobs are known, so that loading their modules (50 to 100 ms) overlaps reading
// the strategy; an idle worker does not keep the process alive, and close() stops the unused.
import { Worker } from 'node:worker_threads';
import type { PartJob, PartOutcome } from './ingest-part.ts';

interface Started {
  worker: Worker;
  /** Set when the worker failed or stopped before it was given a job. */
  ended: boolean;
}

function startWorker(): Started {
  // Compiled into lib/cli/, the worker's entry sits beside this module as JavaScript; from the
  // sources it is TypeScript, run through bin/source-worker.js.
  const compiled = import.meta.url.endsWith('.js');
  // A smaller young generation than Node gives a busy thread by default: reading half of
  // 10,000,000 rows, a worker took 90 MB less on Node 24 and 30 MB less on Node 20, with no
  // measurable change in time.
  const resourceLimits = { maxYoungGenerationSizeMb: 16 };
  // Node's own flags carry over to the thread, except one that only an --eval script may have.
  const execArgv = process.execArgv.filter((arg) => !arg.startsWith('--input-type'));
  const worker = compiled
    ? new Worker(new URL('./part-worker.js', import.meta.url), { resourceLimits, execArgv })
    : new Worker(new URL('../../bin/source-worker.js', import.meta.url), { workerData: { entry: new URL('./part-worker.ts', import.meta.url).href }, resourceLimits, execArgv });
  worker.unref();
  const started: Started = { worker, ended: false };
  const end = () => {
    started.ended = true;
  };
  worker.on('error', end).on('exit', end);
  return started;
}

export class PartWorkers {
  private readonly idle: Started[];

  constructor(count = 0) {
    this.idle = Array.from({ length: count }, startWorker);
  }

  /** Reads `job` in a worker thread: one started earlier if there is one. */
  run(job: PartJob): { outcome: Promise<PartOutcome>; stop: () => void } {
    let started = this.idle.shift();
    if (!started || started.ended) started = startWorker();
    const { worker } = started;
    worker.ref();
    const outcome = new Promise<PartOutcome>((resolve) => {
      worker.once('message', (message: PartOutcome) => resolve(message));
      worker.once('error', (error) => resolve({ usable: false, reason: `the worker failed: ${error.message}` }));
      worker.once('exit', (code) => resolve({ usable: false, reason: `the worker stopped (exit code ${code})` }));
    });
    worker.postMessage({ job });
    return { outcome, stop: () => void worker.terminate() };
  }

  /** Stops the workers that were never given a job. */
  close(): void {
    for (const { worker } of this.idle.splice(0)) void worker.terminate();
  }
}
