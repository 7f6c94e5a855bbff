// Ingests a stream of batches with the NLP stage on worker threads: batch k+1 is checked and analysed while batch k
// is stored, and batches are stored in order, one commit each, so results are those of `ingestArticles` in turn.
import type { DB } from '../db/connection.ts';
import type { ScrapedArticle } from '../types.ts';
import { toError } from '../errors.ts';
import { analyseArticlesWith, storeAnalysed, type AnalysedBatch, type Analyser, type IngestResult } from './ingest.ts';

export type BatchResults = Array<IngestResult | Error>;

/** `onStored` gets each batch with its results (an Error for an article that failed, or for all of them when the
 * batch's commit failed). Batches are pulled one ahead of the store, so a lazy iterable reads as it goes. */
export async function ingestBatches<T extends { article: ScrapedArticle }>(
  analyser: Analyser,
  db: DB,
  sourceId: string | null,
  batches: Iterable<T[]>,
  onStored: (items: T[], results: BatchResults) => void,
  /** The time stored with each article; by default the time its batch is read. */
  now?: Date,
): Promise<void> {
  let previous: { items: T[]; analysed: Promise<AnalysedBatch> } | null = null;
  const storePrevious = async () => {
    if (!previous) return;
    const { items, analysed } = previous;
    let results: BatchResults;
    try {
      results = storeAnalysed(db, await analysed);
    } catch (err) {
      results = items.map(() => toError(err));
    }
    onStored(items, results);
  };
  for (const items of batches) {
    const analysed = analyseArticlesWith(analyser, db, sourceId, items.map((i) => i.article), now ?? new Date());
    await storePrevious();
    previous = { items, analysed };
  }
  await storePrevious();
}
