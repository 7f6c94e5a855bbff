// The organisation a speaker phrase names: a body in the text, a council by its place, a body implied by the post.
import { registries } from '../registries.ts';
import { ACADEMIC_ROLE, GENERIC_ORG_NOUNS, MP_ROLE } from './lexicon.ts';
import type { OrgMention } from './orgs.ts';
import type { PhraseContext } from './speaker-ref.ts';

const BODY_AFTER_PREP = /\b(?:at|of|for|from|with)\s+(?:the\s+)?(\p{Lu}[\p{L}’'&.-]*(?:\s+(?:(?:of|for|and|the|in|on)\s+)*\p{Lu}[\p{L}’'&.-]*)+)/gu;

/** Organisation mentions in a phrase; a capitalised name after "at/of/for" in a job title is a body too ("… at Kinship Carers United"). */
export function orgsIn(s: string, base: number, ctx: PhraseContext): OrgMention[] {
  const orgs = ctx.orgs.find(s, base);
  if (orgs.length) return orgs;
  return [...s.matchAll(BODY_AFTER_PREP)]
    .filter((m) => !PARTY.test(m[1]!))
    .map((m) => ({ start: base + m.index + m[0].length - m[1]!.length, end: base + m.index + m[0].length, org: m[1]! }));
}

/** "leader of the Liberal Democrat group": a party is a councillor's politics, not their organisation (the council is). */
const PARTY = /^(?:Labour|Conservatives?|Tory|Tories|Liberal Democrats?|Lib Dems?|Green(?: Party)?|Greens|Reform(?: UK)?|Independents?|Plaid Cymru|SNP)$/;

export const GENERIC_OWNER = new RegExp(`^(?:the\\s+)?(?:${Object.keys(GENERIC_ORG_NOUNS).join('|')})['’]?s?\\s+`, 'i');

/** "the council's chief executive": the organisation is one already in play, named by a generic noun. */
const GENERIC_POSSESSIVE = new RegExp(`\\b(?:the|its)\\s+(${Object.keys(GENERIC_ORG_NOUNS).join('|')})['’]s\\b`, 'i');

export function genericOwner(t: string): string | null {
  const m = GENERIC_POSSESSIVE.exec(t);
  return m ? m[1]!.toLowerCase() : null;
}

/** A sector body the registry knows beats an employer named beside it ("chief executive of X Council and SOLACE spokesperson"). */
export function pickOrg(orgs: OrgMention[], t: string): string | null {
  const known = orgs.find((o) => registries().orgByShort.has(o.org));
  if (known) return known.org;
  const whole = orgs.find((o) => !o.part) ?? orgs[0];
  if (whole) return whole.org;
  return /\bMPs?\b/.test(t) ? 'Parliament' : null;
}

const PLACE_POSSESSIVE = /(?:^|[\s,])(\p{Lu}\p{L}+(?:[ -]\p{Lu}\p{L}+)?)['’]s\s/u;
const COUNCIL_ROLE = /\b(?:council|cabinet member|lead member|portfolio holder|director of children|chief executive|leader|councillor|mayor|head of children)/i;

/**
 * A local authority post: "Tamsford's director of children's services" is at the council the article names for that place
 * (else the place itself); "council leader" is at the article's council.
 */
/** A post that is at "the council" of the article whatever words come before it. */
export const COUNCIL_POST = /\bcouncil leader\b|^(?:an?|the)\s+council(?:'s|’s)?\s+(?:leader|cabinet member|lead member)\b/i;

export function placeCouncil(t: string, ctx: PhraseContext): string | null {
  if (!COUNCIL_ROLE.test(t)) return null;
  const place = PLACE_POSSESSIVE.exec(t)?.[1];
  if (place) return ctx.orgs.council(place) ?? place;
  // Posts that only a council has ("cabinet member for children's services") are at the article's council.
  return /^(?:the\s+)?council\b/i.test(t.trim()) || /\bcouncil leader\b|\b(?:cabinet member|lead member|portfolio holder)\b/i.test(t) ? ctx.orgs.council() : null;
}

/** "harlow vale’s cabinet member for children" → "cabinet member for children" (the place is the organisation). */
export const withoutPlace = (role: string) => role.replace(/^(?:(?!(?:for|of|and)\s)[\p{L}-]+\s){0,2}[\p{L}-]+['’]s\s+/u, '');

export function impliedOrg(t: string): string | null {
  if (MP_ROLE.test(t)) return 'Parliament';
  if (ACADEMIC_ROLE.test(t)) return 'University';
  return null;
}

export function leaderRole(org: string): string {
  return registries().orgByShort.get(org)?.leaderRole ?? 'head';
}
