import { describe, expect, it } from 'vitest';
import { COUNCIL, DIRECTORS, OFSTED_CHIEF, OFSTED_REPORT, UNION, stanceIn, stanceOf } from './helpers.ts';

describe('classifyStance: sector voices', () => {
  it.each([
    ['Single-word judgements are a blunt instrument that cannot capture the complexity of a school', UNION],
    ['We are calling for inspections to be paused while the whole system is overhauled', UNION],
    ['Headteachers have no confidence in this inspection system', UNION],
    ['These judgements are simply not credible', DIRECTORS],
    ['We welcome the pause in inspections, which gives schools some breathing space', UNION],
    ['The report cards proposal is unworkable and will pile pressure on staff', UNION],
    ['The framework fails to recognise the pressures on frontline social workers', DIRECTORS],
    ['Ofsted should be scrapped and replaced with something that supports schools', UNION],
  ])('opposes: %s', (quote, speaker) => {
    expect(stanceOf(quote, speaker).stance).toBe('opposes');
  });

  it.each([
    ['We welcome the new framework, which rightly focuses on the experiences of children', DIRECTORS],
    ['The inspection was challenging but fair, and we accept its findings', COUNCIL],
    ['It is shocking that inspectors found children left in unsafe placements', COUNCIL],
    ['Ofsted is right to shine a light on the postcode lottery of support for care leavers', COUNCIL],
    ['The new ILACS framework is a positive step and we have confidence in the judgements inspectors make', DIRECTORS],
  ])('supports: %s', (quote, speaker) => {
    expect(stanceOf(quote, speaker).stance).toBe('supports');
  });

  it('is mixed when it welcomes one part and attacks another', () => {
    const r = stanceOf('We welcome the focus on children, but the single-word judgement is unhelpful', DIRECTORS);
    expect(r.stance).toBe('mixed');
    expect(r.cues.some((c) => c.role === 'supports')).toBe(true);
    expect(r.cues.some((c) => c.role === 'opposes')).toBe(true);
    expect(r.cues.some((c) => c.role === 'contrast' && c.text === 'but')).toBe(true);
  });

  it('is neutral when it cites the report without judging it', () => {
    expect(stanceOf('The council will publish an action plan in response to the inspection report', COUNCIL).stance).toBe('neutral');
  });
});

describe('classifyStance: negation, hedges and contrast', () => {
  it('"credible" supports and "not credible" opposes, with the cue flipped', () => {
    expect(stanceOf('The findings are credible', DIRECTORS).stance).toBe('supports');
    const r = stanceOf('The findings are not credible', DIRECTORS);
    expect(r.stance).toBe('opposes');
    const cue = r.cues.find((c) => c.role === 'opposes');
    expect(cue).toMatchObject({ text: 'credible', flipped: true });
    expect(r.cues.some((c) => c.role === 'negation' && c.text === 'not')).toBe(true);
  });

  it('"no confidence" opposes', () => {
    expect(stanceOf('Members have no confidence in Ofsted', UNION).stance).toBe('opposes');
  });

  it('a negated criticism leans the other way', () => {
    expect(stanceOf('We do not believe the framework is flawed', DIRECTORS).stance).toBe('supports');
  });

  it('"challenging but fair" supports: what follows "but" outweighs what it concedes', () => {
    const r = stanceOf('The inspection was challenging but fair', COUNCIL);
    expect(r.stance).toBe('supports');
    expect(r.cues.find((c) => c.text === 'fair')?.role).toBe('supports');
  });

  it('a sector welcome followed by a "but" that opens a reservation of its own is mixed, even with no cue after it', () => {
    const quote = 'We welcome the new framework, but councils will need far more time to prepare for the changes';
    const r = stanceOf(quote, DIRECTORS);
    expect(r.stance).toBe('mixed');
    expect(r.cues.some((c) => c.role === 'contrast' && c.text === 'but')).toBe(true);
    // Without the reservation the same welcome supports.
    expect(stanceOf('We welcome the new framework and we look forward to working with inspectors', DIRECTORS).stance).toBe('supports');
  });

  it.each([
    'We welcome the new framework as a real improvement, while warning that the single-word judgement remains unfair and damaging',
    'We accept most of the recommendations, although we believe the overall judgement is harsh',
  ])('a concessive after a main clause keeps both halves in full: %s → mixed', (quote) => {
    expect(stanceOf(quote, DIRECTORS).stance).toBe('mixed');
  });

  it('an intensifier is reported and raises confidence', () => {
    const plain = stanceOf('The framework is flawed', DIRECTORS);
    const strong = stanceOf('The framework is deeply and utterly flawed, absolutely flawed', DIRECTORS);
    expect(strong.cues.some((c) => c.role === 'intensifier')).toBe(true);
    expect(strong.confidence).toBeGreaterThan(plain.confidence);
  });

  it('a hedge weakens a cue below a position', () => {
    const hedged = stanceOf('Some of the judgements may be a little inconsistent', DIRECTORS);
    const plain = stanceOf('The judgements are inconsistent', DIRECTORS);
    expect(plain.stance).toBe('opposes');
    // Below a lexicon position; the statistical fallback may still read it as opposition, but less surely.
    expect(hedged.stance === 'opposes' ? hedged.confidence : 0).toBeLessThan(plain.confidence);
  });

  it('cue offsets point into the quote text', () => {
    const quote = 'Regrettably we believe the framework is flawed';
    const r = stanceOf(quote, DIRECTORS);
    for (const c of r.cues) expect(quote.slice(c.start, c.end)).toBe(c.text);
    expect(r.cues.find((c) => c.role === 'target')?.text).toBe('framework');
  });
});

