// The post a speaker phrase gives: the words left once names and bodies are blanked, and the registry's role nouns.
import { registries } from '../registries.ts';
import { ROLE_WORDS } from './lexicon.ts';
import type { NameMention } from './names.ts';
import type { OrgMention } from './orgs.ts';
import { GENERIC_OWNER, genericOwner, impliedOrg, orgsIn, pickOrg, placeCouncil, withoutPlace } from './phrase-orgs.ts';
import type { PhraseContext, SpeakerRef } from './speaker-ref.ts';

export function combine(person: SpeakerRef & { type: 'person' }, desc: SpeakerRef | null): SpeakerRef {
  if (!desc || (desc.type !== 'role' && desc.type !== 'org')) return person;
  const orgNoun = person.orgNoun ?? (desc.type === 'role' ? desc.orgNoun : undefined);
  return { ...person, role: person.role ?? desc.role, org: person.org ?? desc.org, ...(orgNoun ? { orgNoun } : {}) };
}

/** An appositive read only for its role and organisation ("a senior official at the DfE", "a professor of social policy"). */
export function describeOnly(s: string, base: number, ctx: PhraseContext): SpeakerRef | null {
  const orgs = orgsIn(s, base, ctx);
  const role = roleText(s, base, orgs, []);
  const known = pickOrg(orgs, s) ?? impliedOrg(s) ?? (role ? registryRole(role)?.org ?? null : null);
  const council = known ? null : placeCouncil(s, ctx);
  const org = known ?? council;
  if (!org && !(role && ROLE_WORDS.test(role))) return null;
  // "His deputy, Laura Chen,": the body of the person "his" points to ("His Majesty's chief inspector" is a title).
  const noun = org ? null : genericOwner(s) ?? /^\s*(his|her)\s(?!majesty)/i.exec(s)?.[1]!.toLowerCase() ?? null;
  const post = council && role ? withoutPlace(role) : role;
  return { type: 'role', role: noun ? post!.replace(GENERIC_OWNER, '') : post ?? '', org, ...(noun ? { orgNoun: noun } : {}) };
}

/** A role noun that on its own denotes one organisation's post ("the chief inspector"). */
let roleIndex: Map<string, { role: string; org: string }> | null = null;

export function registryRole(role: string): { role: string; org: string } | null {
  if (!roleIndex) {
    roleIndex = new Map();
    for (const o of registries().organisations) for (const x of o.roles) {
      const key = x.toLowerCase().replace(/’/g, "'");
      roleIndex.set(key, { role: o.roles.includes('chief inspector') && /chief inspector/.test(key) ? 'chief inspector' : x, org: o.short });
    }
  }
  return roleIndex.get(role.toLowerCase().replace(/’/g, "'").replace(/^(?:the|a|an)\s+/, '').replace(/^(?:incoming|outgoing|new|current|interim|acting)\s+/, '')) ?? null;
}

/** The phrase with names, organisations, brackets and determiners removed, lower-cased: "president", "director of social care". */
export function roleText(s: string, base: number, orgs: OrgMention[], names: NameMention[]): string | null {
  let blanked = s;
  for (const r of [...orgs.filter((o) => !o.part), ...names]) {
    const a = r.start - base, b = r.end - base;
    blanked = blanked.slice(0, a) + ' '.repeat(b - a) + blanked.slice(b);
  }
  let t = blanked
    .replace(/\([^)]*\)/g, ' ')
    .replace(/(^|\s)[’']s\b/g, ' ')
    .replace(/\b(?:MP|MPs|OBE|CBE|MBE|QC|KC)\b/g, (m) => (m.startsWith('MP') ? m : ' '))
    .replace(/[^\p{L}\s'’-]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  t = t.replace(/^(?:the|a|an|its|their|his|her)(?:\s+|$)/i, '').replace(/\s+(?:of|at|for|from|the|and|on|to|in)(?:\s+the)?$/i, '').replace(/\s+of the\s+/g, ' of the ');
  t = t.replace(/^(?:of|at|for|from|the)(?:\s+|$)/i, '').replace(/^['’]\s*/, '').trim();
  // "wrote X in a blog for the Y": where the words appeared, not a post.
  t = t.replace(/^in (?:a|an|the|his|her|their|its) (?:[a-z-]+ )?(?:blog|post|article|column|letter|statement|interview|speech|foreword|piece|op-ed|submission)\b.*$/i, '');
  // "chief executive of the charity Safe Futures": the kind of body goes with its name.
  t = t.replace(/\s+(?:of|at|for)\s+(?:the\s+)?(?:charity|union|think[- ]tank|organisation|provider|campaign group|consultancy|social enterprise)$/i, '');
  // "new national director": the news, not the post.
  t = t.replace(/^(?:new|newly[- ]appointed|current)\s+/i, '');
  // "the council's cabinet member": the body is the speaker's organisation, not part of the post.
  t = t.replace(/^(?:council|authority|association|union|charity|department|committee|organisation|trust|inspectorate|watchdog)['’]s\s+/i, '');
  return t && t.split(' ').length <= 10 ? t.toLowerCase() : null;
}
