// The statistical fallback: it names a sector speaker's position that no lexicon cue decides, marks its cues as the
// model's, and leaves the inspectorate's own descriptive findings alone.
import { describe, expect, it } from 'vitest';
import { classifyStanceStatistically } from '../../../src/nlp/stance/classifier.ts';
import { DIRECTORS, OFSTED_REPORT, stanceOf } from './helpers.ts';

describe('classifyStance with the statistical fallback', () => {
  it('takes the model\'s position for a sector quote without a decisive cue, and says which words it weighed', () => {
    const quote = 'Inspection grades are used by estate agents to sell houses, which tells you how much weight they carry';
    const model = classifyStanceStatistically(quote, 'sector');
    const result = stanceOf(quote, DIRECTORS);
    expect(model.probs[model.label]).toBeGreaterThanOrEqual(0.6);
    expect(result.stance).toBe(model.label);
    for (const cue of result.cues.filter((c) => c.model)) expect(quote.slice(cue.start, cue.end)).toBe(cue.text);
  });

  it('keeps a decisive lexicon cue over the model', () => {
    const result = stanceOf('These judgements are simply not credible', DIRECTORS);
    expect(result.stance).toBe('opposes');
    expect(result.cues.some((c) => c.model)).toBe(false);
  });

  it('does not apply to the inspectorate\'s own findings', () => {
    const result = stanceOf('Inspectors found that leaders had a clear understanding of the strengths and weaknesses of the service', OFSTED_REPORT);
    expect(result.stance).toBe('neutral');
    expect(result.cues.some((c) => c.model)).toBe(false);
  });
});
