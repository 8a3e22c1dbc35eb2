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

/** A started worker, or null when Node refused to start one (the file is then read whole). */
function startWorker(): Started | null {
  // Compiled into lib/cli/, the worker's entry sits beside this module as JavaScript; from the
  // sources it is TypeScript, run through bin/source-worker.js.
  const compiled = import.meta.url.endsWith('.js');
  // A smaller young generation than Node gives a busy thread by default: reading half of
  // 10,000,000 rows, a worker took 90 MB less on Node 24 and 30 MB less on Node 20 at 16 MB
  // than by default, and 8 MB took the file's peak from 412-422 MB to 393-412 MB on Node 24,
  // with no measurable change in time.
  const resourceLimits = { maxYoungGenerationSizeMb: 8 };
  // The thread inherits Node's flags (--import, --max-old-space-size...), except --input-type,
  // which Node refuses outside an --eval script. Listing the flags for the thread would make
  // Node refuse the process-wide ones, so they are listed only when one must go.
  const execArgv = process.execArgv.some((arg) => arg.startsWith('--input-type')) ? process.execArgv.filter((arg) => !arg.startsWith('--input-type')) : undefined;
  let worker: Worker;
  try {
    worker = compiled
      ? new Worker(new URL('./part-worker.js', import.meta.url), { resourceLimits, execArgv })
      : new Worker(new URL('../../bin/source-worker.js', import.meta.url), { workerData: { entry: new URL('./part-worker.ts', import.meta.url).href }, resourceLimits, execArgv });
  } catch {
    return null;
  }
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
  /** The workers given a job, so that close() can stop them too. */
  private readonly busy: Worker[] = [];

  constructor(count = 0) {
    this.idle = Array.from({ length: count }, startWorker).filter((started) => started !== null);
  }

  /** Reads `job` in a worker thread: one started earlier if there is one. */
  run(job: PartJob): { outcome: Promise<PartOutcome>; stop: () => Promise<void> } {
    let started: Started | null | undefined = this.idle.shift();
    if (!started || started.ended) started = startWorker();
    if (!started) return { outcome: Promise.resolve({ usable: false, reason: 'no worker thread could be started' }), stop: async () => {} };
    const { worker } = started;
    this.busy.push(worker);
    worker.ref();
    const outcome = new Promise<PartOutcome>((resolve) => {
      worker.once('message', (message: PartOutcome) => resolve(message));
      worker.once('error', (error) => resolve({ usable: false, reason: `the worker failed: ${error.message}` }));
      worker.once('exit', (code) => resolve({ usable: false, reason: `the worker stopped (exit code ${code})` }));
    });
    worker.postMessage({ job });
    return { outcome, stop: () => worker.terminate().then(() => undefined) };
  }

  /** Stops every worker: those never given a job, and those still reading a part nobody will join (the strategy could not be read). */
  close(): void {
    for (const worker of [...this.idle.splice(0).map((started) => started.worker), ...this.busy.splice(0)]) void worker.terminate();
  }
}
