// extractQuotes: every quote in an article body, with its speaker, organisation, role, cue, kind and placement.
import type { ArticleContext, ExtractedQuote } from '../../types.ts';
import { organisationSpeakerName, registries } from '../registries.ts';
import { attributionAfter, attributionBefore, isSpeechTail, type Attribution } from './attribution.ts';
import { findMarkSpans, maskQuotes, type MarkSpan } from './marks.ts';
import { findCues } from './cues.ts';
import { findNames } from './names.ts';
import { OrgMatcher } from './orgs.ts';
import { buildPassages, describePassages, type Passage } from './passages.ts';
import { ArticlePeople } from './people.ts';
import { antecedentInSentence, captionPerson, introducedPerson, isPostBefore, namedBelow, passiveAgent } from './nearby.ts';
import { findReportedClauses, type Reported } from './reported.ts';
import { ATTITUDE_VERBS, NP_SUMMARY } from './lexicon.ts';
import { registerPeople } from './register.ts';
import type { PhraseContext } from './speaker-ref.ts';
import { SpeakerState, type Speaker } from './speakers.ts';
import { introducedAbove, unmarkedStatement } from './statements.ts';
import { asidesIn, withoutAside } from './brackets.ts';
import { interviewAnswers } from './interview.ts';
import { giveToSignatory, noteDocumentOf, notePublisher, noteSignatories, publishersNamed } from './documents.ts';
import { inferDate, splitParagraphs, splitSentences, type Paragraph } from './text.ts';
import type { Found, WalkInput } from './walk-input.ts';

export function extractQuotes(ctx: ArticleContext): ExtractedQuote[] {
  const text = ctx.text;
  if (!text.trim()) return [];
  const paras = splitParagraphs(text, ctx.title ?? '');
  const spans = findMarkSpans(text, paras);
  const masked = maskQuotes(text, spans);
  const orgs = new OrgMatcher(text);
  const phrase: PhraseContext = { orgs, memo: new Map() };
  const people = new ArticlePeople(ctx.published?.slice(0, 10) ?? inferDate(text));
  people.furniture = storyEnds(text, paras);
  orgs.storyEnd = people.furniture[0] ?? text.length;
  people.ownIdentity = (at) => hasOwnIdentity(masked, at);
  registerPeople(masked, paras, phrase, people);
  const sentences = paras.map((p) => splitSentences(masked, p.start, p.end));
  const sentenceOf = (para: number, at: number) => sentences[para]!.find(([s, e]) => at >= s && at < e) ?? [paras[para]!.start, paras[para]!.end] as [number, number];
  const passages = describePassages(buildPassages(spans, paras), masked, sentenceOf, phrase);
  const state = new SpeakerState(people, institutionOrg(text, orgs), (fits) => orgs.mostMentioned(fits));
  state.publisher = pagePublisher(text, orgs);
  state.namedPublishers = publishersNamed(masked, orgs);
  const found = walk({ text, masked, paras, sentences, passages, spans, phrase, state });
  atArticleCouncil(text, people, orgs);
  return found.filter((f, i) => !isCrosshead(f, found.slice(i + 1), paras, text)).map((f) => toQuote(f, paras, text));
}

