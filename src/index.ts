import { isMainThread, workerData } from 'node:worker_threads';
import { run, type WorkerData } from './main.js';

// On the main thread the run may go on in a worker thread started from this same script.
await run(process.env, isMainThread ? { entry: import.meta.url } : { reports: (workerData as WorkerData).reports });
