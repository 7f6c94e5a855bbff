// Facet counts beside the timeline filters. Counting a million rows on every page view is too slow, so the
// counts cover the newest `cap` matching quotes (one indexed scan) and say so when the cap was reached.
import type { DB } from './connection.ts';
import { joinConditions, quoteConditions, type QuoteFilters } from './timeline.ts';
import { planConditions } from './fts-plan.ts';

export interface FacetValue {
  /** the value to put in the filter parameter */
  value: string;
  label: string;
  count: number;
}

export interface Facets {
  stance: FacetValue[];
  kind: FacetValue[];
  source: FacetValue[];
  org: FacetValue[];
  speaker: FacetValue[];
  /** how many quotes were counted */
  counted: number;
  /** true when more quotes match than were counted */
  capped: boolean;
}

const PER_FACET = 12;

/**
 * Whether counting would walk thousands of full-text matches (a common word: 50–200 ms at 1M quotes) rather than
 * an index range or a few matches (~25 ms). Pages show such counts after the results, from a second request.
 */
export function facetsAreSlow(db: DB, filters: QuoteFilters): boolean {
  return planConditions(db, quoteConditions(filters)).some((c) => c.common);
}

export function quoteFacets(db: DB, filters: QuoteFilters, cap = 5_000): Facets {
  const { where, params } = joinConditions(planConditions(db, quoteConditions(filters)));
  const rows = db
    .prepare(
      `WITH s AS MATERIALIZED (
         SELECT q.stance, q.kind, q.source_id, q.organisation_id, q.person_id FROM quotes q ${where}
         ORDER BY q.published_at DESC, q.id DESC LIMIT ?)
       SELECT * FROM (SELECT 'stance' AS facet, stance AS value, stance AS label, count(*) AS n FROM s GROUP BY stance)
       UNION ALL SELECT * FROM (SELECT 'kind', kind, kind, count(*) AS n FROM s GROUP BY kind)
       UNION ALL SELECT * FROM (SELECT 'source', s.source_id, coalesce(src.name, s.source_id), count(*) AS n FROM s
                                 JOIN sources src ON src.id = s.source_id GROUP BY s.source_id ORDER BY n DESC LIMIT ${PER_FACET})
       UNION ALL SELECT * FROM (SELECT 'org', o.slug, coalesce(o.acronym, o.name), count(*) AS n FROM s JOIN organisations o ON o.id = s.organisation_id
                                 GROUP BY o.id ORDER BY n DESC LIMIT ${PER_FACET})
       UNION ALL SELECT * FROM (SELECT 'speaker', p.slug, p.name, count(*) AS n FROM s JOIN people p ON p.id = s.person_id
                                 GROUP BY p.id ORDER BY n DESC LIMIT ${PER_FACET})
       UNION ALL SELECT 'total', NULL, NULL, count(*) FROM s`,
    )
    .all(...params, cap) as { facet: string; value: string; label: string; n: number }[];
  const facets: Facets = { stance: [], kind: [], source: [], org: [], speaker: [], counted: 0, capped: false };
  for (const r of rows) {
    if (r.facet === 'total') facets.counted = r.n;
    else facets[r.facet as 'stance'].push({ value: r.value, label: r.label, count: r.n });
  }
  for (const k of ['stance', 'kind', 'source', 'org', 'speaker'] as const) facets[k].sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
  facets.capped = facets.counted >= cap;
  return facets;
}
