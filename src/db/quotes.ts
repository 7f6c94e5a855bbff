// SQL that writes an article's quotes. Quotes keep their ids across reprocessing when their span is unchanged,
// so permalinks that researchers cite stay valid.
import { cachedStatement, type DB } from './connection.ts';
import type { AnalysedQuote } from '../types.ts';

export interface QuoteToStore extends AnalysedQuote {
  personId: number | null;
  organisationId: number | null;
}

interface ExistingQuote {
  id: number;
  start: number;
  end: number;
}

type Article = { id: number; publishedAt: string | null; sourceId: string | null };

const spanKey = (q: { start: number; end: number }) => `${q.start}:${q.end}`;

const COLUMNS = ['article_id', 'start', '"end"', 'text', 'kind', 'placement', 'speaker_name', 'person_id', 'organisation_id', 'speaker_org',
  'role', 'cue', 'stance', 'stance_confidence', 'stance_cues', 'sentiment', 'confidence', 'published_at', 'source_id'];

/** A quote's values in COLUMNS order. */
const values = (article: Article, q: QuoteToStore): unknown[] => [
  article.id, q.start, q.end, q.text, q.kind, q.placement, q.speaker, q.personId, q.organisationId, q.speakerOrg,
  q.speakerRole, q.cue, q.stance, q.stanceConfidence, JSON.stringify(q.stanceCues), q.sentiment, q.confidence, article.publishedAt, article.sourceId,
];

/**
 * Rows per INSERT statement. Inside a transaction every statement that writes the quote index opens a statement
 * savepoint, and FTS5 writes its pending terms to disk as a new segment at each savepoint: one INSERT per quote made
 * a segment per quote (and the merges of all of them). One INSERT for an article's quotes makes one.
 */
const ROWS_PER_INSERT = 32;
const ROW = `(${COLUMNS.map(() => '?').join(', ')})`;

function insertRows(db: DB, rows: unknown[][]): void {
  for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
    const chunk = rows.slice(i, i + ROWS_PER_INSERT);
    cachedStatement(db, `INSERT INTO quotes (${COLUMNS.join(', ')}) VALUES ${Array(chunk.length).fill(ROW).join(', ')}`).run(chunk.flat());
  }
}

/** Makes the stored quotes of one article equal to `quotes`; call inside the article's transaction. */
export function replaceArticleQuotes(db: DB, article: Article, quotes: QuoteToStore[]): { inserted: number; updated: number; deleted: number } {
  const existing = cachedStatement(db, 'SELECT id, start, "end" FROM quotes WHERE article_id = ?').all(article.id) as ExistingQuote[];
  const bySpan = new Map(existing.map((q) => [spanKey(q), q.id]));
  const update = cachedStatement(db,
    `UPDATE quotes SET text = ?, kind = ?, placement = ?, speaker_name = ?, person_id = ?, organisation_id = ?, speaker_org = ?, role = ?,
       cue = ?, stance = ?, stance_confidence = ?, stance_cues = ?, sentiment = ?, confidence = ?, published_at = ?, source_id = ?
     WHERE id = ?`,
  );
  const counts = { inserted: 0, updated: 0, deleted: 0 };
  const kept = new Set<number>();
  // New rows wait and are inserted together; an update first inserts those before it, so rows are written in order.
  let pending: unknown[][] = [];
  for (const q of quotes) {
    const row = values(article, q);
    const id = bySpan.get(spanKey(q));
    if (id !== undefined && !kept.has(id)) {
      insertRows(db, pending);
      pending = [];
      update.run(...row.slice(3), id);
      kept.add(id);
      counts.updated++;
    } else {
      pending.push(row);
      counts.inserted++;
    }
  }
  insertRows(db, pending);
  const remove = cachedStatement(db, 'DELETE FROM quotes WHERE id = ?');
  for (const q of existing) {
    if (!kept.has(q.id)) {
      remove.run(q.id);
      counts.deleted++;
    }
  }
  return counts;
}

export function countQuotes(db: DB): number {
  return cachedStatement(db, 'SELECT COUNT(*) FROM quotes').pluck().get() as number;
}
