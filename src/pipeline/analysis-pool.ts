// The NLP stage on worker threads (one per core by default): imports and reprocessing analyse articles in parallel
// while the main thread stores them.
import type { ArticleContext } from '../types.ts';
import type { ArticleAnalysis } from './article-analysis.ts';
import { createWorkerPool, poolSize, type WorkerPool } from './worker-pool.ts';

export type AnalysisPool = WorkerPool<ArticleContext, ArticleAnalysis>;

/** `workers` is the `nlpWorkers` setting (0 = one per core); never more threads than `tasks`, when given. */
export function createAnalysisPool(workers: number, tasks = Infinity): AnalysisPool {
  const size = Math.max(1, Math.min(poolSize(workers), tasks));
  return createWorkerPool(new URL('./article-analysis.ts', import.meta.url), size);
}
