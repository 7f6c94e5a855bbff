// The article's people before any quote is read: every full name, and what the words right around it say about them.
import { ROLE_WORDS } from './lexicon.ts';
import { findNames, type NameMention } from './names.ts';
import type { OrgMatcher } from './orgs.ts';
import type { ArticlePeople } from './people.ts';
import { readPhrase } from './read-phrase.ts';
import type { PhraseContext } from './speaker-ref.ts';
import type { Paragraph } from './text.ts';

/** A byline, or a link to a writer's other pieces ("Popular articles by Jane Marlow", "More stories from Tom Bell"). */
const BYLINE = /^(?:by|words by|written by|(?:additional\s+)?reporting by|(?:(?:more|popular|latest|recent|other|all)\s+)?(?:articles|stories|posts|pieces|features|news)\s+(?:by|from))\s+\p{Lu}[^.!?]{0,80}$/iu;
/** A photo credit runs to the end of its line or sentence. */
const PHOTO_CREDIT = /\b(?:Photograph|Photo|Picture|Image|Illustration|Credit)s?\s*:[^.;\n]*/g;
/** A byline without "By": a name alone on its line, or with the reporter's job ("Rhiannon Hale Social affairs correspondent"). */
const BARE_BYLINE = /^(?:\p{Lu}[\p{L}’'-]+\s+){1,2}\p{Lu}[\p{L}’'-]+(?:,?\s+(?:[\p{L}-]+\s+){0,3}(?:correspondent|reporter|editor|journalist|writer|columnist))?$/u;
/** Only runs of two or more capitalised words can hold a full name; scanning just those keeps this cheap. */
const RUN = /\p{Lu}[\p{L}’'.-]*(?:\s+(?:(?:de|van|von|der|da|le|la|du|di)\s+)?\p{Lu}[\p{L}’'.-]*)+/gu;
/** Words that end a title written before a name ("Asked by | Conservative MP Alison Reeve"). */
const PREFIX_STOP = /^(?:by|with|from|to|and|or|but|said|says|told|asked|according|as|that|when|after|before|while|including|like|is|was|were|are|has|have|had|on|about|against|than|if|because|thanked|thank|praised|met|joined|replaced|succeeded)$/i;
/** "the education committee, chaired by Graham Stuart": the body just before, and the post. */
// "chaired by the Government-appointed commissioner, Marian Holt": a post may stand between "by" and the name.
const LED_BY = /(?:chaired|led|headed|run|fronted)\s+by\s+(the\s+[^,.;()]{3,80},\s+)?$/;
const LED_ROLE: Record<string, string> = { chaired: 'chair', led: 'leader', headed: 'head', run: 'head', fronted: 'head' };

/**
 * Registers every full name first, so a role ("the head of Ofsted") can point forward to a person named later, and a bare
 * surname back to the right namesake; a title written before the name ("Conservative MP Alison Reeve") or a body "chaired by"
 * them describes them from the start.
 */
export function registerPeople(masked: string, paras: Paragraph[], ctx: PhraseContext, people: ArticlePeople): void {
  for (const p of paras) {
    // A byline names the reporter, never a speaker; a photo credit ("Photograph: Jane Doe/Alamy") the photographer.
    const s = masked.slice(p.start, p.end).replace(PHOTO_CREDIT, (c) => ' '.repeat(c.length));
    if (BYLINE.test(s) || BARE_BYLINE.test(s)) continue;
    for (const run of s.matchAll(RUN)) {
      const at = p.start + run.index;
      for (const m of findNames(run[0], at, ctx.orgs.find(run[0], at))) {
        if (!m.given && !m.title) continue;
        const person = people.resolve(m);
        if (person && !person.org && !person.role) describeFromContext(masked, p, m, ctx, people, person);
      }
    }
  }
}

function describeFromContext(masked: string, p: Paragraph, m: NameMention, ctx: PhraseContext, people: ArticlePeople, person: NonNullable<ReturnType<ArticlePeople['resolve']>>): void {
  const from = Math.max(p.start, m.start - 180);
  const before = masked.slice(from, m.start);
  const led = LED_BY.exec(before);
  if (led) {
    // The body is the one just before "chaired by", not one named inside the post after it.
    const at = led[1] ? from + led.index : m.start;
    const body = ctx.orgs.find(masked.slice(Math.max(p.start, at - 120), at), Math.max(p.start, at - 120)).at(-1);
    if (body) people.describe(person, body.org, LED_ROLE[led[0].split(/\s+/)[0]!]!);
    return;
  }
  const prefix = titleBefore(before);
  if (!prefix) {
    if (!describeFromPostBefore(masked, p, m, ctx, people, person)) describeFromAppositive(masked, p, m, ctx, people, person);
    return;
  }
  const ref = readPhrase(`${prefix}${masked.slice(m.start, m.end)}`, m.start - prefix.length, ctx);
  if (ref?.type === 'person' && (ref.org || ref.role)) people.describe(person, ref.org, ref.role);
}

