// Stance over time at 1M quotes: a monthly count per organisation and label kept up to date by triggers, so the
// trends chart reads a few thousand rows instead of scanning every quote; and a covering index for one speaker's trend.
export default `
CREATE TABLE stance_monthly (
  month TEXT NOT NULL,
  -- 0 stands for "no linked organisation" (a primary key column cannot be NULL usefully)
  organisation_id INTEGER NOT NULL,
  stance TEXT NOT NULL,
  n INTEGER NOT NULL,
  PRIMARY KEY (organisation_id, month, stance)
) WITHOUT ROWID;

INSERT INTO stance_monthly (month, organisation_id, stance, n)
  SELECT substr(published_at, 1, 7), coalesce(organisation_id, 0), stance, count(*)
  FROM quotes WHERE published_at IS NOT NULL GROUP BY 1, 2, 3;

CREATE TRIGGER stance_monthly_insert AFTER INSERT ON quotes WHEN new.published_at IS NOT NULL BEGIN
  INSERT INTO stance_monthly (month, organisation_id, stance, n)
    VALUES (substr(new.published_at, 1, 7), coalesce(new.organisation_id, 0), new.stance, 1)
    ON CONFLICT (organisation_id, month, stance) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER stance_monthly_delete AFTER DELETE ON quotes WHEN old.published_at IS NOT NULL BEGIN
  UPDATE stance_monthly SET n = n - 1
    WHERE organisation_id = coalesce(old.organisation_id, 0) AND month = substr(old.published_at, 1, 7) AND stance = old.stance;
END;
CREATE TRIGGER stance_monthly_update AFTER UPDATE OF published_at, organisation_id, stance ON quotes BEGIN
  UPDATE stance_monthly SET n = n - 1
    WHERE old.published_at IS NOT NULL
      AND organisation_id = coalesce(old.organisation_id, 0) AND month = substr(old.published_at, 1, 7) AND stance = old.stance;
  INSERT INTO stance_monthly (month, organisation_id, stance, n)
    SELECT substr(new.published_at, 1, 7), coalesce(new.organisation_id, 0), new.stance, 1 WHERE new.published_at IS NOT NULL
    ON CONFLICT (organisation_id, month, stance) DO UPDATE SET n = n + 1;
END;

CREATE INDEX quotes_trend_by_person ON quotes(person_id, published_at, stance, source_id);
`;
