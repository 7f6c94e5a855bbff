// The statistical fallback: it names a position that no lexicon cue decides and marks its cues as the model's; it is
// not asked when the rules have read the quote as something other than a position (a count, a concession, a remit).
import { describe, expect, it } from 'vitest';
import { classifyStanceStatistically } from '../../../src/nlp/stance/classifier.ts';
import { MODEL_THRESHOLD } from '../../../src/nlp/stance/index.ts';
import { modelSide } from '../../../src/nlp/stance/speaker.ts';
import type { ExtractedQuote } from '../../../src/types.ts';
import { DIRECTORS, OFSTED_CHIEF, stanceIn, stanceOf } from './helpers.ts';

describe('classifyStance with the statistical fallback', () => {
  it('takes the model\'s position for a sector quote without a decisive cue, and says which words it weighed', () => {
    const quote = "A grade on a website means nothing to the social worker who knocks on a family's door";
    const model = classifyStanceStatistically(quote, 'sector');
    const result = stanceOf(quote, DIRECTORS);
    expect(model.probs[model.label]).toBeGreaterThanOrEqual(0.6);
    expect(result.stance).toBe(model.label);
    expect(result.cues.some((c) => c.model)).toBe(true);
    for (const cue of result.cues.filter((c) => c.model)) expect(quote.slice(cue.start, cue.end)).toBe(cue.text);
  });

  it('keeps a decisive lexicon cue over the model', () => {
    const result = stanceOf('These judgements are simply not credible', DIRECTORS);
    expect(result.stance).toBe('opposes');
    expect(result.cues.some((c) => c.model)).toBe(false);
  });

  it('is asked for the inspectorate too, but only when it is sure (an evaluative restatement of the verdict)', () => {
    const quote = 'Some councils have simply lost their way, and children are paying the price for it';
    const model = classifyStanceStatistically(quote, 'inspectorate');
    const result = stanceOf(quote, OFSTED_CHIEF);
    expect(model.probs[model.label]).toBeGreaterThanOrEqual(MODEL_THRESHOLD.inspectorate);
    expect(result.stance).toBe(model.label);
    expect(result.cues.some((c) => c.model)).toBe(true);
  });

  it.each([
    ['a rating count', 'Of the 40 councils inspected this year, 14 were judged good and 9 inadequate'],
    ['a concession about its own inspectors', 'Some of our own inspectors were not good enough, and we have dealt with that'],
    ['a job given to someone else', 'It is for the professional bodies to decide how that training should be run'],
    ['a verdict on families rather than services', 'Persistent poor parenting is unacceptable and the public should say so'],
  ])('leaves the inspectorate\'s %s to the rules', (_, quote) => {
    const result = stanceOf(quote, OFSTED_CHIEF);
    expect(result.stance).not.toBe('supports');
    expect(result.cues.some((c) => c.model)).toBe(false);
  });

  it('is not asked about a sector quote with no regime term outside a reply to Ofsted', () => {
    const quote = 'Directors need to network with each other to learn';
    expect(stanceIn('Council leaders hit back at Ofsted chief', [`“${quote},” said Pat Director.`], quote, DIRECTORS).cues.some((c) => c.model)).toBe(true);
    const plain = stanceIn('Ofsted publishes annual report', [`“${quote},” said Pat Director.`], quote, DIRECTORS);
    expect(plain.cues.some((c) => c.model)).toBe(false);
  });

  it('shows no cue made only of function words', () => {
    const result = stanceOf('Inspection grades are used by estate agents to sell houses, which tells you how much weight they carry', DIRECTORS);
    for (const cue of result.cues.filter((c) => c.model)) expect(cue.text.toLowerCase()).not.toMatch(/^(that|the|is a|had been|there|and)$/);
  });
});

describe('modelSide', () => {
  it.each([
    [{ speakerOrg: 'Department for Education', speaker: 'Department for Education', speakerRole: 'spokesperson' }, 'government'],
    [{ speakerOrg: null, speaker: 'Jo Minister', speakerRole: 'education secretary' }, 'government'],
    [{ speakerOrg: 'Local Government Association', speaker: 'Cllr Lee Leader', speakerRole: 'chair' }, 'sector'],
    [{ speakerOrg: null, speaker: 'Sam Shadow', speakerRole: 'shadow education secretary' }, 'sector'],
  ])('models %o as %s', (who, expected) => {
    const quote: ExtractedQuote = { text: 'x', kind: 'direct', start: 0, end: 1, cue: null, placement: 'body', confidence: 1, ...who };
    expect(modelSide(quote, 'sector')).toBe(expected);
  });
});
