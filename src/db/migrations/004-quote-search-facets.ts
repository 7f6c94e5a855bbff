// Search filters inside the quote index. A search for a common word with a stance, source or organisation that it
// never occurs with had to read the word's whole match list and look up each quote's filter columns to prove there
// was nothing to show (75–280 ms of CPU at 1M quotes). With the filter values held as tokens in a `facets` column,
// FTS5 intersects the two lists itself (src/db/fts-plan.ts): 7–30 ms. Tokens (src/db/search-facets.ts builds the
// same): `stance<label>`, `src<hex of the source id>` (hex keeps any id one token), `org<organisation id>`.
// The index keeps `quotes` as its content through a view that adds the column, so 'rebuild' and 'integrity-check'
// still work; the triggers now also fire when a correction changes a quote's stance or organisation.
// Users' searches are kept off the column by a column filter (src/db/search.ts). 1M quotes: ~20 s.
const facets = (row: string) =>
  `concat_ws(' ', 'stance' || ${row}stance, 'src' || hex(${row}source_id), 'org' || ${row}organisation_id)`;
const columns = 'text, speaker_name, speaker_org, facets';
const values = (row: string) => `${row}id, ${row}text, ${row}speaker_name, ${row}speaker_org, ${facets(row)}`;

export default `
DROP TRIGGER quotes_fts_insert;
DROP TRIGGER quotes_fts_delete;
DROP TRIGGER quotes_fts_update;
DROP TABLE quotes_fts;

CREATE VIEW quotes_fts_content AS SELECT ${values('')} AS facets FROM quotes;
CREATE VIRTUAL TABLE quotes_fts USING fts5(
  ${columns},
  content = 'quotes_fts_content', content_rowid = 'id',
  tokenize = 'porter unicode61 remove_diacritics 2'
);
INSERT INTO quotes_fts(quotes_fts) VALUES ('rebuild');
INSERT INTO quotes_fts(quotes_fts) VALUES ('optimize');

CREATE TRIGGER quotes_fts_insert AFTER INSERT ON quotes BEGIN
  INSERT INTO quotes_fts(rowid, ${columns}) VALUES (${values('new.')});
END;
CREATE TRIGGER quotes_fts_delete AFTER DELETE ON quotes BEGIN
  INSERT INTO quotes_fts(quotes_fts, rowid, ${columns}) VALUES ('delete', ${values('old.')});
END;
CREATE TRIGGER quotes_fts_update AFTER UPDATE OF text, speaker_name, speaker_org, stance, source_id, organisation_id ON quotes BEGIN
  INSERT INTO quotes_fts(quotes_fts, rowid, ${columns}) VALUES ('delete', ${values('old.')});
  INSERT INTO quotes_fts(rowid, ${columns}) VALUES (${values('new.')});
END;
`;
