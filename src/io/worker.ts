import fs from 'node:fs/promises';
import { Worker } from 'node:worker_threads';

/** Reports of this many bytes in all, or more, are read in a worker thread (`runInWorker`). */
export const WORKER_BYTES = 16 * 1024 * 1024;

/**
 * The young generation of the worker that reads large runs, in MB. V8 grows it to some 50–100 MB on a
 * main thread that allocates as fast as a run of a million tests does, and the memory stays taken;
 * bounded, each collection of short-lived objects is smaller and the peak memory lower, at the same
 * speed (see the README's Performance section).
 */
export const WORKER_YOUNG_GENERATION_MB = 6;

/**
 * Runs `entry` (the bundle's own entry) in a worker thread with `data` as its `workerData`, the
 * environment `env`, and a bounded young generation. Its output goes to this process's output, as
 * it is written. Resolves with its exit code; rejects with what stopped it (an uncaught error, or the
 * heap limit).
 */
export function runInWorker(entry: string | URL, env: NodeJS.ProcessEnv, data: unknown): Promise<number> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(typeof entry === 'string' ? new URL(entry) : entry, {
      workerData: data,
      env,
      resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB },
    });
    let failure: unknown;
    worker.once('error', (e) => (failure = e));
    // 'exit' comes last, after 'error' and after the worker's output has been passed on.
    worker.once('exit', (code) => (failure === undefined ? resolve(code) : reject(failure instanceof Error ? failure : new Error(String(failure)))));
  });
}

/** Bytes of the files in all; a file that cannot be looked at counts 0 (reading it says why). */
export async function totalBytes(files: readonly string[]): Promise<number> {
  const sizes = await Promise.all(files.map((f) => fs.stat(f).then((s) => s.size, () => 0)));
  return sizes.reduce((a, b) => a + b, 0);
}
