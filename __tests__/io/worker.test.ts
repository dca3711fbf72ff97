import { describe, expect, it } from 'vitest';
import { runInWorker, WORKER_YOUNG_GENERATION_MB } from '../../src/io/worker.js';

/** A worker script given as a data: URL (an ES module). */
function script(source: string): URL {
  return new URL(`data:text/javascript,${encodeURIComponent(source)}`);
}

describe('runInWorker', () => {
  it("resolves with the worker's exit code, having given it its data and environment", async () => {
    const entry = script(`import { workerData } from 'node:worker_threads';
      process.exitCode = workerData.reports.length + (process.env.GATE_TEST === 'yes' ? 10 : 0);`);
    expect(await runInWorker(entry, { GATE_TEST: 'yes' }, { reports: ['a.xml', 'b.xml'] })).toBe(12);
    expect(await runInWorker(entry, {}, { reports: [] })).toBe(0);
  });

  it('bounds the young generation of the worker', async () => {
    const entry = script(`import { resourceLimits } from 'node:worker_threads'; process.exitCode = resourceLimits.maxYoungGenerationSizeMb;`);
    expect(await runInWorker(entry, {}, undefined)).toBe(WORKER_YOUNG_GENERATION_MB);
  });

  it('rejects with what stopped the worker, so that the run fails', async () => {
    await expect(runInWorker(script(`throw new Error('stopped on purpose');`), {}, undefined)).rejects.toThrow('stopped on purpose');
    await expect(runInWorker(script(`await Promise.reject(new TypeError('rejected on purpose'));`), {}, undefined)).rejects.toThrow('rejected on purpose');
  });
});