/**
 * "Cllr Dan Whitby, the leader of Orwell council, said" (or "… is the leader of …"): the appositive after the first mention ties the person to their
 * post and body from the start, so a nameless post elsewhere ("the chief inspector") does not take them for its holder.
 */
function describeFromAppositive(masked: string, p: Paragraph, m: NameMention, ctx: PhraseContext, people: ArticlePeople, person: NonNullable<ReturnType<ArticlePeople['resolve']>>): void {
  const after = masked.slice(m.end, p.end);
  // "Joan Pryce is director of children's services at Ashdown County Council": a comment piece's author note; "X became
  // director of … at Y" opens a profile.
  const desc = /^,\s+([^,.;:§()]{3,90})(?=[,.;:(]|$)/.exec(after) ?? /^\s+(?:is|was|became|has become|(?:was|has been) (?:appointed|named)(?: as)?|took over as|took up the post of)\s+(?:the\s+)?([^,.;:§()]{3,90}?)(?=[,.;:(]|\s+(?:a|an|one|two|three|six|last|this|in|on|after|before|since|when|following)\s|$)/.exec(after);
  if (!desc || /^(?:who|which|whose|and|but|said|says|told|added|adding|saying|as|in|at|on|for)\b/i.test(desc[1]!)) return;
  const ref = readPhrase(desc[1]!, m.end + desc[0].length - desc[1]!.length, ctx);
  if (ref?.type === 'role' && ref.org) people.describe(person, ref.org, ref.role || null);
}

const POST_AFTER_LINK = /(?:[.;:]\s+|\b(?:by|But|and|but|from|with)\s+)((?:the\s+)?[^,.;:§()]{3,80}),\s+$/;
const POST_AT_START = /^((?:the\s+)?[^,.;:§()]{3,80}),\s+$/;
/** A clause, not a post ("The criticism was dismissed by …"). */
const CLAUSE_WORD = /\b(?:was|were|is|are|has|have|had|been|will|would)\b/;

/**
 * "Ofsted's national director for social care, Eleanor Schooling": a post and its body set off by a comma before the
 * name describe it as a title would. True when described.
 */
function describeFromPostBefore(masked: string, p: Paragraph, m: NameMention, ctx: PhraseContext, people: ArticlePeople, person: NonNullable<ReturnType<ArticlePeople['resolve']>>): boolean {
  const from = Math.max(p.start, m.start - 160);
  const before = masked.slice(from, m.start);
  // The post starts the paragraph or a sentence, or follows "by"/"But" ("rejected by Ofsted's director, X").
  const post = POST_AFTER_LINK.exec(before) ?? (from === p.start ? POST_AT_START.exec(before) : null);
  if (!post || !ROLE_WORDS.test(post[1]!) || CLAUSE_WORD.test(post[1]!)) return false;
  const ref = readPhrase(post[1]!, m.start - before.length + post.index + post[0].indexOf(post[1]!), ctx);
  if (ref?.type !== 'role' || !ref.org) return false;
  people.describe(person, ref.org, ref.role || null);
  return true;
}

/** The words right before a name that read as its title ("Ofsted chief inspector ", "Council leader "), else null. */
function titleBefore(before: string): string | null {
  // Words are read from the end leftwards, by character code (no array of every word of the 90 characters).
  if (!isSpace(before.charCodeAt(before.length - 1))) return null;
  let start = before.length;
  for (let end = before.length; ;) {
    while (end > 0 && isSpace(before.charCodeAt(end - 1))) end--;
    if (end === 0) break;
    let from = end;
    while (from > 0 && !isSpace(before.charCodeAt(from - 1))) from--;
    const w = before.slice(from, end);
    if (/[,.;:()"“”‘’§]$|^[("“‘§]/.test(w) || PREFIX_STOP.test(w)) break;
    start = end = from;
  }
  const prefix = before.slice(start);
  return prefix.trim() && (ROLE_WORDS.test(prefix) || /\bMPs?\b/.test(prefix)) ? prefix : null;
}

/** A character `\s` matches. */
function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}
