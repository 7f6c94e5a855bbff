// What a single phrase denotes: a person (with role and body), a pronoun, relatives, a post, a body or an institutional source.
import { registries } from '../registries.ts';
import { GENERIC_ORG_NOUNS, INSTITUTION_NOUNS, LEADER_NOUNS, ROLE_WORDS, SPOKES_NOUNS } from './lexicon.ts';
import { readGroup } from './groups.ts';
import { findNames, type NameMention } from './names.ts';
import type { OrgMention } from './orgs.ts';
import { COUNCIL_POST, GENERIC_OWNER, genericOwner, impliedOrg, leaderRole, orgsIn, pickOrg, placeCouncil, withoutPlace } from './phrase-orgs.ts';
import { registryRole, roleText } from './phrase-roles.ts';
import { memoised, type PhraseContext, type SpeakerRef } from './speaker-ref.ts';

const INSTITUTION_SOURCE = new RegExp(`^(?:an?|the|this|its|new)?\\s*(?:[\\w’'-]+\\s+){0,3}(${Object.keys(INSTITUTION_NOUNS).join('|')})\\s+(?:published|commissioned|carried out|released|produced)?\\s*(?:by|from|for)\\b`);
export const PRONOUNS = new Set(['he', 'she', 'they', 'it', 'we', 'i']);

/** What a single phrase denotes: a person (with role/org), a pronoun, a role, an organisation or an institutional source. */
export function readPhrase(s: string, base: number, ctx: PhraseContext): SpeakerRef | null {
  return memoised(ctx, `${base}:${s}`, () => readPhraseOnce(s, base, ctx));
}

function readPhraseOnce(s: string, base: number, ctx: PhraseContext): SpeakerRef | null {
  const t = s.trim();
  if (!t) return null;
  const lower = t.toLowerCase();
  if (PRONOUNS.has(lower)) return { type: 'pronoun', pronoun: lower, at: base + s.indexOf(t) };
  // "Her family said": relatives speaking for someone the article is about.
  const kin = /^(his|her|their)\s+(family|parents|mother|father|widow|widower|husband|wife|partner|son|daughter|sister|brother|relatives)$/.exec(lower);
  if (kin) return { type: 'kin', pronoun: kin[1] === 'his' ? 'he' : kin[1] === 'her' ? 'she' : 'they', noun: kin[2]! };
  const orgs = orgsIn(s, base, ctx);
  const names = findNames(s, base, orgs).filter((n) => !n.possessive);
  // "Its chief executive": the body the sentence before is about.
  const org = pickOrg(orgs, t) ?? (/^its\s/i.test(t) ? ctx.orgs.ownerBefore(base + s.indexOf(t)) : null);
  const role = roleText(s, base, orgs, names.slice(-1));
  // "a report published by Ofsted", "a YouGov poll for the NEU"
  const source = INSTITUTION_SOURCE.exec(lower);
  if (source && !names.some((n) => n.given || n.title)) return { type: 'institution', noun: INSTITUTION_NOUNS[source[1]!]!, org, ...inspectionDoc(lower) };
  // "a Community Care survey": capitalised words before a source noun name its publisher, not a person.
  const sourceNoun = INSTITUTION_NOUNS[lower.split(/\s+/).at(-1)!] !== undefined && !names.some((n) => n.title || (n.given && registries().givenNames.has(n.given.toLowerCase())));
  // "Campaigners say": a capitalised group noun at the start of a sentence is not a name.
  const group = names.length === 1 && !names[0]!.given && !names[0]!.title && !org ? readGroup(t) : null;
  if (group) return { type: 'group', ...group, at: base };
  if (names.length && !sourceNoun) return personPhrase(names.at(-1)!, t, org, role, ctx);
  return namelessPhrase(s, t, base, orgs, org, role);
}

/** "the inspection report", "the watchdog's figures": a document of the inspectorate's, whoever it is in this article. */
const NOT_A_POST = /\b(?:was|were|is|are|has|have|had|among|those|also|including)\b/;

