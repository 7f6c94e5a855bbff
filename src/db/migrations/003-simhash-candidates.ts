// Near-duplicate candidates (src/db/simhashes.ts) are the fingerprints published around a new article's date, or the
// most recently stored ones for an undated article. Without an index holding the fingerprint, each look-up reads
// every nearby article row whole, body included (~1,300 rows at 200,000 articles: tens of ms per ingested article).
// Partial: texts too short to fingerprint are never candidates.
export default `
CREATE INDEX articles_simhash_by_date ON articles(published_at, simhash, duplicate_of)
  WHERE simhash IS NOT NULL AND simhash != '';
CREATE INDEX articles_simhash_by_id ON articles(id, simhash, duplicate_of)
  WHERE simhash IS NOT NULL AND simhash != '';
`;
