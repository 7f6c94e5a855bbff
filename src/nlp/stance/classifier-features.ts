// Turns a quote and its speaker side into the sparse feature set shared by the stance classifier's
// training script and its run-time scorer; both must use this one function or the weights mean nothing.

export const SPEAKER_SIDES = ['inspectorate', 'sector', 'government', 'other'] as const;
export type SpeakerSide = (typeof SPEAKER_SIDES)[number];

/** Words after which the next NEGATION_SCOPE tokens are marked as negated ("not credible" → "not_credible"). */
const NEGATORS = new Set(['not', 'no', 'never', 'cannot', 'nor', 'without', 'neither']);
const NEGATION_SCOPE = 3;
const CLAUSE_BREAK = /[.,;:!?()"“”]/;

/** Words that name the inspection regime; their presence is a dense feature because the target is often implicit. */
const REGIME_TERMS = new Set([
  'ofsted', 'inspection', 'inspections', 'inspector', 'inspectors', 'inspectorate', 'inspected', 'inspect', 'framework',
  'frameworks', 'judgement', 'judgements', 'judgment', 'judgments', 'grade', 'grades', 'grading', 'rating', 'ratings',
  'inadequate', 'outstanding', 'ilacs', 'jtai', 'sif', 'eif', 'visit', 'visits', 'regime', 'report', 'verdict', 'hmci',
]);
/** Function words carry little stance on their own; they are not crossed with the speaker side. */
const FUNCTION_WORDS = new Set([
  'the', 'a', 'an', 'of', 'to', 'in', 'on', 'for', 'and', 'or', 'is', 'are', 'was', 'were', 'be', 'been', 'it', 'its',
  'that', 'this', 'we', 'our', 'i', 'they', 'their', 'has', 'have', 'had', 'with', 'by', 'as', 'at', 'from', 'said',
]);
const CONTRAST_WORDS = new Set(['but', 'however', 'although', 'though', 'whilst', 'while', 'yet']);

/** Lower-cases, folds typographic quotes and maps digits to one token so years and counts generalise. */
export function normaliseText(text: string): string {
  return text
    .toLowerCase()
    .replace(/[’‘`]/g, "'")
    .replace(/[–—]/g, ' , ')
    .replace(/\d+(?:[.,]\d+)*%?/g, ' 0 ')
    .replace(/'s\b/g, '');
}

/** Word tokens plus clause-break markers (","), with negation marking applied. */
export function stanceTokens(text: string): string[] {
  const raw = normaliseText(text).match(/[a-z0-9]+(?:n't|'[a-z]+)?|[.,;:!?()"“”]/g) ?? [];
  const out: string[] = [];
  let negLeft = 0;
  for (const tok of raw) {
    if (CLAUSE_BREAK.test(tok)) {
      negLeft = 0;
      if (tok === '?') out.push('?');
      else out.push(',');
      continue;
    }
    const isNeg = NEGATORS.has(tok) || tok.endsWith("n't");
    out.push(negLeft > 0 ? `not_${tok}` : tok);
    if (isNeg) negLeft = NEGATION_SCOPE;
    else if (negLeft > 0) negLeft--;
  }
  return out;
}

/** Word → the classes it belongs to (data/stance/word-classes.json, embedded in the model). */
export type WordClasses = ReadonlyMap<string, readonly string[]>;

export function compileWordClasses(classes: Record<string, string[]>): WordClasses {
  const map = new Map<string, string[]>();
  for (const [name, words] of Object.entries(classes)) for (const w of words) map.set(w, [...(map.get(w) ?? []), name]);
  return map;
}

/**
 * Calls `emit` for each feature; a repeated word or bigram is emitted again, so callers dedupe (the
 * trainer with a Set, the scorer with a per-call stamp on each weight row). Features: unigrams, bigrams
 * (not across clause breaks), content words crossed with the speaker side, word classes (plain, by side,
 * and with a regime term present), and a few dense flags.
 */
export function forEachFeature(text: string, side: SpeakerSide, classes: WordClasses, emit: (feature: string) => void): void {
  const sidePrefix = `${side}|`;
  let target = false;
  let contrast = false;
  let found: Set<string> | undefined;
  let prev = '<s>';
  for (const tok of stanceTokens(text)) {
    if (tok === ',') {
      prev = ',';
      continue;
    }
    if (tok === '?') emit('flag:question');
    else {
      emit(tok);
      if (!FUNCTION_WORDS.has(tok)) emit(sidePrefix + tok);
      const negated = tok.startsWith('not_');
      const word = negated ? tok.slice(4) : tok;
      const wordClasses = classes.get(word);
      if (wordClasses) for (const c of wordClasses) (found ??= new Set()).add(negated ? `not_${c}` : c);
      if (REGIME_TERMS.has(word)) target = true;
      if (CONTRAST_WORDS.has(tok)) contrast = true;
    }
    if (prev !== ',') emit(`${prev} ${tok}`);
    prev = tok;
  }
  if (found) {
    for (const c of found) {
      emit(`c:${c}`);
      emit(`${sidePrefix}c:${c}`);
      if (target) emit(`target&c:${c}`);
    }
    if (found.has('welcome') && found.has('removal')) emit('c:welcome&removal');
  }
  emit(`side:${side}`);
  emit(target ? 'flag:target' : 'flag:no-target');
  emit(`${sidePrefix}${target ? 'flag:target' : 'flag:no-target'}`);
  if (contrast) emit('flag:contrast');
}

/** The distinct features of one quote (allocates; used in training). */
export function stanceFeatures(text: string, side: SpeakerSide, classes: WordClasses): string[] {
  const seen = new Set<string>();
  forEachFeature(text, side, classes, (f) => seen.add(f));
  return [...seen];
}