const inspectionDoc = (lower: string) => (/\binspection\b|\b(?:watchdog|inspectorate)['’]s\b/.test(lower) ? { inspection: true } : {});

/** A named person, with the post and body the phrase gives them. */
function personPhrase(m: NameMention, t: string, org: string | null, role0: string | null, ctx: PhraseContext): SpeakerRef {
  // "Among those responding was Imran Patel": words of the clause around the name are not a post.
  const role = role0 && NOT_A_POST.test(role0) ? null : role0;
  const owner = org ? null : genericOwner(t);
  const ownRole = owner && role ? role.replace(GENERIC_OWNER, '') || null : role;
  const known = org ?? impliedOrg(t) ?? (role ? registryRole(role)?.org ?? null : null);
  const council = known ? null : placeCouncil(t, ctx);
  // "Harlow's cabinet member for children": the place is the council, the rest the post.
  const post = council && ownRole ? withoutPlace(ownRole) : ownRole;
  return { type: 'person', mention: m, role: post, org: known ?? council, ...(owner && !known && !council ? { orgNoun: owner } : {}) };
}

/** "a union survey", "the council's own report": a kind of body before the source noun. */
const GENERIC_BEFORE_SOURCE = new RegExp(`\\b(${Object.keys(GENERIC_ORG_NOUNS).join('|')})(?:['’]s)?\\s+(?:own\\s+|new\\s+|latest\\s+)?[a-z]+$`);

/** "a Community Care survey", "a YouGov poll": a name the registry does not know, written before the source noun. */
function namedBefore(t: string): string | null {
  const m = /^(?:an?|the|this|a new|new)?\s*((?:\p{Lu}[\p{L}’'&-]*\s+)+)(?:[a-z-]+\s+)?[a-z]+$/u.exec(t);
  const name = m?.[1]!.trim();
  return name && !/^(?:The|A|An|This|New|Its|Our|Their|Open|Joint|Latest|Annual|Final|Interim)$/.test(name) ? name : null;
}

/** A phrase with no name in it: a source, a body, a generic noun, or a post. */
function namelessPhrase(s: string, t: string, base: number, orgs: OrgMention[], org: string | null, role: string | null): SpeakerRef | null {
  const lower = t.toLowerCase();
  // "a joint report published today", "ADCS research released last year": the source is the noun before the participle.
  // "The survey of 1,240 social workers": the source is the head noun before "of".
  const lastWord = lower.replace(/\s+(?:published|released|issued|produced|out|of|into|among)\b.*$/, '').replace(/[^a-z\s]/g, '').trim().split(/\s+/).at(-1) ?? '';
  if (INSTITUTION_NOUNS[lastWord] && !/\b(?:its|their|his|her)\b/.test(lower) && !ROLE_WORDS.test(lower)) {
    const kind = org ? null : GENERIC_BEFORE_SOURCE.exec(lower)?.[1];
    return { type: 'institution', noun: INSTITUTION_NOUNS[lastWord]!, org: org ?? namedBefore(t), ...(kind ? { orgNoun: kind } : {}), ...inspectionDoc(lower) };
  }
  // Headlines drop the article: "as union says …".
  if (!org && /^(?:the\s+)?[a-z]+$/.test(lower) && lastWord in GENERIC_ORG_NOUNS) return { type: 'generic', noun: lastWord };
  // "…, a union has warned" in a lead: the union the story names (a noun of one kind of body, not "a council").
  if (!org && /^an?\s+[a-z]+$/.test(lower) && GENERIC_ORG_NOUNS[lastWord]) return { type: 'generic', noun: lastWord };
  if (org && SPOKES_NOUNS.test(t)) return { type: 'org', org, role: 'spokesperson' };
  // "A government spokesperson", "a council spokeswoman": the body of that kind in play.
  const spokesFor = /^(?:an?|the)\s+([a-z]+)\s+(?:spokesperson|spokesman|spokeswoman|source)$/.exec(lower);
  if (!org && spokesFor && spokesFor[1]! in GENERIC_ORG_NOUNS) return { type: 'generic', noun: spokesFor[1]! };
  // "Ofsted said … A spokesperson said:": the body that spoke last.
  if (!org && /^(?:an?|the|its)\s+(?:spokesperson|spokesman|spokeswoman)$/.test(lower)) return { type: 'generic', noun: 'spokesperson' };
  if (org && role && (LEADER_NOUNS.test(role) || ROLE_WORDS.test(role))) {
    // "the head of Ofsted" is its chief inspector; "leader of Ashgrove Borough Council" stays the council's leader.
    return { type: 'role', role: LEADER_NOUNS.test(role) && registries().orgByShort.has(org) ? leaderRole(org) : role, org, at: base };
  }
  if (org && !role) return { type: 'org', org, role: null };
  // "a change Ofsted says will …": a relative clause without "that", whose subject is the body at the end.
  const lastOrg = orgs.at(-1);
  if (org && role && !ROLE_WORDS.test(role) && /^(?:an?|the|this)\s/i.test(t) && lastOrg && lastOrg.end - base >= s.trimEnd().length) return { type: 'org', org: lastOrg.org, role: null };
  if (org && /^(?:mps|members)$/.test(role ?? '')) return { type: 'org', org, role: null };
  // "Local authorities say", "Directors' leader says": a group, or its leader.
  const group = org ? null : readGroup(t);
  if (group) return { type: 'group', ...group, at: base };
  if (!org && role) {
    const known = registryRole(role);
    if (known) return { type: 'role', role: known.role, org: known.org, at: base };
    if (/^mps?$/.test(role)) return { type: 'org', org: 'Parliament', role: role };
    // "the committee's chair": a post at a body in play; "The Commissioner": a post the article's people hold.
    const owner = genericOwner(t);
    const post = owner ? role.replace(GENERIC_OWNER, '') : role;
    if (/^the\s/i.test(t) && ROLE_WORDS.test(post) && post.split(' ').length <= 6) return { type: 'role', role: post, org: null, at: base, ...(owner ? { orgNoun: owner } : {}) };
    // "A council chief executive has accused …": a lead's indefinite post, named in the paragraphs that follow.
    // A post that implies its body ("a professor", "a council leader") is read as a description by the appositive readers.
    if (/^an?\s/i.test(t) && ROLE_WORDS.test(role) && role.split(' ').length <= 6 && !SPOKES_NOUNS.test(t) && !impliedOrg(t) && !COUNCIL_POST.test(t)) return { type: 'role', role, org: null, at: base, later: true };
  }
  return null;
}
