// Links each extracted quote to the people and organisations tables, so one person quoted in many articles is one record.
import type { DB } from '../db/connection.ts';
import type { QuoteToStore } from '../db/quotes.ts';
import { resolveOrganisationId } from '../db/organisations.ts';
import { resolvePersonId } from '../db/people.ts';
import { isOrganisationSpeaker } from '../nlp/registries.ts';
import type { AnalysedQuote } from '../types.ts';

/**
 * `orgIds` remembers the organisation each name resolved to. A caller may share it between the articles of one
 * transaction (no other connection can write meanwhile, and a name resolved once resolves to the same row again),
 * but must clear it when a savepoint rolls back, since a row it names may be gone.
 */
export function resolveQuoteLinks(db: DB, quotes: AnalysedQuote[], published: string | null, orgIds = new Map<string, number | null>()): QuoteToStore[] {
  // An article quotes a few speakers many times: resolve each distinct one once (resolving again gives the same id).
  const personIds = new Map<string, number | null>();
  const orgId = (name: string) => memo(orgIds, name, () => resolveOrganisationId(db, name));
  return quotes.map((q) => {
    const organisationId = q.speakerOrg ? orgId(q.speakerOrg) : null;
    const isPerson = q.speaker !== null && !isOrganisationSpeaker(q.speaker, q.speakerOrg) && q.speaker !== 'unknown';
    const personId = isPerson
      ? memo(personIds, JSON.stringify([q.speaker, q.speakerOrg, q.speakerRole]), () =>
          resolvePersonId(db, { name: q.speaker!, org: q.speakerOrg, orgId: organisationId, role: q.speakerRole, date: published }))
      : null;
    return { ...q, personId, organisationId };
  });
}

function memo<V>(cache: Map<string, V>, key: string, compute: () => V): V {
  if (!cache.has(key)) cache.set(key, compute());
  return cache.get(key)!;
}
