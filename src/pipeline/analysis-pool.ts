// The NLP stage on worker threads (one per core by default): imports and reprocessing analyse articles in parallel
// while the main thread stores them.
import type { ArticleContext } from '../types.ts';
import { analyseForStore, type ArticleAnalysis } from './article-analysis.ts';
import { createWorkerPool, poolSize, type WorkerPool } from './worker-pool.ts';

export type AnalysisPool = WorkerPool<ArticleContext, ArticleAnalysis>;

/** Below this many articles a thread's start-up (loading TypeScript and the wink model, ~1–2 s) costs more than it saves. */
const MIN_TASKS_FOR_THREADS = 4;

/** `workers` is the `nlpWorkers` setting (0 = one per core); never more threads than `tasks`, when given, and none for a few. */
export function createAnalysisPool(workers: number, tasks = Infinity): AnalysisPool {
  if (tasks < MIN_TASKS_FOR_THREADS) return { size: 0, run: async (ctx) => analyseForStore(ctx), close: async () => {} };
  const size = Math.max(1, Math.min(poolSize(workers), tasks));
  return createWorkerPool(new URL('./article-analysis.ts', import.meta.url), size);
}
