// "Most-covered topics" for a profile: the nouns and two-word noun phrases that recur across a speaker's or
// organisation's quotes, counted once per quote and grouped by lemma, shown in their most common written form.
import { nlp, its } from '../../src/nlp/wink.ts';

export interface Topic {
  term: string;
  quotes: number;
}

const CONTENT = new Set(['NOUN', 'PROPN']);
const MODIFIER = new Set(['NOUN', 'PROPN', 'ADJ']);

function termsOf(text: string): Map<string, string> {
  const doc = nlp.readDoc(text);
  const pos = doc.tokens().out(its.pos) as string[];
  // wink-nlp's types omit its.lemma from ItsFunction though the model supports it.
  const lemma = (doc.tokens().out(its.lemma as never) as string[]).map((l) => l.toLowerCase());
  const normal = doc.tokens().out(its.normal) as string[];
  const stop = doc.tokens().out(its.stopWordFlag) as boolean[];
  const found = new Map<string, string>();
  for (let i = 0; i < pos.length; i++) {
    if (!CONTENT.has(pos[i]!) || stop[i] || !/^\p{L}[\p{L}-]{2,}$/u.test(normal[i]!)) continue;
    found.set(lemma[i]!, normal[i]!);
    if (i > 0 && MODIFIER.has(pos[i - 1]!) && !stop[i - 1] && /^\p{L}{3,}$/u.test(normal[i - 1]!)) {
      found.set(`${lemma[i - 1]} ${lemma[i]}`, `${normal[i - 1]} ${normal[i]}`);
    }
  }
  return found;
}

export function topTopics(texts: string[], limit = 10): Topic[] {
  const counts = new Map<string, { n: number; forms: Map<string, number> }>();
  for (const text of texts) {
    for (const [key, form] of termsOf(text)) {
      const entry = counts.get(key) ?? { n: 0, forms: new Map() };
      entry.n++;
      entry.forms.set(form, (entry.forms.get(form) ?? 0) + 1);
      counts.set(key, entry);
    }
  }
  const ranked = [...counts.entries()]
    .filter(([, e]) => e.n >= 2 || texts.length < 4)
    .map(([key, e]) => ({ key, term: [...e.forms.entries()].sort((a, b) => b[1] - a[1])[0]![0], quotes: e.n }));
  // "care" adds nothing beside "social care" when it occurs no more often than the phrase.
  const phrases = ranked.filter((t) => t.key.includes(' '));
  return ranked
    .filter((t) => t.key.includes(' ') || !phrases.some((p) => p.key.split(' ').includes(t.key) && p.quotes >= t.quotes))
    .sort((a, b) => b.quotes - a.quotes || b.term.split(' ').length - a.term.split(' ').length || a.term.localeCompare(b.term))
    .slice(0, limit)
    .map(({ term, quotes }) => ({ term, quotes }));
}
