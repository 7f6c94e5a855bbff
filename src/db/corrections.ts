// Audited corrections by admins. Each records who, when, the old and new value and why, keyed by the quote
// and also by its article and span, so reprocessing (which may replace quote rows) can re-apply them.
import { cachedStatement, type DB } from './connection.ts';
import { createPerson, resolveMerges } from './people.ts';
import { BadRequest, NotFound } from '../errors.ts';
import { STANCES } from '../types.ts';

export const CORRECTABLE_FIELDS = ['speaker', 'organisation', 'stance'] as const;
export type CorrectableField = (typeof CORRECTABLE_FIELDS)[number];

export interface CorrectionInput {
  field: CorrectableField;
  value: string;
  reason: string;
  actor: string;
}

export interface CorrectionRow {
  id: number;
  quote_id: number | null;
  article_id: number | null;
  quote_start: number | null;
  quote_end: number | null;
  person_id: number | null;
  field: string;
  old_value: string | null;
  new_value: string | null;
  reason: string;
  actor: string;
  created_at: string;
}

interface QuoteCore {
  id: number;
  article_id: number;
  start: number;
  end: number;
  speaker_name: string | null;
  person_id: number | null;
  speaker_org: string | null;
  organisation_id: number | null;
  stance: string;
}

const nowIso = () => new Date().toISOString();

function requireText(label: string, value: string, max = 500): string {
  const v = value.trim();
  if (!v) throw new BadRequest(`${label} is required.`);
  if (v.length > max) throw new BadRequest(`${label} is too long (limit ${max} characters).`);
  return v;
}

function getQuote(db: DB, quoteId: number): QuoteCore {
  const q = cachedStatement(db, 'SELECT id, article_id, start, "end", speaker_name, person_id, speaker_org, organisation_id, stance FROM quotes WHERE id = ?').get(quoteId) as QuoteCore | undefined;
  if (!q) throw new NotFound(`There is no quote ${quoteId}.`);
  return q;
}

function findPerson(db: DB, nameOrSlug: string): { id: number; name: string; merged_into: number | null } | undefined {
  return cachedStatement(db, 'SELECT id, name, merged_into FROM people WHERE slug = ? OR name = ? COLLATE NOCASE ORDER BY id LIMIT 1').get(nameOrSlug, nameOrSlug) as
    | { id: number; name: string; merged_into: number | null }
    | undefined;
}

/** Finds a person by slug or exact name (following merges), or creates one. */
function findOrCreatePerson(db: DB, nameOrSlug: string): { id: number; name: string } {
  const found = findPerson(db, nameOrSlug);
  if (found) return found.merged_into ? followMerges(db, found.id) : found;
  return followMerges(db, createPerson(db, nameOrSlug));
}

function followMerges(db: DB, personId: number): { id: number; name: string } {
  return cachedStatement(db, 'SELECT id, name FROM people WHERE id = ?').get(resolveMerges(db, personId)) as { id: number; name: string };
}

function findOrganisation(db: DB, value: string): { id: number; name: string } | null {
  return (cachedStatement(db, 'SELECT id, name FROM organisations WHERE slug = ? OR name = ? COLLATE NOCASE OR acronym = ? COLLATE NOCASE ORDER BY id LIMIT 1').get(value, value, value) as
    | { id: number; name: string }
    | undefined) ?? null;
}

/** Writes one field's value to a quote. Returns the value as stored (for the audit trail). */
function applyField(db: DB, quoteId: number, field: string, value: string, personId: number | null): void {
  if (field === 'stance') cachedStatement(db, 'UPDATE quotes SET stance = ? WHERE id = ?').run(value, quoteId);
  if (field === 'speaker') cachedStatement(db, 'UPDATE quotes SET speaker_name = ?, person_id = ? WHERE id = ?').run(value, personId, quoteId);
  if (field === 'organisation') {
    const org = findOrganisation(db, value);
    cachedStatement(db, 'UPDATE quotes SET speaker_org = ?, organisation_id = ? WHERE id = ?').run(org?.name ?? value, org?.id ?? null, quoteId);
  }
}

