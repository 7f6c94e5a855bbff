// Reads the noun phrase that names a speaker: "Alan Wood, president of the ADCS (ADCS)", "the head of Ofsted", "he", "inspectors".
import { registries } from '../registries.ts';
import { ACADEMIC_ROLE, GENERIC_ORG_NOUNS, INSTITUTION_NOUNS, LEADER_NOUNS, MP_ROLE, ROLE_WORDS, SPOKES_NOUNS, SUBJECT_ASIDE } from './lexicon.ts';
import { findNames, type NameMention } from './names.ts';
import type { OrgMatcher, OrgMention } from './orgs.ts';

export type SpeakerRef =
  | { type: 'person'; mention: NameMention; role: string | null; org: string | null; orgNoun?: string }
  | { type: 'pronoun'; pronoun: string }
  | { type: 'kin'; pronoun: string; noun: string }
  | { type: 'role'; role: string; org: string | null; orgNoun?: string; at?: number }
  | { type: 'org'; org: string; role: string | null }
  | { type: 'institution'; noun: string; org: string | null }
  | { type: 'generic'; noun: string };

const ADVERBIAL = /^(?:[A-Za-z]+ing|Asked|However|Meanwhile|Instead|But|And|Also|Earlier|Later|Last|This|Yesterday|Today|Now|In|At|On|After|Before|During|Following|Despite|Since|Under|With|Without|For|From|By|Over|When|While|If|Although|Though|As|Whether|Of|Where|Once|Separately|Elsewhere|Overall|Nevertheless|Still)\b/;
const LEADING_LINK = /^\s*(?:and|but|which|that|who|so|while|as|because|when|if|although|whereas|where|then|yet|also|however)\b[\s,]*/i;
/** Words that end a subject phrase when reading leftwards from the verb. */
const NP_BREAK = new Set(['after', 'before', 'when', 'while', 'since', 'because', 'as', 'if', 'back', 'that', 'which', 'who', 'whom', 'is', 'are', 'was', 'were', 'be', 'been', 'not', 'but', 'so', 'with', 'to', 'in', 'than', 'where', 'why', 'how', 'it', 'there', 'this', 'these', 'those', 'said', 'says', 'told', 'about', 'by', 'into', 'from', 'although', 'though', 'whether', 'until', 'once']);
const INSTITUTION_SOURCE = new RegExp(`^(?:an?|the|this|its|new)?\\s*(?:[\\w’'-]+\\s+){0,3}(${Object.keys(INSTITUTION_NOUNS).join('|')})\\s+(?:published|commissioned|carried out|released|produced)?\\s*(?:by|from|for)\\b`);
const BODY_AFTER_PREP = /\b(?:at|of|for|from|with)\s+(?:the\s+)?(\p{Lu}[\p{L}’'&.-]*(?:\s+(?:(?:of|for|and|the|in|on)\s+)*\p{Lu}[\p{L}’'&.-]*)+)/gu;
const PRONOUNS = new Set(['he', 'she', 'they', 'it', 'we', 'i']);
const ALLOWED_ED_ING = new Set(['acting', 'managing', 'founding', 'leading', 'retired', 'elected', 'appointed', 'qualified', 'named', 'outgoing', 'incoming']);

export interface PhraseContext {
  orgs: OrgMatcher;
  /** Per-article memo of readPhrase, keyed by offset and text: the same phrase is read by several patterns. */
  memo?: Map<string, SpeakerRef | null>;
}

/** The subject phrase right before a verb ("…, Debbie Jones, Ofsted's director of social care,"). */
export function subjectBefore(s: string, base: number, ctx: PhraseContext): SpeakerRef | null {
  return memoised(ctx, `b${base}:${s}`, () => withWhoAside(subjectBeforeBare(s, base, ctx), s, base, ctx));
}

/** The subject phrase after an inverted verb ("said Ofsted's chief inspector, Sir Michael Wilshaw."). */
export function subjectAfter(s: string, base: number, ctx: PhraseContext): SpeakerRef | null {
  return memoised(ctx, `a${base}:${s}`, () => withWhoAside(subjectAfterBare(s, base, ctx), s, base, ctx));
}

/** The same phrase is read by several patterns (a sentence and each of its clauses): read it once per article. */
function memoised(ctx: PhraseContext, key: string, read: () => SpeakerRef | null): SpeakerRef | null {
  if (!ctx.memo) return read();
  if (!ctx.memo.has(key)) ctx.memo.set(key, read());
  return ctx.memo.get(key)!;
}

