// Finds top-level quoted passages by their marks: curly or straight, double or single, telling closing marks from apostrophes.
import type { Paragraph } from './text.ts';

export type Family = 'double' | 'single';

/** One quoted stretch within one paragraph: `open` is the mark, [start, end) the content, `closed` false when the paragraph ends first. */
export interface MarkSpan {
  para: number;
  open: number;
  start: number;
  end: number;
  closed: boolean;
  family: Family;
  /** Carries on a sentence cut by a page break: the paragraph starts inside the quote, with no mark. */
  continued?: boolean;
}

const isWordChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);
const isSpace = (c: string | undefined) => c === undefined || /\s/.test(c);
const OPEN_CONTEXT = /[\s([{\u2014\u2013\-/"“‘']/;

function openerFamily(t: string, i: number, from: number): Family | null {
  const c = t[i]!, prev = i > from ? t[i - 1] : undefined, next = t[i + 1];
  const afterBreak = prev === undefined || OPEN_CONTEXT.test(prev);
  if (isSpace(next)) return null;
  if (c === '“' || c === '„') return 'double';
  if (c === '"') return afterBreak ? 'double' : null;
  if (c === '‘') return afterBreak || !isWordChar(prev) ? 'single' : null;
  if (c === "'") return afterBreak && (isWordChar(next) || next === '[') ? 'single' : null;
  return null;
}

function isCloser(t: string, i: number, family: Family, start: number): boolean {
  const c = t[i]!, prev = t[i - 1], next = t[i + 1];
  if (i === start) return false;
  if (family === 'double') return c === '”' || c === '"';
  if (c !== '’' && c !== "'") return false;
  if (isSpace(prev)) return false;
  return !isWordChar(next);
}

/** A plural possessive (`boards’ roles`) looks like a closer; skip it when a better closer follows before any new opener. */
function looksPossessive(t: string, i: number, end: number): boolean {
  if (t[i - 1] !== 's' || !/^\s[a-z]/.test(t.slice(i + 1, i + 3))) return false;
  for (let j = i + 1; j < end; j++) {
    if (t[j] === '‘') return false;
    if ((t[j] === '’' || t[j] === "'") && !isSpace(t[j - 1]) && !isWordChar(t[j + 1])) return true;
  }
  return false;
}

/** Index of the closing mark of a passage opened at `open`, or -1 when the paragraph ends first. */
function findClose(t: string, open: number, end: number, family: Family): number {
  for (let i = open + 1; i < end; i++) {
    const c = t[i]!;
    if (family === 'single' && (c === '“' || (c === '"' && openerFamily(t, i, open + 1) === 'double'))) {
      const inner = findClose(t, i, end, 'double');
      if (inner < 0) return -1;
      i = inner;
      continue;
    }
    if (isCloser(t, i, family, open + 1) && !(family === 'single' && looksPossessive(t, i, end))) return i;
  }
  return -1;
}

/** Top-level quoted passages of each paragraph, in order. */
export function findMarkSpans(text: string, paras: Paragraph[]): MarkSpan[] {
  const spans: MarkSpan[] = [];
  const MARK = /["“„‘']/g;
  let carry: MarkSpan | null = null;
  for (const p of paras) {
    if (p.furniture) {
      if (p.storyEnd) carry = null;
      continue;
    }
    let from = p.start;
    if (carry && /^[a-z]/.test(text[p.start]!)) {
      const close = findClose(text, p.start - 1, p.end, carry.family);
      spans.push({ para: p.index, open: p.start, start: p.start, end: close < 0 ? p.end : close, closed: close >= 0, family: carry.family, continued: true });
      if (close < 0) continue;
      from = close + 1;
    }
    carry = null;
    for (let i = from; i < p.end; i++) {
      MARK.lastIndex = i;
      const next = MARK.exec(text);
      if (!next || next.index >= p.end) break;
      i = next.index;
      const family = openerFamily(text, i, p.start);
      if (!family) continue;
      const close = findClose(text, i, p.end, family);
      if (close < 0) {
        spans.push({ para: p.index, open: i, start: i + 1, end: p.end, closed: false, family });
        // A quote cut mid-sentence (no final punctuation) may carry on below a furniture line.
        if (!/[.!?:;,…]["”’']?$/.test(text.slice(i, p.end))) carry = spans.at(-1)!;
        break;
      }
      spans.push({ para: p.index, open: i, start: i + 1, end: close, closed: true, family });
      i = close;
    }
  }
  return spans;
}

/**
 * The body with every quoted passage's content blanked to `§` (offsets kept), except its trailing punctuation,
 * so sentence splitting and cue matching see only the reporter's narrative.
 */
export function maskQuotes(text: string, spans: MarkSpan[]): string {
  const parts: string[] = [];
  let at = 0;
  for (const s of spans) {
    let keep = s.end;
    while (keep > s.start && /[.,!?;:\s]/.test(text[keep - 1]!)) keep--;
    if (keep <= s.start) continue;
    parts.push(text.slice(at, s.start), text.slice(s.start, keep).replace(/[^\n]/g, '§'));
    at = keep;
  }
  parts.push(text.slice(at));
  return parts.join('');
}