describe("classifyStance: the inspectorate's own people", () => {
  it.each([
    ['Too many councils are still failing the most vulnerable children', OFSTED_CHIEF],
    ["Children's services in this area are not good enough and leaders must act quickly", OFSTED_CHIEF],
    ['Weak leadership is the common thread in the authorities we judged inadequate', OFSTED_CHIEF],
    ['Failure in these departments has nothing to do with money', OFSTED_CHIEF],
    ['Too many local authorities are not alert enough to the risks of exploitation', OFSTED_REPORT],
  ])('restating the verdict in evaluative terms supports: %s', (quote, speaker) => {
    expect(stanceOf(quote, speaker).stance).toBe('supports');
  });

  it('negative in tone yet supporting: sentiment is kept apart from stance', () => {
    const r = stanceOf('It is not good enough, and the failures are unacceptable', OFSTED_CHIEF);
    expect(r.stance).toBe('supports');
    expect(r.sentiment).toBeLessThan(0);
  });

  it.each([
    ['Of the 40 local authorities inspected this year, 12 were judged good', OFSTED_REPORT],
    ['We will consult on changes to the framework in the spring', OFSTED_CHIEF],
  ])('describing findings or plans is neutral: %s', (quote, speaker) => {
    expect(stanceOf(quote, speaker).stance).toBe('neutral');
  });

  it.each([
    ['We accept that some of our inspectors have not been good enough and we are putting that right', OFSTED_CHIEF],
    ['In that case we got it wrong, and I am sorry', OFSTED_CHIEF],
  ])('a concession by its own people is not opposition: %s', (quote, speaker) => {
    expect(stanceOf(quote, speaker).stance).toBe('neutral');
  });

  it('its positive self-assessment supports', () => {
    expect(stanceOf('Ofsted is good, with strong and improving inspection teams', OFSTED_CHIEF).stance).toBe('supports');
  });

  it('talk about parenting is unrelated, even from Ofsted', () => {
    expect(stanceOf('Poor parenting is unacceptable and parents need to read to their children', OFSTED_CHIEF).stance).toBe('unrelated');
  });
});

