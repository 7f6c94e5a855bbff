// Append-only list of migrations; the schema version (PRAGMA user_version) is the number applied.
import initial from './001-initial.ts';
import stanceTrends from './002-stance-trends.ts';
import simhashCandidates from './003-simhash-candidates.ts';
import quoteSearchFacets from './004-quote-search-facets.ts';
import organisationNameLookup from './005-organisation-name-lookup.ts';

export const MIGRATIONS: readonly string[] = [initial, stanceTrends, simhashCandidates, quoteSearchFacets, organisationNameLookup];
