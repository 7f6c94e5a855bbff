// Hand-written examples of how people talk about inspection, one line each: quote, speaker, expected label
// ("unrelated" and "neutral" are told apart where it matters, as the scorer folds them together).
import { describe, expect, it } from 'vitest';
import { COUNCIL, DIRECTORS, OFSTED_CHIEF, OFSTED_REPORT, UNION, stanceOf, type Speaker } from './helpers.ts';

const CASES: [string, Speaker, string][] = [
  ['Inspectors found that leaders had a clear understanding of the strengths and weaknesses of the service', OFSTED_REPORT, 'neutral'],
  ['Since the last inspection, senior leaders have made significant progress', OFSTED_REPORT, 'neutral'],
  ['Children in care are not always seen regularly by their social workers', OFSTED_REPORT, 'neutral'],
  ['Our new framework will focus on what it is like to be a child in the area', OFSTED_CHIEF, 'neutral'],
  ['We will remove single-word judgements from September and publish the new handbook in the summer', OFSTED_CHIEF, 'neutral'],
  ['We are deeply saddened by the death of a headteacher and our thoughts are with her family', OFSTED_CHIEF, 'neutral'],
  ['Too many children are waiting too long for the help they need', OFSTED_CHIEF, 'supports'],
  ['Leaders in this council have failed to act on our previous recommendations', OFSTED_REPORT, 'supports'],
  ['Some councils are doing an excellent job in very difficult circumstances', OFSTED_CHIEF, 'neutral'],
  ['Inspection is a force for improvement and parents value our reports', OFSTED_CHIEF, 'supports'],
  ['The quality of social work practice is inconsistent across the service', OFSTED_REPORT, 'supports'],
  ['The teachers and pupils deserve better than this', OFSTED_CHIEF, 'neutral'],
  ['We need a system of inspection that is humane and supportive, not one that drives people out of the profession', UNION, 'opposes'],
  ['The inspection regime has created a culture of fear in our schools', UNION, 'opposes'],
  ['Report cards will simply replace one crude label with several, and will increase workload', UNION, 'opposes'],
  ['We are disappointed with the outcome of the inspection and will be challenging the judgement', COUNCIL, 'opposes'],
  ['We are pleased that inspectors recognised the hard work of our staff and the progress we have made', COUNCIL, 'supports'],
  ['We accept the findings of the report in full and have already begun to address them', COUNCIL, 'supports'],
  ['Our priority now is to make the improvements needed as quickly as possible', COUNCIL, 'neutral'],
  ['Social workers are leaving the profession because of rising caseloads and low pay', UNION, 'unrelated'],
  ['The government must provide councils with the funding they need', COUNCIL, 'unrelated'],
  ['This report is a timely reminder of the challenges facing the system', DIRECTORS, 'neutral'],
  ['Ofsted must be held accountable for the harm its inspections cause', UNION, 'opposes'],
  ['The ILACS framework has been a welcome development for the sector', DIRECTORS, 'supports'],
  ['There is no evidence that inspection improves outcomes for children', DIRECTORS, 'opposes'],
  ['We have long called for an end to single-word judgements and we are glad Ofsted has listened', UNION, 'opposes'],
  ['The outcome is a testament to the dedication of our staff', COUNCIL, 'neutral'],
  ['The inspection found that our services for children are good', COUNCIL, 'neutral'],
  ['It is disappointing that the report does not reflect the improvements we have made', COUNCIL, 'opposes'],
  ['Inspectors were right to highlight our weaknesses and we are determined to put them right', COUNCIL, 'supports'],
];

const fold = (s: string) => (s === 'unrelated' ? 'neutral' : s);

describe('classifyStance on hand-written examples', () => {
  it.each(CASES)('%s (%o) → %s', (quote, speaker, expected) => {
    expect(fold(stanceOf(quote, speaker).stance)).toBe(fold(expected));
  });
});
