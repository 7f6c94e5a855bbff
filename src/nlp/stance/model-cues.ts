// The statistical fallback's reasons as highlightable cues: its strongest word features that occur in the quote.
import type { StanceResult } from '../../types.ts';
import type { StatisticalStance } from './classifier.ts';

/** Words that explain nothing on their own: a feature made only of these is not shown ("that", "is a", "had been"). */
const EMPTY = new Set([
  'the', 'a', 'an', 'of', 'to', 'in', 'on', 'for', 'and', 'or', 'is', 'are', 'was', 'were', 'be', 'been', 'being', 'it',
  'its', 'that', 'this', 'these', 'those', 'there', 'we', 'our', 'i', 'they', 'their', 'them', 'he', 'she', 'his', 'her',
  'has', 'have', 'had', 'with', 'by', 'as', 'at', 'from', 'said', 'will', 'would', 'can', 'could', 'should', 'who',
  'which', 'what', 'so', 'than', 'then', 'into', 'up', 'do', 'does', 'did', 'also', 'some', 'any', 'such', 'all',
  'not', 'just', 'only', 'very', 'more', 'most', 'services', 'service', 'children', 'council', 'councils',
]);

export function modelCues(text: string, model: StatisticalStance): StanceResult['cues'] {
  const role = model.label === 'supports' || model.label === 'opposes' ? model.label : null;
  if (!role) return [];
  const lower = text.toLowerCase().replace(/[\u2018\u2019]/g, "'");
  const cues: StanceResult['cues'] = [];
  for (const { feature } of model.topFeatures) {
    // Side-crossed words ("sector|flawed") show as the word; classes and flags have no single place in the text.
    const word = feature.replace(/^[a-z]+\|/, '').replace(/^not_/, '').replace(/ not_/, ' ');
    if (!/^[a-z][a-z' ]{2,}$/.test(word) || word.split(' ').every((w) => EMPTY.has(w))) continue;
    const at = lower.search(new RegExp(`\\b${word}\\b`));
    if (at >= 0 && !cues.some((c) => c.start === at)) cues.push({ text: text.slice(at, at + word.length), start: at, end: at + word.length, role, model: true });
  }
  return cues;
}
