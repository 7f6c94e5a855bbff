// Hand-written examples of how people talk about inspection, one line each: quote, speaker, expected label
// ("unrelated" and "neutral" are told apart where it matters, as the scorer folds them together).
import { describe, expect, it } from 'vitest';
import { COUNCIL, DIRECTORS, OFSTED_CHIEF, OFSTED_REPORT, UNION, stanceIn, stanceOf, type Speaker } from './helpers.ts';

const MP: Speaker = { name: 'Chris Member', org: 'Parliament', role: 'MP' };
const CHARITY: Speaker = { name: 'Robin Charity', org: 'NSPCC', role: 'chief executive' };
const ACAD: Speaker = { name: 'Professor Jo Academic', org: 'University', role: 'professor' };
const HEAD: Speaker = { name: 'Jan Head', org: 'St Mary Primary', role: 'headteacher' };
const COMM: Speaker = { name: 'Alex Commissioner', org: "Children's Commissioner", role: "children's commissioner" };
const SEND: Speaker = { name: 'Pat Parent', org: 'Special Needs Jungle', role: 'founder' };
const DFE: Speaker = { name: 'Department for Education', org: 'DfE', role: 'spokesperson' };

// The inspectorate's praise of the services it inspected is its verdict too: both independent gold sets written after
// the seeds (test/fixtures/gold2, gold3) read it as support.
const CASES: [string, Speaker, string][] = [
  ['Since the last inspection, senior leaders have made significant progress', OFSTED_REPORT, 'supports'],
  ['Children in care are not always seen regularly by their social workers', OFSTED_REPORT, 'neutral'],
  ['Our new framework will focus on what it is like to be a child in the area', OFSTED_CHIEF, 'neutral'],
  ['We will remove single-word judgements from September and publish the new handbook in the summer', OFSTED_CHIEF, 'neutral'],
  ['We are deeply saddened by the death of a headteacher and our thoughts are with her family', OFSTED_CHIEF, 'neutral'],
  ['Too many children are waiting too long for the help they need', OFSTED_CHIEF, 'supports'],
  ['Leaders in this council have failed to act on our previous recommendations', OFSTED_REPORT, 'supports'],
  ['Some councils are doing an excellent job in very difficult circumstances', OFSTED_CHIEF, 'supports'],
  ['Inspection is a force for improvement and parents value our reports', OFSTED_CHIEF, 'supports'],
  ['The quality of social work practice is inconsistent across the service', OFSTED_REPORT, 'supports'],
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
  // Taking up an inspection finding in evaluative terms is support (the seeds' annotation rules).
  ['The inspection found that our services for children are good', COUNCIL, 'supports'],
  ['It is disappointing that the report does not reflect the improvements we have made', COUNCIL, 'opposes'],
  ['Inspectors were right to highlight our weaknesses and we are determined to put them right', COUNCIL, 'supports'],
  ['The inspection process is opaque and inspectors rarely explain how they reached their conclusions', UNION, 'opposes'],
  ['Headteachers are leaving the profession in droves because of the toll inspection takes on them', UNION, 'opposes'],
  ['Ofsted plays a vital role in keeping children safe and we fully support its work', CHARITY, 'supports'],
  ['The judgement was harsh and does not recognise how far we have come', COUNCIL, 'opposes'],
  ['We have asked Ofsted to review the inspection and we are considering a formal complaint', COUNCIL, 'opposes'],
  ['The inspectors were professional and the process was conducted fairly', COUNCIL, 'supports'],
  ['Inspection without support is just judgement; councils need help to improve, not grades', DIRECTORS, 'opposes'],
  ['Ofsted is an essential safeguard for children and its independence must be protected', MP, 'supports'],
  ['The chief inspector has lost touch with the reality of the classroom', UNION, 'opposes'],
  ['We welcome Ofsted\'s report and agree with its findings', CHARITY, 'supports'],
  ['The findings highlight serious weaknesses in how agencies share information', CHARITY, 'supports'],
  ['Too many children in care are being moved far from home, and leaders have been too slow to act', OFSTED_CHIEF, 'supports'],
  ['Most councils responded well to the pandemic and kept children safe', OFSTED_CHIEF, 'neutral'],
  ['We carried out 120 inspections this year, more than ever before', OFSTED_REPORT, 'neutral'],
  ['Inspectors identified significant weaknesses in the front door and in management oversight', OFSTED_REPORT, 'supports'],
  ['Our inspectors are highly trained professionals and their judgements are sound', OFSTED_CHIEF, 'supports'],
  ['We recognise that inspection can be a source of anxiety and we are taking steps to reduce it', OFSTED_CHIEF, 'neutral'],
  ['The new framework will be introduced in January after a full consultation', OFSTED_CHIEF, 'neutral'],
  ['We are proud of the improvements our inspections have helped to bring about', OFSTED_CHIEF, 'supports'],
  ['Councils need long-term funding settlements to plan services properly', COUNCIL, 'unrelated'],
  ['Children in care tell us that what matters most is a stable relationship with a trusted adult', CHARITY, 'unrelated'],
  ['The grading system creates winners and losers and pits schools against each other', UNION, 'opposes'],
  ['This is a fair report which accurately reflects the challenges we face', COUNCIL, 'supports'],
  ['The consultation on report cards closes on 28 March', DFE, 'neutral'],
  ['These results show that the reforms are working and standards are rising', DFE, 'supports'],
  ['Inspectors need to spend more time listening to staff and less time ticking boxes', UNION, 'opposes'],
  ['An inspection regime that terrifies the people it is meant to help is not working', UNION, 'opposes'],
  ['Inspectors saw good practice in many of the homes they visited', OFSTED_REPORT, 'neutral'],
  ['Leadership in this authority is weak and has not improved since the last visit', OFSTED_REPORT, 'supports'],
  ['Ofsted has been a catalyst for improvement in children\'s services across the country', DIRECTORS, 'supports'],
  ['There is a real risk that the focus on grades distracts from the children themselves', ACAD, 'opposes'],
  ['We accept the report\'s recommendations and have already put a new leadership team in place', COUNCIL, 'supports'],
  ['The evidence base for the framework is thin and it has never been properly evaluated', ACAD, 'opposes'],
  ['We will be meeting the sector over the summer to discuss the detail', OFSTED_CHIEF, 'neutral'],
  ['Frankly, some councils have been getting away with poor practice for too long', OFSTED_CHIEF, 'supports'],
  ['Ofsted should focus on supporting schools to improve rather than punishing them', UNION, 'opposes'],
  ['The committee will question the chief inspector next month', MP, 'neutral'],
  ['The inspection confirmed what we already knew and gives us a clear plan for improvement', COUNCIL, 'supports'],
  ['This framework is far better than the one it replaces', DIRECTORS, 'supports'],
  ['Grades are a crude measure that tells parents very little', UNION, 'opposes'],
  ['The data show a clear link between deprivation and inspection outcomes', ACAD, 'opposes'],
  ['Teachers work incredibly hard and deserve our thanks', UNION, 'unrelated'],
  ['Inspection has a place, but not in its current form', UNION, 'opposes'],
  ['We are confident that the new approach will be fairer and more transparent', OFSTED_CHIEF, 'supports'],
  ['The report makes clear that too many children wait too long for a permanent home', CHARITY, 'supports'],
  ['Area SEND inspections have exposed how badly some families are being failed', SEND, 'supports'],
  ['The area SEND framework looks at paperwork, not at whether children actually get help', SEND, 'opposes'],
  ['Joint inspections bring police, health and councils into the same room, which is exactly what is needed', DIRECTORS, 'supports'],
  ['We found strong practice in the way partners shared information about children at risk', OFSTED_REPORT, 'neutral'],
  ['Where leadership is weak, children wait longer and plans drift', OFSTED_CHIEF, 'supports'],
  ['The inspection regime has become a blunt tool that punishes the schools serving the poorest communities', ACAD, 'opposes'],
  ['Our research finds no relationship between Ofsted grades and pupil progress once intake is accounted for', ACAD, 'opposes'],
  ['Ofsted is right to call out councils that place children in unregistered homes', COMM, 'supports'],
  ['The timetable for the new framework is unrealistic and councils have had no time to prepare', DIRECTORS, 'opposes'],
  ['We are working with Ofsted and the DfE on the detail of the new arrangements', DIRECTORS, 'neutral'],
  ['Monitoring visits have been helpful in keeping us focused on the areas that matter', COUNCIL, 'supports'],
  ['School leaders should not have to live in fear of a phone call from Ofsted', UNION, 'opposes'],
  ['The new report cards strike the right balance between detail and clarity', DIRECTORS, 'supports'],
  // No cue word, but a sector voice pointing at how much rides on a grade is criticism of the stakes.
  ['Inspection grades are used by estate agents to sell houses, which tells you how much weight they carry', ACAD, 'opposes'],
];

