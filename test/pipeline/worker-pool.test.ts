// How the pool shares tasks out: a batch posted at once is split evenly between the threads, so each holds enough
// to keep working while the main thread is busy storing, and neither holds it all.
import { describe, expect, it } from 'vitest';
import { createWorkerPool } from '../../src/pipeline/worker-pool.ts';

describe('createWorkerPool', () => {
  it('splits a batch posted at once evenly between its threads', async () => {
    const pool = createWorkerPool<number, number>(new URL('../fixtures/pipeline/thread-id-task.ts', import.meta.url), 2);
    try {
      const threads = await Promise.all(Array.from({ length: 50 }, (_, i) => pool.run(i)));
      const perThread = [...threads.reduce((m, t) => m.set(t, (m.get(t) ?? 0) + 1), new Map<number, number>()).values()];
      expect(perThread.sort()).toEqual([25, 25]);
    } finally {
      await pool.close();
    }
  });
});
