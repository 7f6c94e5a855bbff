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

const spanKey = (q: { start: number; end: number }) => `${q.start}:${q.end}`;

/** Makes the stored quotes of one article equal to `quotes`; call inside the article's transaction. */
export function replaceArticleQuotes(
  db: DB,
  article: { id: number; publishedAt: string | null; sourceId: string | null },
  quotes: QuoteToStore[],
): { inserted: number; updated: number; deleted: number } {
  const existing = cachedStatement(db, 'SELECT id, start, "end" FROM quotes WHERE article_id = ?').all(article.id) as ExistingQuote[];
  const bySpan = new Map(existing.map((q) => [spanKey(q), q.id]));
  const insert = cachedStatement(db,
    `INSERT INTO quotes (article_id, start, "end", text, kind, placement, speaker_name, person_id, organisation_id, speaker_org, role, cue,
       stance, stance_confidence, stance_cues, sentiment, confidence, published_at, source_id)
     VALUES (@article_id, @start, @end, @text, @kind, @placement, @speaker_name, @person_id, @organisation_id, @speaker_org, @role, @cue,
       @stance, @stance_confidence, @stance_cues, @sentiment, @confidence, @published_at, @source_id)`,
  );
  const update = cachedStatement(db,
    `UPDATE quotes SET text = @text, kind = @kind, placement = @placement, speaker_name = @speaker_name, person_id = @person_id,
       organisation_id = @organisation_id, speaker_org = @speaker_org, role = @role, cue = @cue, stance = @stance,
       stance_confidence = @stance_confidence, stance_cues = @stance_cues, sentiment = @sentiment, confidence = @confidence,
       published_at = @published_at, source_id = @source_id
     WHERE id = @id`,
  );
  const counts = { inserted: 0, updated: 0, deleted: 0 };
  const kept = new Set<number>();
  for (const q of quotes) {
    const params = {
      article_id: article.id,
      start: q.start,
      end: q.end,
      text: q.text,
      kind: q.kind,
      placement: q.placement,
      speaker_name: q.speaker,
      person_id: q.personId,
      organisation_id: q.organisationId,
      speaker_org: q.speakerOrg,
      role: q.speakerRole,
      cue: q.cue,
      stance: q.stance,
      stance_confidence: q.stanceConfidence,
      stance_cues: JSON.stringify(q.stanceCues),
      sentiment: q.sentiment,
      confidence: q.confidence,
      published_at: article.publishedAt,
      source_id: article.sourceId,
    };
    const id = bySpan.get(spanKey(q));
    if (id !== undefined && !kept.has(id)) {
      update.run({ ...params, id });
      kept.add(id);
      counts.updated++;
    } else {
      insert.run(params);
      counts.inserted++;
    }
  }
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
