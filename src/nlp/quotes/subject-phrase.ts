// Reads the subject phrase around a reporting verb: "Alan Wood, president of the ADCS (ADCS), said", "said the head of Ofsted".
import { INSTITUTION_NOUNS, ROLE_WORDS, SUBJECT_ASIDE } from './lexicon.ts';
import { readGroup } from './groups.ts';
import { combine, describeOnly } from './phrase-roles.ts';
import { PRONOUNS, readPhrase } from './read-phrase.ts';
import { memoised, type PhraseContext, type SpeakerRef } from './speaker-ref.ts';

const ADVERBIAL = /^(?:[A-Za-z]+ing|Asked|However|Meanwhile|Instead|But|And|Also|Earlier|Later|Last|This|Yesterday|Today|Now|In|At|On|After|Before|During|Following|Despite|Since|Under|With|Without|For|From|By|Over|When|While|If|Although|Though|As|Whether|Of|Where|Once|Separately|Elsewhere|Overall|Nevertheless|Still)\b/;
const LEADING_LINK = /^\s*(?:and|but|which|that|who|so|while|as|because|when|if|although|whereas|where|then|yet|also|however)\b[\s,]*/i;
/** Words that end a subject phrase when reading leftwards from the verb. */
const NP_BREAK = new Set(['after', 'before', 'when', 'while', 'since', 'because', 'as', 'if', 'back', 'that', 'which', 'who', 'whom', 'is', 'are', 'was', 'were', 'be', 'been', 'not', 'but', 'so', 'with', 'to', 'in', 'than', 'where', 'why', 'how', 'it', 'there', 'this', 'these', 'those', 'said', 'says', 'told', 'about', 'by', 'into', 'from', 'although', 'though', 'whether', 'until', 'once',
  // sentence adverbs before a subject without a comma ("Meanwhile the LGA said")
  'meanwhile', 'however', 'separately', 'elsewhere', 'similarly', 'likewise', 'nevertheless', 'instead', 'yesterday']);
const ALLOWED_ED_ING = new Set(['briefing', 'acting', 'managing', 'founding', 'leading', 'retired', 'elected', 'appointed', 'qualified', 'named', 'outgoing', 'incoming', 'spending', 'housing', 'nursing']);

/**
 * Someone the reporter will not name: "a director, who asked not to be named,", "a source close to the chief inspector". They
 * are nobody the article names (not the person they are close to, nor the next holder of their post).
 */
const ANONYMOUS = /\b(?:asked|wished|wanted|declined|preferred) not to be (?:named|identified)|\bdid not (?:want|wish) to be (?:named|identified)|\bon condition of anonymity|\bspeaking anonymously|\b(?:sources?|insiders?|allies|ally|friends?|aides?|figures?)\s+(?:close to|familiar with|near to)\b/i;

/** The subject phrase right before a verb ("…, Debbie Jones, Ofsted's director of social care,"). */
export function subjectBefore(s: string, base: number, ctx: PhraseContext): SpeakerRef | null {
  if (ANONYMOUS.test(s.slice(-160))) return null;
  return memoised(ctx, `b${base}:${s}`, () => withWhoAside(subjectBeforeBare(s, base, ctx), s, base, ctx));
}

/** The subject phrase after an inverted verb ("said Ofsted's chief inspector, Sir Michael Wilshaw."). */
export function subjectAfter(s: string, base: number, ctx: PhraseContext): SpeakerRef | null {
  if (ANONYMOUS.test(s.slice(0, 160))) return null;
  return memoised(ctx, `a${base}:${s}`, () => withWhoAside(subjectAfterBare(s, base, ctx), s, base, ctx));
}

