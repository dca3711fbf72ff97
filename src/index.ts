import { isMainThread, workerData } from 'node:worker_threads';
import { run } from './main.js';

// On the main thread the run may go on in a worker thread started from this same script.
await run(process.env, isMainThread ? { thread: 'main', entry: import.meta.url } : { thread: 'worker', message: workerData });
