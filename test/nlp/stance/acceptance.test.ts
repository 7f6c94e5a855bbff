import { describe, expect, it } from 'vitest';
import { COUNCIL, DIRECTORS, OFSTED_REPORT, stanceIn, stanceOf } from './helpers.ts';

describe('classifyStance: the sector accepting inspection in principle', () => {
  it.each([
    ['Local authorities have never shied away from scrutiny, but a judgement made in two weeks cannot capture years of work', COUNCIL],
    ['We understand the need for inspection to carry on, but it is unfair to judge a service in the middle of a restructure', DIRECTORS],
    ['Councils support the changes to the framework, but the burden of inspection on small teams must be kept under review', COUNCIL],
    ['We are committed to transparency, but the new grades are a crude way to describe a complex service', COUNCIL],
  ])('is mixed when a criticism follows: %s', (quote, speaker) => {
    expect(stanceOf(quote, speaker).stance).toBe('mixed');
  });

  it('is mixed when "what we do not want" turns on the acceptance', () => {
    const quote = 'Directors want a strong, independent inspectorate. What we do not want is a system that punishes councils for the state of their budgets.';
    expect(stanceOf(quote, DIRECTORS).stance).toBe('mixed');
  });

  it('supports when nothing is held back', () => {
    expect(stanceOf('Councils have never shied away from scrutiny of their children’s services', COUNCIL).stance).toBe('supports');
  });

  it('keeps a rhetorical preface ("Nobody disputes that …") as opposition', () => {
    const quote = 'Nobody disputes that children need good services. But a framework that labels most councils as failing will drive good staff away.';
    expect(stanceOf(quote, DIRECTORS).stance).toBe('opposes');
  });
});

describe('classifyStance: accusations and charges of over-simplifying', () => {
  it('reads "accused" before an indirect quote as opposition', () => {
    const body = ['A council leader accused Ofsted of ignoring the rise in demand when it rated the service.'];
    const r = stanceIn('Council leader hits out at inspection', body, 'Ofsted of ignoring the rise in demand when it rated the service', COUNCIL);
    expect(r.stance).toBe('opposes');
  });

  it.each([
    ['The inspectorate is too quick to blame councils for problems that start in the care market', DIRECTORS],
    ['The report paints too simple a picture of what is happening in children’s services', COUNCIL],
    ['Inspectors judged the council as if it operated in a vacuum', COUNCIL],
  ])('opposes: %s', (quote, speaker) => {
    expect(stanceOf(quote, speaker).stance).toBe('opposes');
  });

  it('is the verdict, not a concession, when the inspectorate accuses the services', () => {
    expect(stanceOf('Inspectors accused the council of failing to act on repeated warnings', OFSTED_REPORT).stance).not.toBe('opposes');
  });
});

describe("classifyStance: a sector voice calling Ofsted's findings a reminder", () => {
  it('supports', () => {
    expect(stanceOf('These findings are a stark reminder of how much is still to do for children in care', DIRECTORS).stance).toBe('supports');
  });
});

describe('classifyStance: "more councils" before a grade is a rating count', () => {
  it('is neutral from the inspectorate', () => {
    const r = stanceOf('More councils are now rated good or outstanding than at any time since the framework began', OFSTED_REPORT);
    expect(r.stance).toBe('neutral');
  });
});

describe('classifyStance: a council owning up to what inspectors found', () => {
  it.each([
    'We are not going to hide behind the pandemic. Inspectors found problems we should have found ourselves.',
    'Inspectors were right to pick this up, and frankly we should have spotted it long before they arrived.',
  ])('supports: %s', (quote) => {
    expect(stanceOf(quote, COUNCIL).stance).toBe('supports');
  });
});

describe('classifyStance: sharing concerns in a dispute', () => {
  const title = 'Directors accused Ofsted of ignoring the pressures on councils';
  it("opposes when the concerns are the critic's", () => {
    const body = ['A council leader accused Ofsted of ignoring the pressures on councils.', 'The county network said many of its members shared the leader’s concerns.'];
    expect(stanceIn(title, body, 'many of its members shared the leader’s concerns', DIRECTORS).stance).toBe('opposes');
  });

  it("supports when the concerns are the inspectorate's", () => {
    const body = ['Inspectors found children waiting months for help.', 'The charity said it shared the chief inspector’s concerns.'];
    expect(stanceIn(title, body, 'it shared the chief inspector’s concerns', DIRECTORS).stance).toBe('supports');
  });
});

describe('classifyStance: the handbook and the visits name the regime', () => {
  it('reads a criticism of the handbook as opposition', () => {
    expect(stanceOf('A shorter handbook is not the same as a lighter burden on social workers', DIRECTORS, 'New guidance for councils').stance).toBe('opposes');
  });

  it('reads "did not object to the visits" as acceptance before a reservation', () => {
    const quote = 'We did not object to the visits in principle, but councils were given far too little notice to prepare';
    expect(stanceOf(quote, COUNCIL).stance).toBe('mixed');
  });
});

describe('classifyStance: the inspectorate on how its judgements are reached', () => {
  it.each([
    'Our judgements are based on evidence gathered over two weeks and are carefully moderated before publication',
    'Each visit is led by an experienced social care inspector',
    'Councils have the opportunity to comment on the draft report before it is published',
  ])('supports: %s', (quote) => {
    expect(stanceOf(quote, OFSTED_REPORT).stance).toBe('supports');
  });
});
