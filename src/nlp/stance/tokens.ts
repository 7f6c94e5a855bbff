// Word tokens with offsets, the unit every stance pattern is matched on.

export interface Token {
  /** Lower-case word, or the punctuation mark itself. */
  w: string;
  start: number;
  end: number;
  punct: boolean;
}

// Words (with inner apostrophes: "children's", "doesn't"), clause punctuation, and a hyphen standing alone as a dash.
const TOKEN = /[a-z0-9£%]+(?:'[a-z]+)*|[.!?;:,\u2013\u2014]|(?<=\s)-(?=\s)/gi;
const CURLY = /[\u2018\u2019\u02bc`]/g;
const SENTENCE_END = new Set(['.', '!', '?']);
const WORD_CHAR = /[a-z0-9£%]/;

export function tokenize(text: string): Token[] {
  // Same-length replacement keeps offsets valid.
  const norm = text.replace(CURLY, "'");
  const out: Token[] = [];
  for (const m of norm.matchAll(TOKEN)) {
    const w = m[0].toLowerCase();
    const start = m.index;
    out.push({ w, start, end: start + w.length, punct: !WORD_CHAR.test(w) });
  }
  return out;
}

export const isSentenceEnd = (t: Token): boolean => t.punct && SENTENCE_END.has(t.w);

/** Sentence index and clause index of every token (a clause ends at any punctuation mark). */
export function segment(tokens: Token[]): { sentence: Int32Array; clause: Int32Array } {
  const sentence = new Int32Array(tokens.length);
  const clause = new Int32Array(tokens.length);
  let s = 0;
  let c = 0;
  for (let i = 0; i < tokens.length; i++) {
    sentence[i] = s;
    clause[i] = c;
    const t = tokens[i]!;
    if (t.punct) c++;
    if (isSentenceEnd(t)) s++;
  }
  return { sentence, clause };
}