describe('classifyStance: the article around the quote', () => {
  it('resolves an implicit target ("it", "this") from the headline', () => {
    const title = 'Ofsted unveils new inspection framework for children’s services';
    expect(stanceIn(title, ['“It is deeply flawed,” said Pat Director.'], 'It is deeply flawed', DIRECTORS).stance).toBe('opposes');
    expect(stanceIn(title, ['“This is a welcome change,” said Pat Director.'], 'This is a welcome change', DIRECTORS).stance).toBe('supports');
  });

  it('is unrelated in an article that never mentions inspection', () => {
    const r = stanceIn('Foster carers call for higher allowances', ['“Foster carers deserve better pay and it is unfair they wait,” said Cllr Lee Leader.'], 'Foster carers deserve better pay and it is unfair they wait', COUNCIL);
    expect(r.stance).toBe('unrelated');
  });

  it('a funding complaint opposes when the story is a reply to Ofsted, and is not a position otherwise', () => {
    const quote = 'Councils have faced cuts of 40% since 2010 and you cannot ignore that';
    const reply = stanceIn('Council leaders hit back at Ofsted chief over leadership claims', [`“${quote},” said Cllr Lee Leader.`], quote, COUNCIL);
    expect(reply.stance).toBe('opposes');
    const plain = stanceIn('Ofsted annual report published', [`“${quote},” said Cllr Lee Leader.`], quote, COUNCIL);
    expect(['neutral', 'unrelated']).toContain(plain.stance);
  });

  it("in a dispute, a sector speaker's cue-less continuation carries on their criticism just before", () => {
    const body = [
      'Professor Alex Critic described the chief inspector’s remarks as ‘outrageous’.',
      'He said: ‘Directors need to network with each other to learn.’',
    ];
    const critic = { name: 'Professor Alex Critic', org: 'University' };
    const quote = 'Directors need to network with each other to learn.';
    expect(stanceIn('Sector hits back at Ofsted chief over directors', body, quote, critic).stance).toBe('opposes');
    // Outside a dispute the same words are read on their own.
    expect(stanceIn('Ofsted chief speaks about directors', body, quote, critic).stance).not.toBe('opposes');
  });

  it("an Ofsted speaker's anaphoric follow-up (“That has got to …”) takes up the verdict before it", () => {
    const body = [
      'Dame Example Inspector said too many councils were failing children and leadership was poor.',
      '“That has got to be monitored,” she said.',
    ];
    expect(stanceIn('Ofsted chief attacks council leaders', body, 'That has got to be monitored,', OFSTED_CHIEF).stance).toBe('supports');
  });

  it('puts a speaker with no organisation on the inspectorate side when the article names them as its chief', () => {
    const body = ['Ofsted’s chief inspector, Dame Example Inspector, spoke to MPs.', '“Too many councils are failing children,” said Dame Example Inspector.'];
    const r = stanceIn('Ofsted chief speaks to MPs', body, 'Too many councils are failing children,', { name: 'Dame Example Inspector', org: null });
    expect(r.stance).toBe('supports');
  });

  it('returns a confidence between 0 and 1 and a numeric sentiment for every label', () => {
    for (const [q, s] of [['The framework is flawed', DIRECTORS], ['We will inspect in May', OFSTED_CHIEF]] as const) {
      const r = stanceOf(q, s);
      expect(r.confidence).toBeGreaterThan(0);
      expect(r.confidence).toBeLessThanOrEqual(1);
      expect(typeof r.sentiment).toBe('number');
    }
  });
});

describe('classifyStance: awkward input', () => {
  it('copes with an empty quote, no speaker and offsets that do not point at the text', async () => {
    const { classifyStance } = await import('../../../src/nlp/stance/index.ts');
    const ctx = { title: 'Ofsted inspection news', text: 'Short body.', published: null };
    const base = { kind: 'direct' as const, speaker: null, speakerOrg: null, speakerRole: null, cue: null, placement: 'body' as const, confidence: 0.5 };
    const empty = classifyStance({ ...base, text: '', start: 0, end: 0 }, ctx);
    expect(['neutral', 'unrelated']).toContain(empty.stance);
    expect(empty.cues).toEqual([]);
    const stray = classifyStance({ ...base, text: 'The framework is flawed', start: 500, end: 9000 }, ctx);
    expect(stray.stance).toBe('opposes');
  });
});