const WHO_LEADS = /,\s*who\s+(chairs|chaired|leads|led|heads|headed|runs|ran|directs|directed|manages|managed|founded|co-founded|represents|works (?:for|at)|became|has become|(?:was|has been) appointed(?: as)?|took over as|is (?!also\b)(?:the |a |an )?(?:[a-z’'-]+ ){0,5}(?:of|at|for))\s+([^,]+)(?=,|$)/;
const LEAD_ROLE: Record<string, string> = { chairs: 'chair', leads: 'leader', heads: 'head', runs: 'head', directs: 'director', manages: 'manager', founded: 'founder', 'co-founded': 'co-founder' };
/** "who led the review": a past post is still the body the person is quoted for, under its past title. */
const PAST_ROLE: Record<string, string> = { chaired: 'former chair', led: 'lead', headed: 'former head', ran: 'former head', directed: 'former director', managed: 'former manager' };

/** "X, who chairs the ADCS's policy committee, said": the aside says where X works, though it is not their name. */
function withWhoAside(ref: SpeakerRef | null, s: string, base: number, ctx: PhraseContext): SpeakerRef | null {
  if (ref?.type !== 'person' || ref.org) return ref;
  const m = WHO_LEADS.exec(s);
  if (!m) return ref;
  // "who became director of X in 2022": the post, without when.
  const what = m[2]!.replace(/\s+(?:in|since|last|this|from|until)\s+(?:(?:19|20)\d\d|january|february|march|april|may|june|july|august|september|october|november|december|year|month|week|summer|autumn|winter|spring)\b.*$/i, '');
  const desc = describeOnly(what, base + m.index + m[0].length - m[2]!.length, ctx);
  if (!desc || desc.type !== 'role' || !desc.org) return ref;
  // "who chairs the ADCS's workforce committee": the chair of that unit, not the unit.
  const lead = LEAD_ROLE[m[1]!] ?? PAST_ROLE[m[1]!];
  if (lead && desc.role && !ROLE_WORDS.test(desc.role)) return combine(ref, { ...desc, role: `${lead} of the ${desc.role}` });
  return combine(ref, { ...desc, role: desc.role || LEAD_ROLE[m[1]!] || PAST_ROLE[m[1]!] || /^is /.test(m[1]!) && m[1]!.replace(/^is (?:the |a |an )?|\s+(?:of|at|for)$/g, '') || desc.role });
}

const SOURCE_BY = new RegExp(`^\\s*(?:(?:and|but|while|meanwhile|however|now)\\s+)?(?:an?|the|this|its|new)\\s+(?:[\\w’'-]+\\s+){0,3}(?:${Object.keys(INSTITUTION_NOUNS).join('|')})\\s+(?:(?:published|commissioned|carried out|released|produced)\\s+)?(?:by|from|for)\\s+[^,;]+$`, 'i');
const SOURCE_THEN_PUBLISHER = new RegExp(`^\\s*((?:an?|the|this|its|new)?\\s*(?:[\\w’'-]+\\s+){0,3}(?:${Object.keys(INSTITUTION_NOUNS).join('|')}))\\s*,?\\s*(?:published|released|commissioned|produced|written|carried out|conducted|compiled|obtained|collected|gathered|analysed|analyzed|undertaken|based on)\\b[^]*?\\b(?:by|for)\\b`, 'i');

/** "The report, published today by Ofsted, the CQC and HMICFRS, found": the source, from its first publisher. */
function sourceWithPublisher(s: string, base: number, ctx: PhraseContext): SpeakerRef | null {
  const m = SOURCE_THEN_PUBLISHER.exec(s);
  if (!m) return null;
  const noun = m[1]!.trim().toLowerCase().split(/\s+/).at(-1)!;
  const org = ctx.orgs.find(s.slice(m[0].length), base + m[0].length)[0]?.org ?? null;
  return { type: 'institution', noun: INSTITUTION_NOUNS[noun]!, org };
}

const SOURCE_INTO = new RegExp(`^\\s*(?:an?|the|this|its|new)\\s+(?:(?!of\\b)[\\w’'-]+\\s+){0,3}(${Object.keys(INSTITUTION_NOUNS).join('|')})\\s+(?:into|on|about)\\s[^,;]+$`, 'i');

/** "A serious case review into the death of a boy who was …": the source noun heads a subject its topic makes long. */
function sourceInto(s: string): SpeakerRef | null {
  const m = SOURCE_INTO.exec(s);
  return m ? { type: 'institution', noun: INSTITUTION_NOUNS[m[1]!.toLowerCase()]!, org: null } : null;
}

const LETTER_FROM = /(?:^|[,;]\s*|\b(?:and|but)\s+)((?:an?|the|this|their)\s+(?:open\s+|joint\s+)?letter)\s*,?\s+(?:signed\s+by|from|by)\s+([^,;]+?)[\s,]*$/i;

/** "An open letter signed by 40 directors of children's services says": the letter speaks for the group that signed it. */
function letterFromGroup(s: string, base: number, ctx: PhraseContext): SpeakerRef | null {
  const m = LETTER_FROM.exec(s);
  if (!m) return null;
  const group = readGroup(m[2]!);
  if (group && !group.leader) return { type: 'group', ...group, at: base + m.index, source: 'letter' };
  // "A letter signed by Jane Smith, Tom Brown and 40 others": its first signatory.
  const first = subjectAfter(m[2]!, base + m.index + m[0].length - m[2]!.length, ctx);
  return first?.type === 'person' ? first : null;
}

/** "X, a head of service, who told …", "ADCS, which has said …": a relative pronoun's subject is the phrase before it. */
const RELATIVE_END = /(?:,|\s[–—-])\s*(?:who|which)\s*$/;
/** "ADCS members who completed its survey told …": a restrictive relative clause after a short subject. */
const RESTRICTIVE = /^((?:\s*\S+){1,5}?)\s+who\s+[^,]{3,80}$/;

function subjectBeforeBare(s: string, base: number, ctx: PhraseContext): SpeakerRef | null {
  const ref = withBracketedPost(subjectPhraseBefore(s, base, ctx), s, base, ctx);
  const rel = ref ? null : RELATIVE_END.exec(s);
  if (!rel) return ref;
  // "That was the view of X, role, who said …": X, without the sentence's opening words.
  const antecedent = s.slice(0, rel.index).replace(VIEW_OF, (m) => ' '.repeat(m.length));
  return subjectBeforeBare(antecedent, base, ctx);
}

/** "Jane Smith (ADCS president) said": a post in brackets right after the name describes them. */
function withBracketedPost(ref: SpeakerRef | null, s: string, base: number, ctx: PhraseContext): SpeakerRef | null {
  if (ref?.type !== 'person' || ref.org) return ref;
  const m = /\(([^()]{2,60})\)\s*$/.exec(s);
  return m ? combine(ref, describeOnly(m[1]!, base + m.index + 1, ctx)) : ref;
}

const VIEW_OF = /^\s*(?:that|this|those|these|such)\s+(?:is|was|are|were)\s+(?:the\s+)?(?:[a-z]+\s+){0,2}(?:of|from)\s+/i;

function subjectPhraseBefore(s: string, base: number, ctx: PhraseContext): SpeakerRef | null {
  const published = sourceWithPublisher(s, base, ctx) ?? letterFromGroup(s, base, ctx) ?? sourceInto(s);
  if (published) return published;
  const restricted = RESTRICTIVE.exec(s.slice(s.search(/[^,;]*$/)));
  if (restricted && !/[,;]/.test(restricted[1]!)) {
    const at = s.search(/[^,;]*$/);
    const ref = readPhrase(restricted[1]!, base + at, ctx);
    if (ref && ref.type !== 'pronoun') return ref;
  }
  const clean = blankAsides(s).replace(/\s+$/, '');
  const segs = segments(clean);
  if (!segs.length) return null;
  const last = segs.at(-1)!;
  // "Name, chief executive of Become, the charity for care leavers, said": the last appositive describes the body.
  if (segs.length >= 3 && BODY_GLOSS.test(last.text.trim())) return subjectPhraseBefore(s.slice(0, segs.at(-2)!.start + segs.at(-2)!.text.length), base, ctx);
  // "Karen Lowe, 42, from Brockton, said": an age or a home town after the name says who they are, not who speaks.
  if (segs.length >= 2 && (/^\s*\d{1,3}\s*$/.test(last.text) || (/^\s*(?:from|of)\s+\p{Lu}[\p{L}’'-]*(?:\s+\p{Lu}[\p{L}’'-]*)?\s*$/u.test(last.text) && !ctx.orgs.find(last.text, base + last.start).length))) {
    return subjectPhraseBefore(s.slice(0, segs.at(-2)!.start + segs.at(-2)!.text.length), base, ctx);
  }
  // "Jo Bell, Ofsted’s National Director, Social Care, said" (GOV.UK's style): the remit after a post's comma is the post's.
  if (segs.length >= 3 && POST_END.test(segs.at(-2)!.text) && REMIT.test(last.text) && !ctx.orgs.find(last.text, base + last.start).length) {
    return subjectPhraseBefore(s.slice(0, segs.at(-2)!.start + segs.at(-2)!.text.length), base, ctx);
  }
  const glossed = bodyGlossed(segs, base, ctx);
  if (glossed) return glossed;
  // "A report by the National Children's Bureau has found": the source noun, not the body after "by", heads the subject.
  const bySource = SOURCE_BY.exec(last.text);
  if (bySource) {
    const ref = readPhrase(bySource[0], base + last.start + bySource.index, ctx);
    if (ref?.type === 'institution') return ref;
  }
  const appositive = appositiveSubject(segs, base, ctx);
  if (appositive) return appositive;
  const head = trailingNounPhrase(last.text.replace(LEADING_LINK, (m) => ' '.repeat(m.length)));
  if (!head.trim()) return null;
  const headStart = last.start + head.length - head.trimStart().length;
  const headText = clean.slice(headStart, last.start + head.length);
  const core = /^(?:at|of|for|from|with|in|on|by|through|during|under|over|across|against)\s/i.test(headText) ? null : readPhrase(headText, base + headStart, ctx);
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
  // "Article 39, a charity, said": the body, described by the words after it.
  return core ?? (other?.type === 'org' ? other : null);
}

/** "Social Work England, the profession's regulator, said": a body named, then glossed by a source noun of no body. */
function bodyGlossed(segs: Array<{ start: number; text: string }>, base: number, ctx: PhraseContext): SpeakerRef | null {
  if (segs.length < 2 || !/^\s*(?:an?|the)\s/i.test(segs.at(-1)!.text)) return null;
  // "But Kinfolk, the charity …": a conjunction before the body is no adverbial opening.
  const conj = /^\s*(?:But|And|Yet)\s+/.exec(segs.at(-2)!.text)?.[0].length ?? 0;
  const body = segs.at(-2)!.text.slice(conj);
  if (ADVERBIAL.test(body.trim())) return null;
  const gloss = readPhrase(segs.at(-1)!.text, base + segs.at(-1)!.start, ctx);
  if (!(gloss?.type === 'generic' || (gloss?.type === 'institution' && !gloss.org))) return null;
  const named = readPhrase(body, base + segs.at(-2)!.start + conj, ctx);
  return named?.type === 'org' ? named : null;
}

const POST_END = /\b(?:Director|Officer|Inspector|Secretary|Minister|Manager|Head|Lead|Adviser|Advisor)\s*$/;
const REMIT = /^\s*(?:\p{Lu}[\p{L}’'-]*)(?:\s+(?:and\s+)?\p{Lu}[\p{L}’'-]*){0,3}\s*$/u;

/** An appositive that says what kind of body the one before it is ("the charity for children in care", "a think tank"). */
const BODY_GLOSS = /^(?:an?|the)\s+(?:[a-z-]+\s+){0,2}(?:charity|union|organisation|body|association|think[- ]tank|campaign group|pressure group|network|provider|trust|consultancy|social enterprise|membership body|trade body)\b/;

/** "Sarah, a foster carer in Leeds," — a name, then a lower-case description: the name is the subject. */
function appositiveSubject(segs: Array<{ start: number; text: string }>, base: number, ctx: PhraseContext): SpeakerRef | null {
  if (segs.length < 2) return null;
  const last = segs.at(-1)!, prev = segs.at(-2)!;
  const desc = last.text.trim();
  if (!/^(?:an?|the)\s|^[a-z]/.test(desc) || PRONOUNS.has(desc) || /^(?:who|which|that|whose|whom)$/.test(desc) || desc.split(/\s+/).length > 14) return null;
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
  if (core?.type === 'person') return withBodyAfter(combine(core, other ?? describeOnly(next.text, base + next.start, ctx)), segs[2], base, ctx);
  if (other?.type === 'person') return combine(other, core ?? describeOnly(first.text, base + first.start, ctx));
  return core;
}

/** "Tom Hendry, director of children's services, Marlow County Council": a body alone in the segment after the post. */
function withBodyAfter(ref: SpeakerRef, seg: { start: number; text: string } | undefined, base: number, ctx: PhraseContext): SpeakerRef {
  if (ref.type !== 'person' || ref.org || !seg) return ref;
  const body = readPhrase(seg.text, base + seg.start, ctx);
  return body?.type === 'org' && !body.role ? { ...ref, org: body.org } : ref;
}

/** Blanks "who/whose/which …" asides and bracketed text, keeping offsets. */
const GLOSS_RELATIVE = /(,\s*(?:an?|the)\s+(?:[\p{L}’'-]+\s+){0,2}[\p{L}’'-]+)\s+(?:that|which|who)\s+[^,]{3,80}(?=,?\s*$)/u;

function blankAsides(s: string): string {
  return s
    .replace(/\([^)]*\)/g, (m) => ' '.repeat(m.length))
    .replace(/,\s*(?:who|whose|which|whom)\b[^,]*(?=,)/g, (m) => ' '.repeat(m.length))
    // "X, the charity that advises parents, said": the gloss's own relative clause says nothing of who speaks.
    .replace(GLOSS_RELATIVE, (m, gloss: string) => gloss + ' '.repeat(m.length - gloss.length))
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