/** Posts only a local authority has: whoever holds one with no body named is at the article's council. */
const COUNCIL_ONLY_POST = /^(?:(?:interim|acting|new|permanent|strategic)\s+)?(?:director (?:of|for) children['’]s services|dcs|(?:cabinet|lead) member\b|portfolio holder\b)/i;

/**
 * "Director of children's services Rob Kendrick, who joined Tennington in April," and "Opposition leader Cllr Ann Vale"
 * name no body, but a councillor or a council-only post is at the council the story is about.
 */
function atArticleCouncil(text: string, people: ArticlePeople, orgs: OrgMatcher): void {
  const council = orgs.council();
  const end = orgs.storyEnd;
  // A council named only in the jobs or teasers below the story is not the story's, nor a teaser's author its councillor.
  if (!council || !text.slice(0, end).includes(council.split(' ')[0]!)) return;
  for (const p of people.people) {
    if (!p.org && Math.min(...p.mentions) < end && (/^(?:cllr|councillor)$/i.test(p.title ?? '') || (p.role !== null && COUNCIL_ONLY_POST.test(p.role)))) p.org = council;
  }
}

/**
 * Where the story proper ends: an end-of-story line, or a teaser's byline once the story's prose has run a few paragraphs
 * (the article's own byline often sits below a standfirst, which is prose too).
 */
function storyEnds(text: string, paras: Paragraph[]): number[] {
  const prose = paras.filter((p) => p.placement === 'body' && !p.furniture && text.slice(p.start, p.end).split(/\s+/).length >= 25)[2];
  return paras.filter((p) => p.furniture && p.placement === 'body' && (p.storyEnd || (prose && p.start > prose.start && /^[Bb]y\s+\p{Lu}/u.test(text.slice(p.start, p.end))))).map((p) => p.start);
}

/**
 * A name followed by a possessive or an appositive ("Julia Waters, Ruth Perry's sister, said") is someone in their own
 * right, not the holder of a post named before; "X, who is also director of …" may still be.
 */
function hasOwnIdentity(masked: string, at: number): boolean {
  // "The ADCS's Mike Rowe": a body's possessive before the name ties them to it.
  if (/\p{Lu}[\p{L}.-]*['’]s?\s+$/u.test(masked.slice(Math.max(0, at - 40), at))) return true;
  const after = masked.slice(at, at + 120);
  const name = /^\p{Lu}[\p{L}.-]*(?:\s+\p{Lu}[\p{L}.-]*)*/u.exec(after)?.[0] ?? '';
  const rest = after.slice(name.length);
  return /^['’]s?\s/.test(rest) || (/^,\s+\S/.test(rest) && !/^,\s+(?:who|which|said|says|told|added|has|had|is|was)\b/.test(rest));
}

const words = (s: string) => s.toLowerCase().match(/[\p{L}\p{N}]+/gu)?.join(' ') ?? '';

/** A crosshead ("‘We are sorry’" alone on a line) repeats words of a quote below it: page furniture, not another quote. */
function isCrosshead(f: Found, later: Found[], paras: Paragraph[], text: string): boolean {
  const p = paras[f.para]!;
  const line = text.slice(p.start, p.end);
  if (f.kind !== 'direct' || /[.!?,]\s*$/.test(f.text) || f.text.split(/\s+/).length > 8 || line.replace(/^["“‘']|["”’']$/g, '').trim() !== f.text.trim()) return false;
  const key = words(f.text);
  return later.some((q) => q.para !== f.para && ` ${words(q.text)} `.includes(` ${key} `));
}

/** Visits narrative sentences and full quotes in reading order, so pronouns and floating quotes see the speakers before them. */
function walk(w: WalkInput): Found[] {
  const out: Found[] = [];
  const full = w.passages.filter((p) => p.full);
  const fullSpans = new Map<number, MarkSpan[]>();
  for (const m of full.flatMap((p) => p.spans)) fullSpans.set(m.para, [...(fullSpans.get(m.para) ?? []), m]);
  const marked = new Set(w.spans.map((m) => m.para));
  let statement: Speaker | null = null;
  const answers = interviewAnswers(w);
  let answered = -1;
  for (const para of w.paras) {
    if (para.furniture || para.end <= answered) continue;
    const answer = answers?.get(para.index);
    if (answer) {
      out.push(answer);
      w.state.remember(answer.speaker!);
      answered = answer.end;
      continue;
    }
    statement = marked.has(para.index) ? null : unmarkedStatement(w, para, statement, out);
    if (statement) continue;
    const events: Array<{ at: number; run: () => void }> = [];
    const pending: Found[] = [];
    const inPara = fullSpans.get(para.index) ?? [];
    for (const [s, e] of w.sentences[para.index]!) {
      const stops = inPara.filter((m) => m.open >= s && m.open < e).map((m) => m.open);
      events.push({ at: s, run: () => reported(w, s, e, stops, para.index, out, pending) });
    }
    for (const p of full) if (p.spans[0]!.para === para.index && inPara.length) events.push({ at: p.spans[0]!.open, run: () => direct(w, p, out) });
    events.sort((a, b) => a.at - b.at);
    for (const ev of events) {
      const before = w.state.last();
      ev.run();
      const now = w.state.last();
      if (now && now !== before) for (const q of pending.splice(0)) q.speaker = now;
    }
    for (const q of pending) q.speaker = w.state.last();
  }
  return out.sort((a, b) => a.start - b.start);
}

function reported(w: WalkInput, s: number, e: number, stops: number[], para: number, out: Found[], pending: Found[]): void {
  // An aside in brackets or dashes with a source of its own is read on its own; the sentence is then read without it.
  for (const { start: a, end: b, relative } of asidesIn(w.masked, s, e)) {
    const read = (from: number) => findReportedClauses(w.masked, from, b, stops.filter((x) => x >= from && x < b), w.phrase).filter((r) => r.start >= a && r.end > r.start && r.ref && r.ref.type !== 'pronoun');
    // A relative clause names its own source ("– which spent £3bn, according to the LGA –") or speaks for the phrase before it.
    let inner = read(a);
    if (!inner.length && relative) inner = read(s);
    if (!inner.length) continue;
    for (const r of inner) reportedOne(w, r, s, b, para, out, pending);
    w = { ...w, masked: withoutAside(w.masked, a, b) };
  }
  // "The signatories, who include X …, say …": the letter's first signatory is noted before the sentence is read.
  const signed = noteSignatories(w, s, e);
  if (signed) giveToSignatory(out, signed, s);
  const found = findReportedClauses(w.masked, s, e, stops, w.phrase).filter((r) => r.end > r.start);
  if (!found.length && !signed && !continuedFindings(w, s, e, para, out) && !notePublisher(w, s, e)) noteSubject(w, s, e, para);
  for (const r of found) reportedOne(w, r, s, e, para, out, pending);
  addingAfterQuote(w, s, e, para, found, out, pending);
}

const ADDING_THAT = /^§+[.,!?]?["”’']\s*,?\s+[^.;§]{1,60}?,\s+(adding|saying|arguing|warning|insisting|noting|stressing)\s+that\s+/;

/**
 * "“…,” she said, adding that the charity would share the findings.": the participle reports for the quote's speaker, who
 * is known once the quote has been read (so the clause waits with the sentence's other unattributed finds).
 */
function addingAfterQuote(w: WalkInput, s: number, e: number, para: number, found: Reported[], out: Found[], pending: Found[]): void {
  const open = w.spans.find((m) => m.open === s);
  const m = open ? ADDING_THAT.exec(w.masked.slice(open.start, e)) : null;
  if (!m) return;
  const start = open!.start + m[0].length;
  const end = start + w.masked.slice(start, e).replace(/[\s.!?]+$/, '').length;
  if (end <= start || found.some((r) => r.start < end && r.end > start)) return;
  const quoted = w.spans.some((x) => x.open >= start && x.end <= end);
  const f: Found = { start, end, text: w.text.slice(start, end), kind: quoted ? 'mixed' : 'indirect', speaker: null, cue: m[1]!, para, confidence: 0.7 };
  out.push(f);
  pending.push(f);
}

/**
 * "Inspectors found that … But in too many cases, the interview was “a form to be completed”." — quoted words in the next
 * sentence of the same paragraph, with no source of their own, are the same source's.
 */
function continuedFindings(w: WalkInput, s: number, e: number, para: number, out: Found[]): boolean {
  const prev = out.at(-1);
  if (!prev?.speaker || prev.para !== para || prev.kind === 'direct' || w.masked.slice(prev.end, s).includes('§')) return false;
  // A full quote in that sentence ("“…,” he said.") has its own attribution: it is read as a direct quote, not here.
  const isFull = (m: MarkSpan) => w.passages.some((p) => p.full && p.spans.includes(m));
  const marks = w.spans.filter((m) => m.open >= Math.max(s, prev.end) && m.end <= e && m.closed && w.text.slice(m.start, m.end).split(/\s+/).length >= 4 && !isFull(m));
  for (const m of marks) out.push({ start: m.start, end: m.end, text: w.text.slice(m.start, m.end), kind: 'direct', speaker: prev.speaker, cue: null, para, confidence: 0.6 });
  return marks.length > 0;
}

/** "When inspectors told Jane Hart that A, she says B": a comma, a pronoun and a reporting verb start a main clause of its own. */
const FINITE = /\b(?:is|are|was|were|had|has|have|would|could|should|will|can|did|does|do|must|may|might|[a-z]{3,}ed)\b/;
const OWN_MAIN_CLAUSE = /,\s+(he|she)\s+(?:says|said|adds|added|insists|insisted|argues|argued|believes|admits|admitted)\s+(?:that\s+)?/;

function reportedOne(w: WalkInput, r: Reported, s: number, e: number, para: number, out: Found[], pending: Found[]): void {
  const main = r.ref?.type !== 'pronoun' ? OWN_MAIN_CLAUSE.exec(w.masked.slice(r.start, r.end)) : null;
  // Both sides must be clauses of a few words ("…, she said." at the end is a tag, not a second report).
  if (main && main.index > 12 && w.masked.slice(r.start + main.index + main[0].length, r.end).trim().split(/\s+/).length >= 3) {
    const at = r.start + main.index;
    // "When X announced the exchange last week, he said …": an object noun phrase before the comma is no report.
    if (FINITE.test(w.masked.slice(r.start, at))) reportedOne(w, { ...r, end: at }, s, e, para, out, pending);
    const second: Reported = { start: at + main[0].length, end: r.end, ref: { type: 'pronoun', pronoun: main[1]!, at: at + 2 }, cue: main[0].replace(/^,\s+\S+\s+/, '').trim() };
    return reportedOne(w, second, s, e, para, out, pending);
  }
  const inner = w.spans.filter((m) => m.open >= r.start && m.end <= r.end);
  // "Ofsted criticised management oversight" summarises speech as a noun phrase, and "Councils fear …" a mood: no words to report.
  const mood = r.ref?.type === 'group' && !r.ref.leader && ATTITUDE_VERBS.test(r.cue);
  if (mood || (!inner.length && NP_SUMMARY.test(r.cue) && !/\sas\s/.test(w.masked.slice(r.start, r.end)))) {
    noteSubject(w, s, e, para);
    return;
  }
  const whole = inner.length === 1 && inner[0]!.open === r.start && r.end - inner[0]!.end <= 1;
  // A headline's reported summary is the sub-editor's; only its quoted words are the speaker's.
  const fragmentOnly = w.paras[para]!.placement === 'headline' && inner.length > 0;
  const f: Found = whole || fragmentOnly
    ? { start: inner[0]!.start, end: inner[0]!.end, text: w.text.slice(inner[0]!.start, inner[0]!.end), kind: 'direct', speaker: null, cue: r.cue, para, confidence: 0.8 }
    : { start: r.start, end: r.end, text: w.text.slice(r.start, r.end), kind: inner.length ? 'mixed' : 'indirect', speaker: null, cue: r.cue, para, confidence: 0.8 };
  if (r.ref) {
    f.speaker = (r.ref.type === 'pronoun' ? antecedentInSentence(w, s, r.start, r.ref.pronoun) : null) ?? w.state.resolve(r.ref);
    if (!f.speaker) return;
    if (r.ref.type === 'pronoun') f.confidence = 0.7;
    else learnGender(f.speaker, w.masked.slice(r.start, r.end));
    w.state.remember(f.speaker);
    noteDocumentOf(w, s, f.speaker);
  } else {
    f.confidence = 0.5;
    pending.push(f);
  }
  out.push(f);
}

function direct(w: WalkInput, p: Passage, out: Found[]): void {
  const first = p.spans[0]!, last = p.spans.at(-1)!;
  let a: Attribution | null = attributionAfter(p.tail, p.tailAt, w.phrase) ?? attributionBefore(p.head, p.headAt, w.phrase);
  let confidence = 0.9;
  if (!a && !p.head.trim()) {
    a = introducedAbove(w, first.para);
    confidence = 0.85;
  }
  let speaker = a ? w.state.resolve(a.ref) : null;
  // The person the paragraph above introduced is who a bare quote or a "she said" right below it belongs to.
  if ((!speaker || a?.ref.type === 'pronoun') && !p.head.trim()) {
    const intro = introducedPerson(w, first.para, out);
    const pronoun = a?.ref.type === 'pronoun' ? a.ref.pronoun : null;
    const gender = intro?.person?.gender ?? null;
    if (intro && (!pronoun || (pronoun === 'he' && gender !== 'f') || (pronoun === 'she' && gender !== 'm'))) speaker = intro;
  }
  if (!speaker && !a) {
    const below = namedBelow(w, last);
    if (below) [speaker, confidence] = [w.state.resolve(below), 0.8];
  }
  // A named subject we cannot resolve ("Campaigners said", "A source said") is nobody's; only a quote with no attribution floats.
  const unresolvedIntro = !a && (/\b(?:said|says|added|adds|warned|wrote|stated|told [^:]{1,40})\s*:\s*$/.test(p.head) || cueBeforeColon(w, p));
  // "“…,” said one head. “…”": an attribution we cannot tie to anyone; the quote and its continuation are nobody's.
  const unresolvedTail = !a && isSpeechTail(p.tail);
  if (unresolvedTail) w.state.remember({ name: null, org: null, role: null, person: null });
  if (!speaker && (!a || a.ref.type === 'pronoun') && !unresolvedIntro && !unresolvedTail) {
    speaker = w.state.last() ?? captionPerson(w);
    confidence = 0.6;
  } else if (a?.ref.type === 'pronoun') confidence = 0.75;
  if (speaker) w.state.remember(speaker);
  for (const part of splitAtFurniture(p.spans, w.paras)) {
    const text = part.map((m) => w.text.slice(m.start, m.end).trim()).join(' ');
    out.push({ start: part[0]!.start, end: trimmedEnd(w.text, part.at(-1)!), text, kind: 'direct', speaker, cue: a?.cue ?? null, para: part[0]!.para, confidence });
  }
}

/**
 * "As one of my team managers put it after our inspection: ": an introduction by a reporting verb whose subject names
 * nobody (no name, no body): the quote is not the last speaker's.
 */
function cueBeforeColon(w: WalkInput, p: Passage): boolean {
  const { head, headAt } = p;
  if (!/:\s*$/.test(head) || findNames(head, headAt, w.phrase.orgs.find(head, headAt)).length || w.phrase.orgs.find(head, headAt).length) return false;
  return findCues(head).some((c) => /^\s*(?:[\p{L}’'.-]+\s+){0,5}[\p{L}’'.-]*\s*:\s*$/u.test(head.slice(c.end)));
}

/** A passage that runs across a furniture line ("Advertisement", a caption) is one quote per side: the joined words never stand together in the page. */
function splitAtFurniture(spans: MarkSpan[], paras: Paragraph[]): MarkSpan[][] {
  const parts: MarkSpan[][] = [[spans[0]!]];
  for (let i = 1; i < spans.length; i++) {
    const cut = paras.slice(spans[i - 1]!.para + 1, spans[i]!.para).some((q) => q.furniture);
    if (cut) parts.push([spans[i]!]);
    else parts.at(-1)!.push(spans[i]!);
  }
  return parts;
}

/** "Cllr Amira Hassan said … she felt …": a speaker's own report that refers to them as she/he tells their gender when the name does not. */
function learnGender(sp: Speaker, content: string): void {
  if (!sp.person || sp.person.gender) return;
  const m = /\b(she|her|he|his|him)\b/i.exec(content);
  if (m) sp.person.gender = /^(?:she|her)$/i.test(m[1]!) ? 'f' : 'm';
}

const trimmedEnd = (text: string, m: MarkSpan) => { let e = m.end; while (e > m.start && /\s/.test(text[e - 1]!)) e--; return e; };

/** A narrative sentence whose subject is a named person makes them a candidate for a later "he"/"she". */
const POST_THEN_NAME = /^[^,.;:!?§]{3,100},\s+\p{Lu}/u;
const OBJECT_VERB = /\b(?:told|tells|asked|asks|urged|urges|thanked|thanks|wrote to|writes to|interviewed)\s+(?:(?:the|The)\s+)?(?:\p{Lu}[\p{L}&'’.-]*\s+)*$/u;

function noteSubject(w: WalkInput, s: number, e: number, para: number): void {
  if (w.paras[para]!.placement !== 'body' || !/[.!?]["”’']?\s*$/.test(w.masked.slice(s, e))) return;
  // The first name that is someone the article knows ("Perry, headteacher of …" after "Ruth Perry"), not any capitalised
  // pair; after a post ("But Ofsted's national director for social care, Eleanor Schooling, rejected …") too, which takes
  // a longer look (only then: names are the costly part).
  const head = w.masked.slice(s, Math.min(e, s + 160));
  const opening = POST_THEN_NAME.test(head) ? head : head.slice(0, 60);
  // Bodies are looked up over the whole head: one cut off at the opening's end ("told Children & Young People Now") is no name.
  const bodies = w.phrase.orgs.find(head, s).filter((o) => o.start < s + opening.length);
  for (const m of findNames(opening, s, bodies)) {
    const before = w.masked.slice(s, m.start);
    // "“…,” she told Jane Reid.": the object of a verb is who was spoken to, not the sentence's subject.
    if (m.possessive || OBJECT_VERB.test(before) || (before.split(/\s+/).length > 6 && !isPostBefore(before))) continue;
    const p = w.state.resolve({ type: 'person', mention: m, role: null, org: null })?.person;
    if (p) return w.state.mention(p);
  }
  const agent = passiveAgent(w, s, e);
  const p = agent ? w.state.resolve({ type: 'person', mention: agent, role: null, org: null })?.person : null;
  if (p) return w.state.mention(p);
  // "Ofsted rejected the claims. A spokesperson said …": a body as the sentence's subject is who "a spokesperson" speaks for.
  const body = BODY_SUBJECT.exec(head);
  const org = body ? w.phrase.orgs.find(head.slice(0, body[0].length), s)[0] : null;
  if (org && org.start - s === body![1]!.length) w.state.remember({ name: organisationSpeakerName(org.org), org: org.org, role: null, person: null, topic: true });
}

const BODY_SUBJECT = /^((?:But|However,?|Meanwhile,?)?\s*(?:[Tt]he\s+)?)\p{Lu}[\p{L}’'&. -]{1,60}?\s+(?:has\s+|have\s+|had\s+)?(?:rejected|disputed|denied|defended|dismissed|hit back|responded|disagreed|declined|welcomed|criticised|challenged|refuted)\b/u;

/** The inspectorate most mentioned in the article: who "inspectors", "the report" and "the watchdog" speak for. */
function institutionOrg(text: string, orgs: OrgMatcher): string | null {
  const counts = new Map<string, number>();
  for (const m of orgs.find(text, 0)) {
    const kind = registries().orgByShort.get(m.org)?.kind;
    if (kind === 'inspectorate' || kind === 'regulator' || kind === 'ombudsman') counts.set(m.org, (counts.get(m.org) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
}

/** A GOV.UK page names the body that published it on a line of its own ("From: Ofsted"). */
function pagePublisher(text: string, orgs: OrgMatcher): string | null {
  const m = /^From:\s*(.{2,80})$/m.exec(text.slice(0, 3000));
  return m ? orgs.find(m[1]!, m.index + m[0].length - m[1]!.length)[0]?.org ?? null : null;
}

/**
 * A public body is named as the article first gives it: "the National Audit Office (NAO)" speaks as the National Audit
 * Office, a story that only ever writes "the NAO" quotes the NAO (departments keep their full name either way).
 */
function bodyAsWritten(name: string | null, org: string | null, text: string): string | null {
  if (!name || !org || name === org || registries().orgByShort.get(org)?.kind !== 'public body') return name;
  return text.includes(name) ? name : org;
}

function toQuote(f: Found, paras: Paragraph[], text: string): ExtractedQuote {
  const sp = f.speaker;
  const person = sp?.person;
  return {
    text: f.text,
    kind: f.kind,
    start: f.start,
    end: f.end,
    speaker: person ? person.name : bodyAsWritten(sp?.name ?? null, sp?.org ?? null, text),
    speakerOrg: person ? person.org : sp?.org ?? null,
    speakerRole: person ? person.role : sp?.role ?? null,
    cue: f.cue,
    placement: paras[f.para]!.placement,
    confidence: f.speaker ? f.confidence : 0.2,
  };
}
