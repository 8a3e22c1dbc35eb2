// A worker thread's entry: waits for one part of a metric CSV to read (see ingest-part.ts) and
// posts the outcome back, handing over the point store's buffers rather than copying them.
import { parentPort } from 'node:worker_threads';
import type { PartJob } from './ingest-part.ts';
import { ingestPart } from './ingest-part.ts';

parentPort!.once('message', async ({ job }: { job: PartJob }) => {
  const outcome = await ingestPart(job);
  const transfer = outcome.usable ? [...outcome.store.daySlabs, ...outcome.store.valueSlabs, outcome.store.next, outcome.store.fill, outcome.series.table].map((array) => array.buffer as ArrayBuffer) : [];
  parentPort!.postMessage(outcome, transfer);
});
