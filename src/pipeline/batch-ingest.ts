// Ingests a stream of batches with the NLP stage on worker threads: later batches are checked and analysed while
// batch k is stored, and batches are stored in order, one commit each, so results are those of `ingestArticles` in turn.
import type { DB } from '../db/connection.ts';
import type { ScrapedArticle } from '../types.ts';
import { toError } from '../errors.ts';
import { analyseArticlesWith, storeAnalysed, type AnalysedBatch, type Analyser, type IngestResult } from './ingest.ts';

export type BatchResults = Array<IngestResult | Error>;

/**
 * Batches sent for analysis ahead of the one being stored. With one, the workers finished it while the main thread
 * was still storing and then sat idle until the store took the next: a core unused for part of every batch.
 */
const AHEAD = 2;

/** `onStored` gets each batch with its results (an Error for an article that failed, or for all of them when the
 * batch's commit failed). Batches are pulled at most AHEAD ahead of the store, so a lazy iterable reads as it goes. */
export async function ingestBatches<T extends { article: ScrapedArticle }>(
  analyser: Analyser,
  db: DB,
  sourceId: string | null,
  batches: Iterable<T[]>,
  onStored: (items: T[], results: BatchResults) => void,
  /** The time stored with each article; by default the time its batch is read. */
  now?: Date,
): Promise<void> {
  const pending: Array<{ items: T[]; analysed: Promise<AnalysedBatch> }> = [];
  const storeNext = async () => {
    const { items, analysed } = pending.shift()!;
    let results: BatchResults;
    try {
      results = storeAnalysed(db, await analysed);
    } catch (err) {
      results = items.map(() => toError(err));
    }
    onStored(items, results);
  };
  for (const items of batches) {
    pending.push({ items, analysed: analyseArticlesWith(analyser, db, sourceId, items.map((i) => i.article), now ?? new Date()) });
    if (pending.length > AHEAD) await storeNext();
  }
  while (pending.length) await storeNext();
}
