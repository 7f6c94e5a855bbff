// A pool of worker threads, each running the `run(input)` export of one TypeScript module (src/pipeline/worker-entry.js
// loads it): CPU-bound stages such as NLP run on every core while the main thread stores. A task that throws is
// rejected alone. A thread that dies is replaced, and the tasks it held run again, each alone on a thread, so a task
// that kills its thread twice is rejected and no other task is lost with it.
import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';

export interface WorkerPool<I, O> {
  readonly size: number;
  run(input: I): Promise<O>;
  /** Stops every thread; tasks not yet answered are rejected. */
  close(): Promise<void>;
}

interface Task {
  id: number;
  input: unknown;
  resolve(value: unknown): void;
  reject(err: Error): void;
  /** How many threads died while holding it; once it has, it runs alone. */
  crashes: number;
}

interface Thread {
  worker: Worker;
  tasks: Map<number, Task>;
  ready: boolean;
  lastError?: Error;
}

/**
 * Tasks posted to one thread ahead of its answers. The main thread answers no message while it stores a batch (a
 * few hundred ms for 50 articles), so what a thread holds must outlast that: with 16 a thread ran dry before the
 * store ended (16 analyses are ~100 ms). Tasks go to the thread holding fewest, so a batch is split evenly.
 */
const IN_FLIGHT = 64;
const ENTRY = new URL('./worker-entry.js', import.meta.url);

/** The thread count a setting asks for: 0 means one per core. */
export function poolSize(setting: number): number {
  return setting > 0 ? setting : availableParallelism();
}

export function createWorkerPool<I, O>(module: URL, size: number): WorkerPool<I, O> {
  const queue: Task[] = [];
  const threads = new Set<Thread>();
  let nextId = 0;
  let broken: Error | null = null;
  let closing = false;

  const spawn = () => {
    const thread: Thread = { worker: new Worker(ENTRY, { workerData: { module: module.href } }), tasks: new Map(), ready: false };
    thread.worker.on('message', (m: { ready?: true; id: number; value?: unknown; error?: { name: string; message: string; stack?: string } }) => {
      if (m.ready) return void (thread.ready = true);
      const task = thread.tasks.get(m.id);
      if (!task) return;
      thread.tasks.delete(m.id);
      if (m.error) task.reject(Object.assign(new Error(m.error.message), m.error));
      else task.resolve(m.value);
      dispatch();
    });
    thread.worker.on('error', (err) => (thread.lastError = err));
    thread.worker.on('exit', (code) => onExit(thread, code));
    threads.add(thread);
  };

  const onExit = (thread: Thread, code: number) => {
    threads.delete(thread);
    if (closing) return;
    const why = thread.lastError?.message ?? `exit code ${code}`;
    // A thread that dies before its module loaded would die again: the pool is unusable.
    if (!thread.ready) broken = new Error(`worker thread failed to start: ${why}`);
    for (const task of thread.tasks.values()) {
      if (broken) task.reject(broken);
      else if (++task.crashes > 1) task.reject(new Error(`worker thread died while running this task: ${why}`));
      else queue.unshift(task);
    }
    if (broken) return void queue.splice(0).forEach((t) => t.reject(broken!));
    spawn();
    dispatch();
  };

  /** A thread that can take `task` now, the one holding fewest tasks; a task that killed a thread runs alone. */
  const threadFor = (task: Task): Thread | undefined => {
    let best: Thread | undefined;
    for (const thread of threads) {
      if (thread.tasks.size >= IN_FLIGHT || [...thread.tasks.values()].some((t) => t.crashes > 0)) continue;
      if (task.crashes > 0 && thread.tasks.size > 0) continue;
      if (!best || thread.tasks.size < best.tasks.size) best = thread;
    }
    return best;
  };

  const dispatch = () => {
    for (let thread; queue.length && (thread = threadFor(queue[0]!)); ) {
      const task = queue.shift()!;
      thread.tasks.set(task.id, task);
      thread.worker.postMessage({ id: task.id, input: task.input });
    }
  };

  return {
    size,
    run(input) {
      if (broken) return Promise.reject(broken);
      if (closing) return Promise.reject(new Error('worker pool is closed'));
      // Threads start with the first task: a run that finds nothing to analyse pays nothing for them.
      if (nextId === 0) for (let i = 0; i < size; i++) spawn();
      return new Promise<O>((resolve, reject) => {
        queue.push({ id: nextId++, input, resolve: resolve as (v: unknown) => void, reject, crashes: 0 });
        dispatch();
      });
    },
    async close() {
      closing = true;
      const pending = [...queue.splice(0), ...[...threads].flatMap((t) => [...t.tasks.values()])];
      await Promise.all([...threads].map((t) => t.worker.terminate()));
      for (const task of pending) task.reject(new Error('worker pool closed before this task ran'));
    },
  };
}
