import { describe, expect, it } from 'vitest';
import { COUNCIL, DIRECTORS, OFSTED_CHIEF, OFSTED_REPORT, UNION, stanceOf } from './helpers.ts';

describe('classifyStance: what a negation or a question governs', () => {
  it('a negative subject negates its whole clause: denying a call to scrap inspection supports it', () => {
    const r = stanceOf('No one around this table is seriously asking for inspection to be scrapped', DIRECTORS);
    expect(r.stance).toBe('supports');
    expect(r.cues.some((c) => c.role === 'negation' && c.text === 'No one')).toBe(true);
  });

  it('"Nobody disputes that …" asserts what follows', () => {
    expect(stanceOf('Nobody disputes that councils must be held to account by inspection', COUNCIL).stance).toBe('supports');
  });

  it('praise inside a "whether" clause is a question, not a claim', () => {
    const r = stanceOf('One grade was never meant to tell anyone whether a whole system is working', DIRECTORS);
    expect(r.stance).toBe('opposes');
    expect(r.cues.filter((c) => c.role === 'supports')).toEqual([]);
  });

  it('"not surprised that" does not negate the clause it introduces', () => {
    expect(stanceOf('Nobody working in the sector will be surprised that a rating tells you very little about life in care', DIRECTORS).stance).toBe('opposes');
  });

  it.each([
    'These judgements were not designed to measure how a whole area is doing',
    'A single inspection grade says little about what families actually experience',
  ])('naming a limit of the regime opposes: %s', (quote) => {
    expect(stanceOf(quote, COUNCIL).stance).toBe('opposes');
  });

  it('"no problem with being challenged" before a reservation is mixed', () => {
    const quote = 'We have no problem with being challenged by inspectors, but we doubt the single-word grade has ever helped a council improve';
    expect(stanceOf(quote, DIRECTORS).stance).toBe('mixed');
  });
});

describe('classifyStance: at whom a call or an acceptance is aimed', () => {
  it('"a wake-up call for the inspectorate" criticises the regime; for the council it takes the finding up', () => {
    expect(stanceOf('These results ought to be a wake-up call for Ofsted', DIRECTORS).stance).toBe('opposes');
    expect(stanceOf('This report should be a wake-up call for the whole council', COUNCIL).stance).toBe('supports');
  });

  it.each([
    'I understand why inspectors want to come back so often, but I am not convinced it helps a single child',
    'I accept that a failing service needs closer oversight, but monthly visits leave staff no time to improve',
  ])('acceptance before a reservation is mixed: %s', (quote) => {
    expect(stanceOf(quote, COUNCIL).stance).toBe('mixed');
  });
});

describe('classifyStance: words that only look like a position', () => {
  it('"exceptional circumstances" is not praise of the services', () => {
    const r = stanceOf('Inspectors will take account of the exceptional circumstances councils have faced this winter', OFSTED_REPORT);
    expect(r.stance).not.toBe('supports');
  });

  it("the inspectorate's concern for staff wellbeing is sympathy, not a verdict", () => {
    const r = stanceOf('We are concerned about the wellbeing of staff in children’s services after such a hard year', OFSTED_REPORT);
    expect(r.stance).not.toBe('supports');
  });

  it('questioning how a grade was reached criticises it', () => {
    expect(stanceOf('The review questioned how inspectors could have rated the service good a few months earlier', COUNCIL).stance).toBe('opposes');
  });

  it('a rating that gave a false sense of security is criticised', () => {
    expect(stanceOf('The good rating gave the board a false sense of security', COUNCIL).stance).toBe('opposes');
  });
});

describe('classifyStance: a removal framed as a loss', () => {
  it.each([
    'Scrapping the grades would be a gift to every council that wants to avoid comparison',
    'Ending routine inspections of children’s homes would be a serious mistake',
  ])('defends the regime: %s', (quote) => {
    expect(stanceOf(quote, COUNCIL).stance).toBe('supports');
  });

  it('a call to scrap stays opposition', () => {
    expect(stanceOf('We want the grades scrapped as soon as possible', DIRECTORS).stance).toBe('opposes');
  });
});

describe('classifyStance: criticism of how inspection is used or what it captures', () => {
  it.each([
    'Ministers rely too heavily on inspection grades when they decide where to intervene',
    'The report does not fully reflect the pressure our staff have been under',
  ])('opposes: %s', (quote) => {
    expect(stanceOf(quote, COUNCIL).stance).toBe('opposes');
  });
});

describe('classifyStance: accepting in full', () => {
  it('accepting a letter in full takes the verdict up', () => {
    expect(stanceOf('The trust accepted the letter in full and has already begun work on the actions', COUNCIL).stance).toBe('supports');
  });

  it('paying something in full is not an acceptance', () => {
    expect(stanceOf('The government must fund the pay award in full', COUNCIL).stance).not.toBe('supports');
  });
});

describe('classifyStance: praise asked about, and refusing to weaken the judgements', () => {
  it('a rhetorical question denies the praise it asks about', () => {
    const r = stanceOf('Nurseries are graded on one short morning with a stranger in the room. Is that fair?', DIRECTORS);
    expect(r.stance).toBe('opposes');
    expect(r.cues.some((c) => c.text === 'fair' && c.flipped)).toBe(true);
  });

  it('only the clause that ends in the question is asked', () => {
    const r = stanceOf('We welcome the new inspection framework – but will colleges have the staff to make it work?', COUNCIL);
    expect(r.cues.some((c) => c.text === 'welcome' && c.role === 'supports' && !c.flipped)).toBe(true);
  });

  it.each([
    'Inspectors will not dilute their judgements to spare anyone embarrassment',
    'We know how stretched colleges are, but we will not water down our judgements',
  ])('the inspectorate refusing to weaken its judgements defends them: %s', (quote) => {
    expect(stanceOf(quote, OFSTED_CHIEF).stance).toBe('supports');
  });

  it('a grade label the sector names ("a school judged failing") is not a finding it takes up', () => {
    const r = stanceOf('Pupils in the poorest towns are twice as likely to attend a school judged failing', UNION);
    expect(r.cues.some((c) => c.text === 'failing' && c.role === 'supports')).toBe(false);
  });
});