const fold = (s: string) => (s === 'unrelated' ? 'neutral' : s);

describe('classifyStance on hand-written examples', () => {
  it.each(CASES)('%s (%o) → %s', (quote, speaker, expected) => {
    expect(fold(stanceOf(quote, speaker).stance)).toBe(fold(expected));
  });
});

// The same, inside an article: headline, body paragraphs, the quote, its speaker, the expected label.
const IN_ARTICLES: [string, string[], string, Speaker, string][] = [
  ['Heads condemn inspection after teacher breakdown', ['The union said the system was broken.', '“Inspectors swept in, found fault with everything and left us to pick up the pieces,” said Jan Head.'], 'Inspectors swept in, found fault with everything and left us to pick up the pieces', HEAD, 'opposes'],
  ['Council rated outstanding by Ofsted', ['“This is fantastic news and a recognition of the hard work of our staff,” said Cllr Lee Leader.'], 'This is fantastic news and a recognition of the hard work of our staff', COUNCIL, 'supports'],
  ['Ofsted chief defends grading system', ['“Parents want a clear, simple verdict and that is what a grade gives them,” said Dame Example Inspector.'], 'Parents want a clear, simple verdict and that is what a grade gives them', OFSTED_CHIEF, 'supports'],
  ['Ofsted chief defends grading system', ['“We do not accept that inspection causes the recruitment crisis,” said Dame Example Inspector.'], 'We do not accept that inspection causes the recruitment crisis', OFSTED_CHIEF, 'supports'],
  ['MPs call for overhaul of school inspections', ['“The evidence we heard was overwhelming: the current system is causing real harm,” said Chris Member.'], 'The evidence we heard was overwhelming: the current system is causing real harm', MP, 'opposes'],
  ['ADCS responds to ILACS changes', ['“These changes are sensible and will reduce the burden on councils while keeping the focus on children,” said Pat Director.'], 'These changes are sensible and will reduce the burden on councils while keeping the focus on children', DIRECTORS, 'supports'],
  ['Unions react to Ofsted annual report', ['“Once again Ofsted blames schools for problems created by government underfunding,” said Sam Organiser.'], 'Once again Ofsted blames schools for problems created by government underfunding', UNION, 'opposes'],
  ['Ofsted annual report published', ['“We will publish our next report in the autumn,” said Dame Example Inspector.'], 'We will publish our next report in the autumn', OFSTED_CHIEF, 'neutral'],
  ['Council responds to inadequate rating', ['“We are bitterly disappointed by the judgement, which does not reflect the dedication of our staff,” said Cllr Lee Leader.'], 'We are bitterly disappointed by the judgement, which does not reflect the dedication of our staff', COUNCIL, 'opposes'],
  ['Council responds to inadequate rating', ['“The inspectors were right: we were too slow to act, and we are sorry,” said Cllr Lee Leader.'], 'The inspectors were right: we were too slow to act, and we are sorry', COUNCIL, 'supports'],
  ['Heads welcome Ofsted reforms', ['“It is encouraging that Ofsted is finally listening, but the proof will be in how inspections feel on the ground,” said Sam Organiser.'], 'It is encouraging that Ofsted is finally listening, but the proof will be in how inspections feel on the ground', UNION, 'mixed'],
  ['Ofsted to end single-word judgements', ['“This is a victory for every school leader who has campaigned against the cruelty of one-word verdicts,” said Sam Organiser.'], 'This is a victory for every school leader who has campaigned against the cruelty of one-word verdicts', UNION, 'opposes'],
  ['Ofsted annual report published', ['“Too many children with special needs are let down by a system that does not work for them,” said Dame Example Inspector.'], 'Too many children with special needs are let down by a system that does not work for them', OFSTED_CHIEF, 'supports'],
  ['Care leavers charity comments on report', ['“Young people leaving care need somewhere safe to live and someone to turn to,” said Cllr Lee Leader.'], 'Young people leaving care need somewhere safe to live and someone to turn to', COUNCIL, 'unrelated'],
];

describe('classifyStance on hand-written examples in their articles', () => {
  it.each(IN_ARTICLES)('%s: %s', (title, body, quote, speaker, expected) => {
    expect(fold(stanceIn(title, body, quote, speaker).stance)).toBe(fold(expected));
  });
});
