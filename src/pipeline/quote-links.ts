// Links each extracted quote to the people and organisations tables, so one person quoted in many articles is one record.
import type { DB } from '../db/connection.ts';
import type { QuoteToStore } from '../db/quotes.ts';
import { resolveOrganisationId } from '../db/organisations.ts';
import { resolvePersonId } from '../db/people.ts';
import { isOrganisationSpeaker } from '../nlp/registries.ts';
import type { AnalysedQuote } from '../types.ts';

export function resolveQuoteLinks(db: DB, quotes: AnalysedQuote[], published: string | null): QuoteToStore[] {
  return quotes.map((q) => {
    const organisationId = q.speakerOrg ? resolveOrganisationId(db, q.speakerOrg) : null;
    const isPerson = q.speaker !== null && !isOrganisationSpeaker(q.speaker, q.speakerOrg) && q.speaker !== 'unknown';
    const personId = isPerson
      ? resolvePersonId(db, { name: q.speaker!, org: q.speakerOrg, role: q.speakerRole, date: published })
      : null;
    return { ...q, personId, organisationId };
  });
}
