import { describe, expect, it } from 'vitest';
import { COUNCIL, DIRECTORS, OFSTED_CHIEF, OFSTED_REPORT, stanceOf } from './helpers.ts';

describe('classifyStance: wording found missing by written examples at first sight', () => {
  it.each([
    ['It is wrong that a service can be marked down for delays in the family courts', COUNCIL],
    ['There is a real danger that inspection becomes an exercise in producing paperwork', DIRECTORS],
    ['We disagree with the inspectors about the quality of our early help', COUNCIL],
    ['Too many judgements are driven by deprivation rather than by practice', DIRECTORS],
  ])('opposes: %s', (quote, speaker) => {
    expect(stanceOf(quote, speaker).stance).toBe('opposes');
  });

  it.each([
    ['The inspection gave us an honest assessment of our services', COUNCIL],
    ['We accept most of the findings in the report and have a plan to act on them', COUNCIL],
  ])('supports: %s', (quote, speaker) => {
    expect(stanceOf(quote, speaker).stance).toBe('supports');
  });

  it('reads "even if" as a concession, not a hedge', () => {
    expect(stanceOf('The inspection team was thorough, even if we disagree with parts of the report', DIRECTORS).stance).toBe('mixed');
  });

  it("reads the inspectorate's independence as self-praise", () => {
    expect(stanceOf('Ofsted is independent and will report what it finds without fear or favour', OFSTED_CHIEF).stance).toBe('supports');
  });

  it('rejecting the claim that judgements follow the money supports', () => {
    expect(stanceOf('We do not accept that our judgements are driven by the funding a council receives', OFSTED_REPORT).stance).toBe('supports');
  });
});

describe('classifyStance: intervention policy is not the inspection', () => {
  it('is not a position when a council rejects structures imposed from outside', () => {
    const r = stanceOf('Councils can turn services around themselves, without a commissioner or externally imposed structures', COUNCIL);
    expect(['neutral', 'unrelated']).toContain(r.stance);
  });
});

describe('classifyStance: accepting a judgement in plain words', () => {
  it.each([
    'We have taken the inspection findings on the chin and we will put things right',
    'We respect the judgement the inspectors reached and we will learn from it',
  ])('supports: %s', (quote) => {
    expect(stanceOf(quote, COUNCIL).stance).toBe('supports');
  });

  it("reads the inspectorate's 'good progress' as praise of the services", () => {
    expect(stanceOf('Care leavers in the county are making good progress and have strong relationships with their advisers', OFSTED_REPORT).stance).toBe('supports');
  });
});

describe('classifyStance: inspection as an honest outside view', () => {
  it('supports', () => {
    expect(stanceOf('An inspection holds up a mirror to the council, and it keeps us honest', COUNCIL).stance).toBe('supports');
  });

  it('is mixed when a wish for something else follows', () => {
    expect(stanceOf('Inspection keeps councils honest, though we wish the framework looked harder at where each one started', DIRECTORS).stance).toBe('mixed');
  });
});
