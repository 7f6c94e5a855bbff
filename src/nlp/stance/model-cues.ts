// The statistical fallback's reasons as highlightable cues: its strongest word features that occur in the quote.
import type { StanceResult } from '../../types.ts';
import type { StatisticalStance } from './classifier.ts';
import type { WordClasses } from './classifier-features.ts';

/** Words that explain nothing on their own: a feature made only of these is not shown ("that", "is a", "had been"). */
const EMPTY = new Set([
  'the', 'a', 'an', 'of', 'to', 'in', 'on', 'for', 'and', 'or', 'is', 'are', 'was', 'were', 'be', 'been', 'being', 'it',
  'its', 'that', 'this', 'these', 'those', 'there', 'we', 'our', 'i', 'they', 'their', 'them', 'he', 'she', 'his', 'her',
  'has', 'have', 'had', 'with', 'by', 'as', 'at', 'from', 'said', 'will', 'would', 'can', 'could', 'should', 'who',
  'which', 'what', 'so', 'than', 'then', 'into', 'up', 'do', 'does', 'did', 'also', 'some', 'any', 'such', 'all',
  'not', 'just', 'only', 'very', 'more', 'most', 'services', 'service', 'children', 'council', 'councils',
]);

export function modelCues(text: string, model: StatisticalStance, classes?: WordClasses): StanceResult['cues'] {
  const role = model.label === 'supports' || model.label === 'opposes' ? model.label : null;
  if (!role) return [];
  const lower = text.toLowerCase().replace(/[\u2018\u2019]/g, "'");
  const cues: StanceResult['cues'] = [];
  const add = (word: string) => {
    const at = lower.search(new RegExp(`\\b${word}\\b`));
    if (at >= 0 && !cues.some((c) => c.start === at)) cues.push({ text: text.slice(at, at + word.length), start: at, end: at + word.length, role, model: true });
  };
  for (const { feature } of model.topFeatures) {
    // Side-crossed words ("sector|flawed") show as the word; a word class ("c:shortfall") as the quote's words in it.
    const word = feature.replace(/^[a-z]+\|/, '').replace(/^not_/, '').replace(/ not_/, ' ');
    if (word.startsWith('c:') && classes) for (const w of wordsInClass(lower, word.slice(2), classes)) add(w);
    if (!/^[a-z][a-z' ]{2,}$/.test(word) || word.split(' ').every((w) => EMPTY.has(w))) continue;
    add(word);
  }
  return cues;
}

function wordsInClass(lower: string, name: string, classes: WordClasses): string[] {
  return (lower.match(/[a-z]+/g) ?? []).filter((w) => w.length > 2 && classes.get(w)?.includes(name));
}
