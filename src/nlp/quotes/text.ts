// The article's layout: paragraphs with offsets, sentences, page furniture and where a paragraph sits (headline, caption, body).
import type { Placement } from '../../types.ts';
import { ABBREVIATIONS, ARTICLE_END, CAPTION_CREDIT, FURNITURE } from './lexicon.ts';

export interface Paragraph {
  index: number;
  /** Offsets of the paragraph's trimmed content in the body. */
  start: number;
  end: number;
  placement: Placement;
  furniture: boolean;
  /** A furniture line that ends the story ("Related stories", "Subscribe"). */
  storyEnd: boolean;
}

const TERMINAL = /[.!?:"”’'…)\]]$/;

/** Paragraphs are blank-line separated; a single newline also separates unless it merely wraps a sentence. */
export function splitParagraphs(text: string, title: string): Paragraph[] {
  const lines: Array<[number, number]> = [];
  const re = /[^\n]+/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const lead = m[0].length - m[0].trimStart().length;
    const body = m[0].trim();
    if (body) lines.push([m.index + lead, m.index + lead + body.length]);
  }
  const paras: Array<[number, number]> = [];
  for (const [s, e] of lines) {
    const prev = paras.at(-1);
    const gap = prev ? text.slice(prev[1], s) : '';
    const wraps = prev && !gap.includes('\n\n') && !/\n\s*\n/.test(gap) && !TERMINAL.test(text.slice(prev[0], prev[1])) && /^[a-z]/.test(text[s]!);
    if (prev && wraps) prev[1] = e;
    else paras.push([s, e]);
  }
  return placeParagraphs(text, paras, title);
}

function placeParagraphs(text: string, paras: Array<[number, number]>, title: string): Paragraph[] {
  const norm = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
  const titleNorm = norm(title);
  const firstBody = paras.findIndex(([s, e]) => e - s > 140 && /[.!?]["”’']?$/.test(text.slice(s, e)));
  const seen = new Map<string, number>();
  let headline = false;
  return paras.map(([start, end], index) => {
    const t = text.slice(start, end);
    const key = t.length < 400 ? norm(t) : `#${index}`;
    // A line ending with a colon introduces what follows ("The report found:"); headlines never do.
    // A bulleted item of a few words is a list's, even unpunctuated ("• too many plans were out of date").
    const item = /^[•▪·]\s*(?:[\p{L}’'-]+\s+){3}/u.test(t);
    const short = t.length < 160 && !/[.!?:]["”’']?$/.test(t) && !item;
    let placement: Placement = 'body';
    if (CAPTION_CREDIT.test(t) || (t.length < 160 && /^[A-Z][\w’'-]+(?: [A-Z][\w’'-]+)?:\s*["“‘']/.test(t))) placement = 'caption';
    else if ((titleNorm && key === titleNorm) || (short && (firstBody < 0 || index < firstBody))) {
      // Below the headline, a long line without a full stop is the standfirst (Guardian style), which reports like the body.
      placement = headline && t.split(/\s+/).length >= 8 && key !== titleNorm ? 'standfirst' : 'headline';
      headline ||= !FURNITURE.test(t) && t.length >= 40;
    }
    else if (seen.has(key) && index - seen.get(key)! <= 2 && index <= firstBody + 2) placement = 'standfirst';
    if (!seen.has(key)) seen.set(key, index);
    const furniture = FURNITURE.test(t) || (t.length < 40 && !TERMINAL.test(t) && !/["“”‘’']/.test(t) && !item);
    return { index, start, end, placement, furniture, storyEnd: furniture && ARTICLE_END.test(t) };
  });
}

/** Sentence ranges [start, end) within [from, to) of `s` (usually the masked body, so quote contents cannot split sentences). */
export function splitSentences(s: string, from: number, to: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let start = from;
  const re = /[.!?]+["”’')\]]*(?=\s+["“‘'(§]?[A-Z0-9§“‘"'])/g;
  re.lastIndex = from;
  for (let m = re.exec(s); m && m.index < to; m = re.exec(s)) {
    if (m[0].startsWith('.') && isAbbreviation(s, m.index)) continue;
    const end = m.index + m[0].length;
    if (end > to) break;
    out.push([start, end]);
    start = end;
    while (start < to && /\s/.test(s[start]!)) start++;
  }
  if (start < to) out.push([start, to]);
  return out;
}

function isAbbreviation(s: string, dot: number): boolean {
  let i = dot;
  while (i > 0 && /[A-Za-z.]/.test(s[i - 1]!)) i--;
  const word = s.slice(i, dot).toLowerCase();
  return ABBREVIATIONS.has(word) || /^[a-z]$/.test(word);
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const DAY_MONTH_YEAR = /\b(\d{1,2})(?:st|nd|rd|th)?\s+(January|February|March|April|May|June|July|August|September|October|November|December)\s+((?:19|20)\d\d)\b/;
const MONTH_DAY_YEAR = /\b(January|February|March|April|May|June|July|August|September|October|November|December)\s+(\d{1,2}),?\s+((?:19|20)\d\d)\b/;
const ISO_DAY = /\b((?:19|20)\d\d)-(\d\d)-(\d\d)\b/;

/** The article's date when the caller has none: the first date printed near the top (a dateline or byline). */
export function inferDate(text: string): string | null {
  const head = text.slice(0, 800);
  const pad = (n: number | string) => String(n).padStart(2, '0');
  let m = DAY_MONTH_YEAR.exec(head);
  if (m) return `${m[3]}-${pad(MONTHS.indexOf(m[2]!.toLowerCase()) + 1)}-${pad(m[1]!)}`;
  m = MONTH_DAY_YEAR.exec(head);
  if (m) return `${m[3]}-${pad(MONTHS.indexOf(m[1]!.toLowerCase()) + 1)}-${pad(m[2]!)}`;
  m = ISO_DAY.exec(head);
  return m ? `${m[1]}-${m[2]}-${m[3]}` : null;
}
