// The initial schema. Shipped migrations are never edited: add a new file instead.
export default `
CREATE TABLE organisations (
  id INTEGER PRIMARY KEY,
  slug TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  acronym TEXT,
  kind TEXT,
  website TEXT
);

CREATE TABLE sources (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  kind TEXT NOT NULL,
  organisation_id INTEGER REFERENCES organisations(id),
  enabled INTEGER NOT NULL DEFAULT 1,
  last_run_at TEXT,
  last_success_at TEXT,
  consecutive_failures INTEGER NOT NULL DEFAULT 0,
  last_error TEXT,
  next_attempt_at TEXT,
  items_total INTEGER NOT NULL DEFAULT 0,
  -- JSON: where an interrupted backfill resumes
  backfill_state TEXT
);

CREATE TABLE articles (
  id INTEGER PRIMARY KEY,
  source_id TEXT REFERENCES sources(id),
  url TEXT NOT NULL UNIQUE,
  original_url TEXT,
  title TEXT NOT NULL,
  standfirst TEXT,
  published_at TEXT,
  modified_at TEXT,
  byline TEXT,
  body TEXT NOT NULL,
  raw BLOB,
  raw_type TEXT,
  content_hash TEXT NOT NULL,
  simhash TEXT,
  duplicate_of INTEGER REFERENCES articles(id) ON DELETE SET NULL,
  partial INTEGER NOT NULL DEFAULT 0,
  withdrawn INTEGER NOT NULL DEFAULT 0,
  document_type TEXT,
  fetched_at TEXT NOT NULL,
  processed_at TEXT,
  nlp_version INTEGER
);
CREATE INDEX articles_by_date ON articles(published_at DESC, id DESC);
CREATE INDEX articles_by_source ON articles(source_id, published_at DESC);
CREATE INDEX articles_by_hash ON articles(content_hash);
CREATE INDEX articles_by_duplicate ON articles(duplicate_of);

-- Other URLs an article was seen at (syndication, redirects, retitled copies).
CREATE TABLE article_urls (
  url TEXT PRIMARY KEY,
  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE
);

CREATE TABLE people (
  id INTEGER PRIMARY KEY,
  slug TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  -- set when an admin merged this person into another
  merged_into INTEGER REFERENCES people(id)
);

CREATE TABLE person_aliases (
  person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  alias TEXT NOT NULL,
  PRIMARY KEY (person_id, alias)
);
CREATE INDEX person_aliases_by_alias ON person_aliases(alias);

CREATE TABLE person_roles (
  id INTEGER PRIMARY KEY,
  person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  organisation_id INTEGER REFERENCES organisations(id),
  role TEXT NOT NULL,
  from_date TEXT,
  to_date TEXT,
  source_url TEXT,
  UNIQUE (person_id, organisation_id, role, from_date)
);

CREATE TABLE quotes (
  id INTEGER PRIMARY KEY,
  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  start INTEGER NOT NULL,
  end INTEGER NOT NULL,
  text TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('direct', 'indirect', 'mixed')),
  placement TEXT NOT NULL DEFAULT 'body' CHECK (placement IN ('body', 'headline', 'standfirst', 'caption')),
  speaker_name TEXT,
  person_id INTEGER REFERENCES people(id),
  organisation_id INTEGER REFERENCES organisations(id),
  speaker_org TEXT,
  role TEXT,
  cue TEXT,
  stance TEXT NOT NULL DEFAULT 'neutral' CHECK (stance IN ('supports', 'opposes', 'mixed', 'neutral', 'unrelated')),
  stance_confidence REAL,
  stance_cues TEXT NOT NULL DEFAULT '[]',
  sentiment REAL,
  confidence REAL,
  -- copied from the article so the timeline and filters need no join
  published_at TEXT,
  source_id TEXT
);
CREATE INDEX quotes_by_article ON quotes(article_id, start);
CREATE INDEX quotes_by_date ON quotes(published_at DESC, id DESC);
CREATE INDEX quotes_by_person ON quotes(person_id, published_at DESC, id DESC);
CREATE INDEX quotes_by_org ON quotes(organisation_id, published_at DESC, id DESC);
CREATE INDEX quotes_by_stance ON quotes(stance, published_at DESC, id DESC);
CREATE INDEX quotes_by_source ON quotes(source_id, published_at DESC, id DESC);

-- Audited corrections. Keyed by article and span as well as quote id, so they survive reprocessing.
CREATE TABLE corrections (
  id INTEGER PRIMARY KEY,
  quote_id INTEGER REFERENCES quotes(id) ON DELETE SET NULL,
  article_id INTEGER REFERENCES articles(id) ON DELETE CASCADE,
  quote_start INTEGER,
  quote_end INTEGER,
  person_id INTEGER REFERENCES people(id),
  field TEXT NOT NULL,
  old_value TEXT,
  new_value TEXT,
  reason TEXT NOT NULL,
  actor TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX corrections_by_quote ON corrections(quote_id);
CREATE INDEX corrections_by_article ON corrections(article_id);

CREATE TABLE crawl_runs (
  id INTEGER PRIMARY KEY,
  source_id TEXT NOT NULL REFERENCES sources(id),
  started_at TEXT NOT NULL,
  finished_at TEXT,
  status TEXT NOT NULL DEFAULT 'running' CHECK (status IN ('running', 'ok', 'failed', 'partial', 'skipped', 'interrupted')),
  items_new INTEGER NOT NULL DEFAULT 0,
  items_updated INTEGER NOT NULL DEFAULT 0,
  items_unchanged INTEGER NOT NULL DEFAULT 0,
  items_failed INTEGER NOT NULL DEFAULT 0,
  pages INTEGER NOT NULL DEFAULT 0,
  error TEXT
);
CREATE INDEX crawl_runs_by_source ON crawl_runs(source_id, started_at DESC);

CREATE TABLE crawl_errors (
  id INTEGER PRIMARY KEY,
  run_id INTEGER NOT NULL REFERENCES crawl_runs(id) ON DELETE CASCADE,
  source_id TEXT NOT NULL,
  url TEXT,
  reason TEXT NOT NULL,
  at TEXT NOT NULL
);
CREATE INDEX crawl_errors_by_run ON crawl_errors(run_id);

-- Conditional GET validators per URL.
CREATE TABLE http_cache (
  url TEXT PRIMARY KEY,
  etag TEXT,
  last_modified TEXT,
  status INTEGER,
  checked_at TEXT NOT NULL
);

CREATE TABLE meta (
  key TEXT PRIMARY KEY,
  value TEXT
);

CREATE VIRTUAL TABLE quotes_fts USING fts5(
  text, speaker_name, speaker_org,
  content = 'quotes', content_rowid = 'id',
  tokenize = 'porter unicode61 remove_diacritics 2'
);
CREATE TRIGGER quotes_fts_insert AFTER INSERT ON quotes BEGIN
  INSERT INTO quotes_fts(rowid, text, speaker_name, speaker_org) VALUES (new.id, new.text, new.speaker_name, new.speaker_org);
END;
CREATE TRIGGER quotes_fts_delete AFTER DELETE ON quotes BEGIN
  INSERT INTO quotes_fts(quotes_fts, rowid, text, speaker_name, speaker_org) VALUES ('delete', old.id, old.text, old.speaker_name, old.speaker_org);
END;
CREATE TRIGGER quotes_fts_update AFTER UPDATE OF text, speaker_name, speaker_org ON quotes BEGIN
  INSERT INTO quotes_fts(quotes_fts, rowid, text, speaker_name, speaker_org) VALUES ('delete', old.id, old.text, old.speaker_name, old.speaker_org);
  INSERT INTO quotes_fts(rowid, text, speaker_name, speaker_org) VALUES (new.id, new.text, new.speaker_name, new.speaker_org);
END;

CREATE VIRTUAL TABLE articles_fts USING fts5(
  title, body,
  content = 'articles', content_rowid = 'id',
  tokenize = 'porter unicode61 remove_diacritics 2'
);
CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
  INSERT INTO articles_fts(rowid, title, body) VALUES (new.id, new.title, new.body);
END;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
  INSERT INTO articles_fts(articles_fts, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
END;
CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, body ON articles BEGIN
  INSERT INTO articles_fts(articles_fts, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
  INSERT INTO articles_fts(rowid, title, body) VALUES (new.id, new.title, new.body);
END;
`;
