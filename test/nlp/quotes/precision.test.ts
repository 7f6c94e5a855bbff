// Sentences that look like reporting but report nothing: none of them may yield a quote.
import { describe, expect, it } from 'vitest';
import { extractQuotes } from '../../../src/nlp/quotes/index.ts';

const quotesIn = (text: string) => extractQuotes({ title: '', text, published: '2020-01-01' });

describe('no quote without a speaker and content', () => {
  it.each([
    ['a bare speech act', 'MPs and sector leaders have hit back after the chief inspector spoke.'],
    ['a plain object of an NP-taking verb', 'Jane Carter found a new job in Leeds last year.'],
    ['a possessive, not a subject', "Sir Michael Wilshaw's remarks were widely reported in the press on Friday."],
    ['a speech noun', 'The claims made by the council were rejected by the tribunal last week.'],
    ['a scare-quoted rating', 'The council was rated "inadequate" in 2019 and "requires improvement" in 2022.'],
    ['an unnamed group', 'Children told inspectors that they felt safe in their homes.'],
    ['a group\'s mood', 'Councils fear a rise in agency costs after the changes.'],
    ['a wh-clause naming the topic', 'Jane Carter, director of children\'s services at Kent County Council, told us what has changed since the inspection.'],
    ['question crossheads in a news story', 'What happens next?\n\nThe council will be inspected again in the spring.\n\nWho pays?\n\nThe cost falls on the children\'s services budget.'],
    ['job advert text', 'This is an exciting opportunity to join our team. You will be told more at interview.'],
    ['a noun-phrase summary of speech', 'The inspectorate has defended its new framework after MPs raised concerns.'],
    ['a verb form used as a modifier', "Ofsted's proposed framework and the council's revised plans were published together."],
    ['a post with no body and no holder', 'The director said the service would improve.'],
    ['a byline', 'By Jane Marlow\n\nThe meeting will take place on Tuesday.'],
  ])('%s', (_name, text) => expect(quotesIn(text)).toEqual([]));
});

describe('speech verbs and their content', () => {
  it('starts a "told X that" span after "that"', () => {
    const [q] = quotesIn('Sir Martyn Oliver told the Education Committee last week that reform would take time.');
    expect(q).toMatchObject({ text: 'reform would take time', speaker: 'Sir Martyn Oliver', kind: 'indirect' });
  });

  it('keeps one entry for two reporting verbs in one sentence', () => {
    const [q, ...rest] = quotesIn('Alan Wood said the figures were not credible and suggested that the framework was flawed.');
    expect(rest).toEqual([]);
    expect(q!.text).toBe('the figures were not credible and suggested that the framework was flawed');
  });

  it('resolves "the union" to the union last in play', () => {
    const qs = quotesIn('Daniel Kebede, general secretary of the NEU, said teachers were exhausted.\n\nThe union said it would ballot members.');
    expect(qs.map((q) => q.speaker)).toEqual(['Daniel Kebede', 'NEU']);
  });

  it('reads a document that states its content', () => {
    const [q] = quotesIn('The Ofsted guidance states that inspectors must speak to children in every visit.');
    expect(q).toMatchObject({ text: 'inspectors must speak to children in every visit', speaker: 'Ofsted', kind: 'indirect' });
  });

  it('names a government department by its full name when it speaks', () => {
    const [q] = quotesIn('The DfE said it would publish new guidance in the spring.');
    expect(q).toMatchObject({ speaker: 'Department for Education', speakerOrg: 'DfE' });
  });

  it('gives nobody a quote whose introduction names someone it cannot resolve', () => {
    const qs = quotesIn('Cllr Rob Hart, the LGA\'s children\'s spokesperson, said councils were struggling.\n\nA source said: "It is a mess."');
    expect(qs.map((q) => q.speaker)).toEqual(['Cllr Rob Hart', null]);
  });

  it('reads a source past a "published today" aside, and a spokesperson for the body of that kind in play', () => {
    const qs = quotesIn('Ofsted\'s annual report, published today, said too many children were living far from home.\n\nThe Department for Education said it would respond.\n\nA government spokesperson said: "We are investing in new homes."');
    expect(qs.map((q) => [q.speaker, q.speakerOrg])).toEqual([['Ofsted', 'Ofsted'], ['Department for Education', 'DfE'], ['Department for Education', 'DfE']]);
  });
});

describe('one entry per quote', () => {
  it('reads a full quote after reported speech in its paragraph once', () => {
    const qs = quotesIn('Sir Martyn Oliver said the dates had been agreed. "Nobody will be surprised by a visit," he said.');
    expect(qs.map((q) => q.text)).toEqual(['the dates had been agreed', 'Nobody will be surprised by a visit,']);
  });
});

describe('councils as the press writes them', () => {
  it.each([
    ['Dr Ann Lowe, director of children\'s services at Ashbourne county council, said the report was fair.', 'Ashbourne county council'],
    ['Helen Marsh, chief executive of Ravensmoor BC, said the report was fair.', 'Ravensmoor BC'],
    ['"The report was fair," said Tom Hendry, director of children\'s services, Marlow County Council.', 'Marlow County Council'],
    ['Fordham Council is due a short inspection. Its lead member for children, Cllr Amina Roy, said the council was ready.', 'Fordham Council'],
  ])('%s', (text, org) => expect(quotesIn(text)[0]?.speakerOrg).toBe(org));

  it("gives a council post to the story's council, named by its place, not to a council a job advert names in full", () => {
    const text = [
      'Progress at Hollinsworth Borough Council has been too slow, inspectors said.',
      "Hollinsworth's improvement board met on Monday. Staff at Hollinsworth were told the findings.",
      "The council's lead member for children, Cllr Ruth Amos, said the visits put a strain on managers.",
      'Jobs\n\nSenior social worker\n\nDerwent County Council\n\nRecruiter: Derwent County Council',
    ].join('\n\n');
    expect(quotesIn(text).find((q) => q.speaker === 'Cllr Ruth Amos')?.speakerOrg).toBe('Hollinsworth Borough Council');
  });
});
