// Runs a worker thread's TypeScript entry from the sources (when bin/goalpost.js does, or under
// the tests).
import { workerData } from 'node:worker_threads';
import { allowTypeScriptSources } from './typescript-sources.js';

await allowTypeScriptSources();
await import(workerData.entry);