function record(db: DB, q: QuoteCore, field: string, oldValue: string | null, newValue: string | null, personId: number | null, reason: string, actor: string): number {
  const info = db
    .prepare(
      `INSERT INTO corrections (quote_id, article_id, quote_start, quote_end, person_id, field, old_value, new_value, reason, actor, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(q.id, q.article_id, q.start, q.end, personId, field, oldValue, newValue, reason, actor, nowIso());
  return Number(info.lastInsertRowid);
}

/** Corrects a quote's speaker, organisation or stance, and records the correction. Returns the correction id. */
export function correctQuote(db: DB, quoteId: number, input: CorrectionInput): number {
  if (!(CORRECTABLE_FIELDS as readonly string[]).includes(input.field)) throw new BadRequest(`Cannot correct "${input.field}".`);
  const value = requireText('The new value', input.value, 200);
  const reason = requireText('A reason', input.reason);
  const actor = requireText('Who made the correction', input.actor, 100);
  return db.transaction(() => {
    const q = getQuote(db, quoteId);
    if (input.field === 'stance') {
      const stance = value.toLowerCase();
      if (!(STANCES as readonly string[]).includes(stance)) throw new BadRequest(`Stance must be one of ${STANCES.join(', ')}.`);
      applyField(db, q.id, 'stance', stance, null);
      return record(db, q, 'stance', q.stance, stance, null, reason, actor);
    }
    if (input.field === 'speaker') {
      const org = findPerson(db, value) ? null : findOrganisation(db, value);
      if (org) return correctToOrganisationSpeaker(db, q, org, reason, actor);
      const person = findOrCreatePerson(db, value);
      applyField(db, q.id, 'speaker', person.name, person.id);
      return record(db, q, 'speaker', q.speaker_name, person.name, person.id, reason, actor);
    }
    return correctOrganisation(db, q, value, reason, actor);
  })();
}

function correctOrganisation(db: DB, q: QuoteCore, value: string, reason: string, actor: string): number {
  applyField(db, q.id, 'organisation', value, null);
  const stored = (cachedStatement(db, 'SELECT speaker_org FROM quotes WHERE id = ?').get(q.id) as { speaker_org: string }).speaker_org;
  return record(db, q, 'organisation', q.speaker_org, stored, null, reason, actor);
}

/**
 * A speaker corrected to a known organisation (and no person of that name) is the body speaking for itself, as the
 * extractor stores a statement: no person, the organisation as both speaker and organisation. Both fields are recorded,
 * so `reprocess` replays both.
 */
function correctToOrganisationSpeaker(db: DB, q: QuoteCore, org: { id: number; name: string }, reason: string, actor: string): number {
  applyField(db, q.id, 'speaker', org.name, null);
  const id = record(db, q, 'speaker', q.speaker_name, org.name, null, reason, actor);
  if (q.organisation_id !== org.id) correctOrganisation(db, q, org.name, reason, actor);
  return id;
}

/** Merges person `fromSlug` into `intoSlug`: quotes, roles and aliases move; the old slug redirects. */
export function mergePeople(db: DB, fromSlug: string, intoSlug: string, audit: { reason: string; actor: string }): void {
  const reason = requireText('A reason', audit.reason);
  const actor = requireText('Who made the correction', audit.actor, 100);
  db.transaction(() => {
    const from = cachedStatement(db, 'SELECT id, name, slug FROM people WHERE slug = ?').get(fromSlug) as { id: number; name: string; slug: string } | undefined;
    const into = cachedStatement(db, 'SELECT id, name, slug FROM people WHERE slug = ?').get(intoSlug) as { id: number; name: string; slug: string } | undefined;
    if (!from || !into) throw new NotFound(`No person "${!from ? fromSlug : intoSlug}".`);
    if (from.id === into.id) throw new BadRequest('A person cannot be merged into themselves.');
    const target = followMerges(db, into.id);
    if (target.id === from.id) throw new BadRequest('That merge would make a loop.');
    cachedStatement(db, 'UPDATE quotes SET person_id = ? WHERE person_id = ?').run(target.id, from.id);
    cachedStatement(db, 'UPDATE OR IGNORE person_roles SET person_id = ? WHERE person_id = ?').run(target.id, from.id);
    cachedStatement(db, 'INSERT OR IGNORE INTO person_aliases (person_id, alias) SELECT ?, alias FROM person_aliases WHERE person_id = ?').run(target.id, from.id);
    cachedStatement(db, 'INSERT OR IGNORE INTO person_aliases (person_id, alias) VALUES (?, ?)').run(target.id, from.name);
    cachedStatement(db, 'UPDATE people SET merged_into = ? WHERE id = ?').run(target.id, from.id);
    cachedStatement(db,
      `INSERT INTO corrections (person_id, field, old_value, new_value, reason, actor, created_at) VALUES (?, 'merge_person', ?, ?, ?, ?, ?)`,
    ).run(from.id, from.slug, into.slug, reason, actor, nowIso());
  })();
}

/** Splits some quotes off a person into a new (or existing) person called `newName`; each moved quote gets a speaker correction. */
export function splitPerson(db: DB, fromSlug: string, input: { newName: string; quoteIds: number[]; reason: string; actor: string }): { slug: string } {
  const newName = requireText('The new person\'s name', input.newName, 200);
  const reason = requireText('A reason', input.reason);
  const actor = requireText('Who made the correction', input.actor, 100);
  if (!input.quoteIds.length) throw new BadRequest('Choose at least one quote to move.');
  return db.transaction(() => {
    const from = cachedStatement(db, 'SELECT id, slug FROM people WHERE slug = ?').get(fromSlug) as { id: number; slug: string } | undefined;
    if (!from) throw new NotFound(`No person "${fromSlug}".`);
    const person = findOrCreatePerson(db, newName);
    if (person.id === from.id) throw new BadRequest('The new person must differ from the one being split.');
    for (const id of input.quoteIds) {
      const q = getQuote(db, id);
      if (q.person_id !== from.id) throw new BadRequest(`Quote ${id} is not attributed to ${from.slug}.`);
      applyField(db, q.id, 'speaker', person.name, person.id);
      record(db, q, 'speaker', q.speaker_name, person.name, person.id, reason, actor);
    }
    const slug = (cachedStatement(db, 'SELECT slug FROM people WHERE id = ?').get(person.id) as { slug: string }).slug;
    cachedStatement(db,
      `INSERT INTO corrections (person_id, field, old_value, new_value, reason, actor, created_at) VALUES (?, 'split_person', ?, ?, ?, ?, ?)`,
    ).run(from.id, from.slug, slug, reason, actor, nowIso());
    return { slug };
  })();
}

/**
 * The quote at this span after reprocessing: the same span, or else the one that shares most of it (at least half
 * of each), since better extraction may move a quote's edges by a word or a quote mark.
 */
function sameQuote<T extends { start: number; end: number }>(quotes: T[], start: number, end: number): T | undefined {
  const exact = quotes.find((q) => q.start === start && q.end === end);
  if (exact) return exact;
  let best: T | undefined;
  let bestOverlap = 0;
  for (const q of quotes) {
    const overlap = Math.min(q.end, end) - Math.max(q.start, start);
    if (overlap * 2 >= end - start && overlap * 2 >= q.end - q.start && overlap > bestOverlap) {
      best = q;
      bestOverlap = overlap;
    }
  }
  return best;
}

/**
 * Re-applies the latest correction of each field to the quote at the same span, after an article's quotes were
 * re-stored, and sends quotes of merged people to the person they were merged into. Call inside the ingest transaction.
 */
export function reapplyCorrections(db: DB, articleId: number): void {
  const latest = db
    .prepare(
      `SELECT c.* FROM corrections c
        WHERE c.article_id = ? AND c.field IN ('speaker', 'organisation', 'stance')
          AND c.id = (SELECT max(c2.id) FROM corrections c2
                       WHERE c2.article_id = c.article_id AND c2.quote_start = c.quote_start AND c2.quote_end = c.quote_end AND c2.field = c.field)`,
    )
    .all(articleId) as CorrectionRow[];
  const quotes = cachedStatement(db, 'SELECT id, start, "end" FROM quotes WHERE article_id = ?').all(articleId) as { id: number; start: number; end: number }[];
  const relink = cachedStatement(db, 'UPDATE corrections SET quote_id = ? WHERE article_id = ? AND quote_start = ? AND quote_end = ?');
  for (const c of latest) {
    const q = c.quote_start === null || c.quote_end === null ? undefined : sameQuote(quotes, c.quote_start, c.quote_end);
    if (!q || c.new_value === null) continue;
    applyField(db, q.id, c.field, c.new_value, c.field === 'speaker' ? c.person_id : null);
    relink.run(q.id, articleId, c.quote_start, c.quote_end);
  }
  const merged = cachedStatement(db, 'SELECT DISTINCT q.person_id AS id FROM quotes q JOIN people p ON p.id = q.person_id WHERE q.article_id = ? AND p.merged_into IS NOT NULL').all(articleId) as { id: number }[];
  for (const m of merged) {
    cachedStatement(db, 'UPDATE quotes SET person_id = ? WHERE article_id = ? AND person_id = ?').run(followMerges(db, m.id).id, articleId, m.id);
  }
}

/** The correction history of one quote, oldest first. */
export function correctionsForQuote(db: DB, quote: { id: number; article_id: number; start: number; end: number }): CorrectionRow[] {
  return db
    .prepare('SELECT * FROM corrections WHERE quote_id = ? OR (article_id = ? AND quote_start = ? AND quote_end = ?) ORDER BY id')
    .all(quote.id, quote.article_id, quote.start, quote.end) as CorrectionRow[];
}

export interface CorrectionExportRow extends CorrectionRow {
  article_url: string | null;
  quote_text: string | null;
}

/** Every correction, oldest first, with the quote text and article URL: the export is evaluation data. */
export function iterateCorrections(db: DB): IterableIterator<CorrectionExportRow> {
  return db
    .prepare(
      `SELECT c.*, a.url AS article_url, q.text AS quote_text FROM corrections c
         LEFT JOIN articles a ON a.id = c.article_id LEFT JOIN quotes q ON q.id = c.quote_id ORDER BY c.id`,
    )
    .iterate() as IterableIterator<CorrectionExportRow>;
}
