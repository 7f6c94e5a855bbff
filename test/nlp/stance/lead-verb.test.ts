import { describe, expect, it } from 'vitest';
import { COUNCIL, DIRECTORS, OFSTED_CHIEF, UNION, stanceIn, stanceOf } from './helpers.ts';

const TITLE = 'Councils respond to new Ofsted framework';

describe('classifyStance: a position-taking reporting verb before an indirect quote', () => {
  it('reads "welcomed" with the words it governs: welcome plus a warning is mixed', () => {
    const quote = 'the new inspection framework, but warned that it must not become another burden on frontline teams';
    const r = stanceIn(TITLE, [`The LGA welcomed ${quote}.`], quote, COUNCIL);
    expect(r.stance).toBe('mixed');
    // The verb is outside the quote, so no cue may point at it.
    for (const c of r.cues) expect(quote.slice(c.start, c.end)).toBe(c.text);
  });

  it('reads "criticised" as opposition', () => {
    const quote = 'the decision to keep single-word grades for councils';
    expect(stanceIn(TITLE, [`Directors criticised ${quote}.`], quote, DIRECTORS).stance).toBe('opposes');
  });

  it('ignores a verb that does not take the quote as its object', () => {
    const quote = 'the new inspection framework will start in January';
    const r = stanceIn(TITLE, [`The LGA welcomed questions and said ${quote}.`], quote, COUNCIL);
    expect(r.stance).toBe('neutral');
  });
});

describe('classifyStance: general phrases of position', () => {
  it.each([
    ['The outcome of an inspection too often depends on which inspectors turn up', DIRECTORS, 'opposes'],
    ['Preparing for an inspection takes weeks of senior leadership time', DIRECTORS, 'opposes'],
    ['The new framework is being applied unevenly from one region to the next', DIRECTORS, 'opposes'],
    ['Our reports are often uncomfortable reading, and they should be', OFSTED_CHIEF, 'supports'],
    ['A child’s safety should not depend on their postcode', OFSTED_CHIEF, 'supports'],
    ['The new framework focuses on what matters most: the experiences of children', OFSTED_CHIEF, 'supports'],
  ])('%s → %s', (quote, speaker, expected) => {
    expect(stanceOf(quote, speaker).stance).toBe(expected);
  });
});

describe('classifyStance: accepting, sharing and doubting claims', () => {
  it.each([
    ['We are disappointed with the judgement, but we accept that there are areas where we need to improve', COUNCIL, 'mixed'],
    ["We share Ofsted's concerns about the number of children placed out of area", DIRECTORS, 'supports'],
    ['The evidence that inspection drives improvement in children’s social care is thin', DIRECTORS, 'opposes'],
    ['Inspection has an important role, but single-word grades are a poor way to capture complex services', DIRECTORS, 'mixed'],
  ])('%s → %s', (quote, speaker, expected) => {
    expect(stanceOf(quote, speaker).stance).toBe(expected);
  });

  it('does not read an asserted "there is evidence that" as a doubt', () => {
    expect(stanceOf('There is evidence that inspection drives improvement', DIRECTORS).stance).toBe('supports');
  });
});

describe('classifyStance: reporting verbs that count only before the quote', () => {
  it.each([
    ['Union leaders condemned', 'the plan to inspect councils with two days of notice', UNION, 'opposes'],
    ['The charity hailed', 'the new framework as a chance to put children first', COUNCIL, 'supports'],
    ['Inspectors criticised', 'the council for the drift in its child protection work', OFSTED_CHIEF, 'supports'],
  ])('%s [%s]', (lead, quote, speaker, expected) => {
    expect(stanceIn(TITLE, [`${lead} ${quote}.`], quote, speaker).stance).toBe(expected);
  });

  it('reads "criticised" inside a quote as a report of someone else’s act, not a position', () => {
    const quote = 'Inspectors criticised our front door last year and we have rebuilt it since';
    expect(stanceOf(quote, COUNCIL).stance).not.toBe('opposes');
  });
});
