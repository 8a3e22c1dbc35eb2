// Runs a worker thread's TypeScript entry from the sources (when bin/goalpost.js does, or under
// the tests): Node 22.18+ strips the types itself, older Node needs tsx registered first.
import { workerData } from 'node:worker_threads';

if (!process.features.typescript) {
  const { register } = await import('tsx/esm/api');
  register();
}
await import(workerData.entry);