const WHO_LEADS = /,\s*who\s+(chairs|leads|heads|runs|directs|manages|founded|co-founded|represents|works (?:for|at)|is (?!also\b)(?:the |a |an )?(?:[a-z’'-]+ ){0,5}(?:of|at|for))\s+([^,]+)(?=,|$)/;
const LEAD_ROLE: Record<string, string> = { chairs: 'chair', leads: 'leader', heads: 'head', runs: 'head', directs: 'director', manages: 'manager', founded: 'founder', 'co-founded': 'co-founder' };

/** "X, who chairs the ADCS's policy committee, said": the aside says where X works, though it is not their name. */
function withWhoAside(ref: SpeakerRef | null, s: string, base: number, ctx: PhraseContext): SpeakerRef | null {
  if (ref?.type !== 'person' || ref.org) return ref;
  const m = WHO_LEADS.exec(s);
  if (!m) return ref;
  const desc = describeOnly(m[2]!, base + m.index + m[0].length - m[2]!.length, ctx);
  if (!desc || desc.type !== 'role' || !desc.org) return ref;
  return combine(ref, { ...desc, role: desc.role || LEAD_ROLE[m[1]!] || /^is /.test(m[1]!) && m[1]!.replace(/^is (?:the |a |an )?|\s+(?:of|at|for)$/g, '') || desc.role });
}

const SOURCE_THEN_PUBLISHER = new RegExp(`^\\s*((?:an?|the|this|its|new)?\\s*(?:[\\w’'-]+\\s+){0,3}(?:${Object.keys(INSTITUTION_NOUNS).join('|')}))\\s*,\\s*(?:published|released|commissioned|produced|written|carried out)\\b[^]*?\\bby\\b`, 'i');

/** "The report, published today by Ofsted, the CQC and HMICFRS, found": the source, from its first publisher. */
function sourceWithPublisher(s: string, base: number, ctx: PhraseContext): SpeakerRef | null {
  const m = SOURCE_THEN_PUBLISHER.exec(s);
  if (!m) return null;
  const noun = m[1]!.trim().toLowerCase().split(/\s+/).at(-1)!;
  const org = ctx.orgs.find(s.slice(m[0].length), base + m[0].length)[0]?.org ?? null;
  return { type: 'institution', noun: INSTITUTION_NOUNS[noun]!, org };
}

function subjectBeforeBare(s: string, base: number, ctx: PhraseContext): SpeakerRef | null {
  const published = sourceWithPublisher(s, base, ctx);
  if (published) return published;
  const clean = blankAsides(s).replace(/\s+$/, '');
  const segs = segments(clean);
  if (!segs.length) return null;
  const last = segs.at(-1)!;
  const appositive = appositiveSubject(segs, base, ctx);
  if (appositive) return appositive;
  const head = trailingNounPhrase(last.text.replace(LEADING_LINK, (m) => ' '.repeat(m.length)));
  if (!head.trim()) return null;
  const headStart = last.start + head.length - head.trimStart().length;
  const headText = clean.slice(headStart, last.start + head.length);
  const core = /^(?:at|of|for|from|with|in|on|by)\s/i.test(headText) ? null : readPhrase(headText, base + headStart, ctx);
  if (core && (core.type === 'pronoun' || core.type === 'institution' || core.type === 'generic')) return core;
  // Appositives: "Name, role," or "role, Name," — one segment back, if it is not an adverbial clause.
  const prev = segs.length > 1 ? segs.at(-2)! : null;
  if (!prev || ADVERBIAL.test(prev.text.trim()) || prev.text.trim().split(/\s+/).length > 16) return core;
  const other = readPhrase(prev.text, base + prev.start, ctx);
  // "Name, Capitalised Job Title of X," — a lone capitalised word in the title is not the subject.
  if (core?.type === 'person' && !core.mention.given && !core.mention.title && other?.type === 'person' && other.mention.given) {
    return combine(other, describeOnly(headText, base + headStart, ctx));
  }
  if (core?.type === 'person') return combine(core, other ?? describeOnly(prev.text, base + prev.start, ctx));
  if (other?.type === 'person' && !other.mention.possessive) {
    return combine(other, core ?? describeOnly(clean.slice(headStart, last.start + head.length), base + headStart, ctx));
  }
  return core;
}

/** "Sarah, a foster carer in Leeds," — a name, then a lower-case description: the name is the subject. */
function appositiveSubject(segs: Array<{ start: number; text: string }>, base: number, ctx: PhraseContext): SpeakerRef | null {
  if (segs.length < 2) return null;
  const last = segs.at(-1)!, prev = segs.at(-2)!;
  const desc = last.text.trim();
  if (!/^(?:an?|the)\s|^[a-z]/.test(desc) || PRONOUNS.has(desc) || desc.split(/\s+/).length > 14) return null;
  const who = readPhrase(prev.text, base + prev.start, ctx);
  if (who?.type !== 'person' || ADVERBIAL.test(prev.text.trim())) return null;
  const read = readPhrase(last.text, base + last.start, ctx);
  return combine(who, read && read.type !== 'person' ? read : describeOnly(last.text, base + last.start, ctx));
}

function subjectAfterBare(s: string, base: number, ctx: PhraseContext): SpeakerRef | null {
  const clean = blankAsides(s);
  const segs = segments(clean).filter((g) => g.text.trim());
  if (!segs.length) return null;
  const first = segs[0]!;
  const core = readPhrase(first.text, base + first.start, ctx);
  if (core && (core.type === 'pronoun' || core.type === 'institution' || core.type === 'generic')) return core;
  const next = segs[1];
  if (!next || /^\s*(?:[a-z]+ing|who|which|adding|as|in|at|on)\b/i.test(next.text)) return core;
  const other = readPhrase(next.text, base + next.start, ctx);
  if (core?.type === 'person') return combine(core, other ?? describeOnly(next.text, base + next.start, ctx));
  if (other?.type === 'person') return combine(other, core ?? describeOnly(first.text, base + first.start, ctx));
  return core;
}

/** Organisation mentions in a phrase; a capitalised name after "at/of/for" in a job title is a body too ("… at Kinship Carers United"). */
function orgsIn(s: string, base: number, ctx: PhraseContext): OrgMention[] {
  const orgs = ctx.orgs.find(s, base);
  if (orgs.length) return orgs;
  return [...s.matchAll(BODY_AFTER_PREP)].map((m) => ({ start: base + m.index + m[0].length - m[1]!.length, end: base + m.index + m[0].length, org: m[1]! }));
}

function combine(person: SpeakerRef & { type: 'person' }, desc: SpeakerRef | null): SpeakerRef {
  if (!desc || (desc.type !== 'role' && desc.type !== 'org')) return person;
  const orgNoun = person.orgNoun ?? (desc.type === 'role' ? desc.orgNoun : undefined);
  return { ...person, role: person.role ?? desc.role, org: person.org ?? desc.org, ...(orgNoun ? { orgNoun } : {}) };
}

/** An appositive read only for its role and organisation ("a senior official at the DfE", "a professor of social policy"). */
function describeOnly(s: string, base: number, ctx: PhraseContext): SpeakerRef | null {
  const orgs = orgsIn(s, base, ctx);
  const role = roleText(s, base, orgs, []);
  const known = pickOrg(orgs, s) ?? impliedOrg(s) ?? (role ? registryRole(role)?.org ?? null : null);
  const council = known ? null : placeCouncil(s, ctx);
  const org = known ?? council;
  if (!org && !(role && ROLE_WORDS.test(role))) return null;
  const noun = org ? null : genericOwner(s);
  const post = council && role ? withoutPlace(role) : role;
  return { type: 'role', role: noun ? post!.replace(GENERIC_OWNER, '') : post ?? '', org, ...(noun ? { orgNoun: noun } : {}) };
}

/** Blanks "who/whose/which …" asides and bracketed text, keeping offsets. */
function blankAsides(s: string): string {
  return s
    .replace(/\([^)]*\)/g, (m) => ' '.repeat(m.length))
    .replace(/,\s*(?:who|whose|which|whom)\b[^,]*(?=,)/g, (m) => ' '.repeat(m.length))
    .replace(SUBJECT_ASIDE, (m) => ' '.repeat(m.length));
}

function segments(s: string): Array<{ start: number; text: string }> {
  const out: Array<{ start: number; text: string }> = [];
  let start = 0;
  for (const m of s.matchAll(/,(?!\d{3})|\s[–—-]\s|;/g)) {
    out.push({ start, text: s.slice(start, m.index) });
    start = m.index + m[0].length;
  }
  out.push({ start, text: s.slice(start) });
  return out.filter((g) => g.text.trim());
}

/** The longest tail of `s` that reads as a noun phrase (stops at verbs, conjunctions and clause words). */
function trailingNounPhrase(s: string): string {
  const words = [...s.matchAll(/\S+/g)];
  let cut = s.length;
  for (let i = words.length - 1; i >= 0; i--) {
    const w = words[i]![0].replace(/[^\p{L}’'-]/gu, '');
    const lower = w.toLowerCase();
    const prevWord = i > 0 ? words[i - 1]![0].toLowerCase() : '';
    // "head of safeguarding" is a noun phrase; "Appearing alongside", "… blamed" are not.
    const verbish = /^[a-z]/.test(w) && /(?:ed|ing)$/.test(lower) && !ALLOWED_ED_ING.has(lower) && !/^(?:of|for|and|in|at|on)$/.test(prevWord);
    if (NP_BREAK.has(lower) && !(PRONOUNS.has(lower) && i === words.length - 1) || verbish) break;
    cut = words[i]!.index;
    if (PRONOUNS.has(lower)) break;
  }
  return ' '.repeat(cut) + s.slice(cut);
}

/** What a single phrase denotes: a person (with role/org), a pronoun, a role, an organisation or an institutional source. */
export function readPhrase(s: string, base: number, ctx: PhraseContext): SpeakerRef | null {
  return memoised(ctx, `${base}:${s}`, () => readPhraseOnce(s, base, ctx));
}

function readPhraseOnce(s: string, base: number, ctx: PhraseContext): SpeakerRef | null {
  const t = s.trim();
  if (!t) return null;
  const lower = t.toLowerCase();
  if (PRONOUNS.has(lower)) return { type: 'pronoun', pronoun: lower };
  // "Her family said": relatives speaking for someone the article is about.
  const kin = /^(his|her|their)\s+(family|parents|mother|father|widow|widower|husband|wife|partner|son|daughter|sister|brother|relatives)$/.exec(lower);
  if (kin) return { type: 'kin', pronoun: kin[1] === 'his' ? 'he' : kin[1] === 'her' ? 'she' : 'they', noun: kin[2]! };
  const orgs = orgsIn(s, base, ctx);
  const names = findNames(s, base, orgs).filter((n) => !n.possessive);
  const org = pickOrg(orgs, t);
  const role = roleText(s, base, orgs, names.slice(-1));
  // "a report published by Ofsted", "a YouGov poll for the NEU"
  const source = INSTITUTION_SOURCE.exec(lower);
  if (source && !names.some((n) => n.given || n.title)) return { type: 'institution', noun: INSTITUTION_NOUNS[source[1]!]!, org };
  if (names.length) return personPhrase(names.at(-1)!, t, org, role, ctx);
  return namelessPhrase(s, t, base, orgs, org, role);
}

/** A named person, with the post and body the phrase gives them. */
function personPhrase(m: NameMention, t: string, org: string | null, role: string | null, ctx: PhraseContext): SpeakerRef {
  const owner = org ? null : genericOwner(t);
  const ownRole = owner && role ? role.replace(GENERIC_OWNER, '') || null : role;
  const known = org ?? impliedOrg(t) ?? (role ? registryRole(role)?.org ?? null : null);
  const council = known ? null : placeCouncil(t, ctx);
  // "Harlow's cabinet member for children": the place is the council, the rest the post.
  const post = council && ownRole ? withoutPlace(ownRole) : ownRole;
  return { type: 'person', mention: m, role: post, org: known ?? council, ...(owner && !known && !council ? { orgNoun: owner } : {}) };
}

/** A phrase with no name in it: a source, a body, a generic noun, or a post. */
function namelessPhrase(s: string, t: string, base: number, orgs: OrgMention[], org: string | null, role: string | null): SpeakerRef | null {
  const lower = t.toLowerCase();
  // "a joint report published today", "ADCS research released last year": the source is the noun before the participle.
  // "The survey of 1,240 social workers": the source is the head noun before "of".
  const lastWord = lower.replace(/\s+(?:published|released|issued|produced|out|of|into|among)\b.*$/, '').replace(/[^a-z\s]/g, '').trim().split(/\s+/).at(-1) ?? '';
  if (INSTITUTION_NOUNS[lastWord] && !/\b(?:its|their|his|her)\b/.test(lower) && !ROLE_WORDS.test(lower)) return { type: 'institution', noun: INSTITUTION_NOUNS[lastWord]!, org };
  // Headlines drop the article: "as union says …".
  if (!org && /^(?:the\s+)?[a-z]+$/.test(lower) && lastWord in GENERIC_ORG_NOUNS) return { type: 'generic', noun: lastWord };
  if (org && SPOKES_NOUNS.test(t)) return { type: 'org', org, role: 'spokesperson' };
  // "A government spokesperson", "a council spokeswoman": the body of that kind in play.
  const spokesFor = /^(?:an?|the)\s+([a-z]+)\s+(?:spokesperson|spokesman|spokeswoman|source)$/.exec(lower);
  if (!org && spokesFor && spokesFor[1]! in GENERIC_ORG_NOUNS) return { type: 'generic', noun: spokesFor[1]! };
  if (org && role && (LEADER_NOUNS.test(role) || ROLE_WORDS.test(role))) {
    return { type: 'role', role: LEADER_NOUNS.test(role) ? leaderRole(org) : role, org, at: base };
  }
  if (org && !role) return { type: 'org', org, role: null };
  // "a change Ofsted says will …": a relative clause without "that", whose subject is the body at the end.
  const lastOrg = orgs.at(-1);
  if (org && role && !ROLE_WORDS.test(role) && /^(?:an?|the|this)\s/i.test(t) && lastOrg && lastOrg.end - base >= s.trimEnd().length) return { type: 'org', org: lastOrg.org, role: null };
  if (org && /^(?:mps|members)$/.test(role ?? '')) return { type: 'org', org, role: null };
  if (!org && role) {
    const known = registryRole(role);
    if (known) return { type: 'role', role: known.role, org: known.org, at: base };
    if (/^mps?$/.test(role)) return { type: 'org', org: 'Parliament', role: role };
    // "the committee's chair": a post at a body in play; "The Commissioner": a post the article's people hold.
    const owner = genericOwner(t);
    const post = owner ? role.replace(/^[a-z]+\s+/, '') : role;
    if (/^the\s/i.test(t) && ROLE_WORDS.test(post) && post.split(' ').length <= 6) return { type: 'role', role: post, org: null, at: base, ...(owner ? { orgNoun: owner } : {}) };
  }
  return null;
}

const GENERIC_OWNER = new RegExp(`^(?:the\\s+)?(?:${Object.keys(GENERIC_ORG_NOUNS).join('|')})['’]?s?\\s+`, 'i');

/** "the council's chief executive": the organisation is one already in play, named by a generic noun. */
const GENERIC_POSSESSIVE = new RegExp(`\\b(?:the|its)\\s+(${Object.keys(GENERIC_ORG_NOUNS).join('|')})['’]s\\b`, 'i');

function genericOwner(t: string): string | null {
  const m = GENERIC_POSSESSIVE.exec(t);
  return m ? m[1]!.toLowerCase() : null;
}

/** A sector body the registry knows beats an employer named beside it ("chief executive of X Council and SOLACE spokesperson"). */
function pickOrg(orgs: OrgMention[], t: string): string | null {
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
function placeCouncil(t: string, ctx: PhraseContext): string | null {
  if (!COUNCIL_ROLE.test(t)) return null;
  const place = PLACE_POSSESSIVE.exec(t)?.[1];
  if (place) return ctx.orgs.council(place) ?? place;
  return /^(?:the\s+)?council\b/i.test(t.trim()) || /\bcouncil leader\b/i.test(t) ? ctx.orgs.council() : null;
}

/** "harlow vale’s cabinet member for children" → "cabinet member for children" (the place is the organisation). */
const withoutPlace = (role: string) => role.replace(/^[\p{L}\s-]+['’]s\s+/u, '');

function impliedOrg(t: string): string | null {
  if (MP_ROLE.test(t)) return 'Parliament';
  if (ACADEMIC_ROLE.test(t)) return 'University';
  return null;
}

function leaderRole(org: string): string {
  return registries().orgByShort.get(org)?.leaderRole ?? 'head';
}

/** A role noun that on its own denotes one organisation's post ("the chief inspector"). */
let roleIndex: Map<string, { role: string; org: string }> | null = null;

function registryRole(role: string): { role: string; org: string } | null {
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
function roleText(s: string, base: number, orgs: OrgMention[], names: NameMention[]): string | null {
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
  return t && t.split(' ').length <= 10 ? t.toLowerCase() : null;
}
