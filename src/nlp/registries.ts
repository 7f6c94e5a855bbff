// The organisations and people registries (data/*.json): loaded and validated once per process.
import { readFileSync } from 'node:fs';
import { z } from 'zod';

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

const OrganisationSchema = z.object({
  slug: z.string().min(1),
  name: z.string().min(1),
  short: z.string().min(1),
  aliases: z.array(z.string().min(1)),
  kind: z.string().min(1),
  website: z.string().url().nullable(),
  source: z.string().url(),
  leaderRole: z.string().min(1),
  roles: z.array(z.string().min(1)),
  /** How the body is named when it speaks itself ("the DfE said" → "Department for Education"); default: `short`. */
  speakerName: z.string().min(1).optional(),
  /** Plural nouns for those the body speaks for ("councils" → LGA), when the article names the body. */
  members: z.array(z.string().min(1)).optional(),
});

const RoleFactSchema = z.object({
  org: z.string().min(1),
  role: z.string().min(1),
  from: isoDay.nullable(),
  to: isoDay.nullable(),
  source: z.string().url(),
  /** Why a fact is uncertain (written offline from memory, dates to the month), when it is. */
  note: z.string().optional(),
});

const PersonSchema = z.object({
  name: z.string().min(1),
  aliases: z.array(z.string().min(1)),
  gender: z.enum(['m', 'f']).nullable(),
  roles: z.array(RoleFactSchema).min(1),
});

const OrganisationsFile = z.object({ organisations: z.array(OrganisationSchema) });
const PeopleFile = z.object({ people: z.array(PersonSchema) });
const FirstNamesFile = z.object({ source: z.string().url(), male: z.array(z.string()), female: z.array(z.string()) });

export type Organisation = z.infer<typeof OrganisationSchema>;
export type RoleFact = z.infer<typeof RoleFactSchema>;
export type RegistryPerson = z.infer<typeof PersonSchema>;

export interface Registries {
  organisations: Organisation[];
  people: RegistryPerson[];
  /** Lower-cased given name → usual gender. */
  givenNames: Map<string, 'm' | 'f'>;
  /** Organisation by its canonical short name. */
  orgByShort: Map<string, Organisation>;
}

const dataUrl = (file: string) => new URL(`../../data/${file}`, import.meta.url);
const readJson = (file: string): unknown => JSON.parse(readFileSync(dataUrl(file), 'utf8'));

let cached: Registries | null = null;

/** Loads and validates the registries on first use; a malformed file throws with zod's message. */
export function registries(): Registries {
  if (cached) return cached;
  const { organisations } = OrganisationsFile.parse(readJson('organisations.json'));
  const { people } = PeopleFile.parse(readJson('people.json'));
  const names = FirstNamesFile.parse(readJson('first-names.json'));
  const orgByShort = new Map(organisations.map((o) => [o.short, o]));
  for (const p of people) for (const r of p.roles) {
    if (!orgByShort.has(r.org)) throw new Error(`data/people.json: ${p.name} has a role at unknown organisation ${r.org}`);
  }
  const givenNames = new Map<string, 'm' | 'f'>();
  for (const n of names.male) givenNames.set(n, 'm');
  for (const n of names.female) givenNames.set(n, 'f');
  cached = { organisations, people, givenNames, orgByShort };
  return cached;
}

/** True when a role fact covers the day (an unknown day matches every fact). */
export function roleHeldOn(fact: RoleFact, day: string | null): boolean {
  if (!day) return true;
  const d = day.slice(0, 10);
  return (!fact.from || fact.from <= d) && (!fact.to || d <= fact.to);
}

/** The speaker name of an organisation that speaks as itself: its `speakerName`, else its short name. */
export function organisationSpeakerName(short: string): string {
  return registries().orgByShort.get(short)?.speakerName ?? short;
}

let speakerNames: Set<string> | null = null;

/** True when a quote's speaker is an organisation or a group, not a person ("Department for Education", "LGA", "directors"). */
export function isOrganisationSpeaker(name: string | null, org: string | null): boolean {
  if (!name) return false;
  // Group speakers ("directors", "social workers") are written in lower case; people never are.
  if (/^\p{Ll}/u.test(name)) return true;
  speakerNames ??= new Set(registries().organisations.map((o) => o.speakerName ?? o.short));
  return name === org || speakerNames.has(name);
}
