// Deterministic generator of sector-shaped text for the benchmarks: organisations, people, and news articles
// with attributed quotes. Everything is synthetic (invented places and names); a seed makes runs repeatable.
import type { Stance } from '../../src/types.ts';

export type Rng = () => number;

/** mulberry32: small, fast and good enough to spread benchmark data. */
export function rng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const pick = <T>(r: Rng, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
export const between = (r: Rng, lo: number, hi: number): number => lo + Math.floor(r() * (hi - lo + 1));
/** Index skewed towards 0 (a few speakers and organisations are quoted far more than the rest). */
export const skewed = (r: Rng, n: number): number => Math.min(n - 1, Math.floor(n * r() ** 2.2));

const PLACES = ['Northshire', 'Eastmoor', 'Westvale', 'Southbridge', 'Highfield', 'Lowmarsh', 'Brackenford', 'Ashcombe', 'Kingsmere',
  'Oakridge', 'Fernley', 'Thornbury Vale', 'Millbrook', 'Redcliffe', 'Stonehaven', 'Elmstead', 'Harrowgate', 'Marshfield',
  'Greywater', 'Larkhill', 'Copperton', 'Wickham Cross', 'Dunmore', 'Beckford', 'Hollins'];
const ORG_SHAPES: [string, string][] = [
  ['{p} County Council', 'local-authority'], ['{p} City Council', 'local-authority'], ['{p} Children\'s Trust', 'trust'],
  ['{p} Fostering Network', 'charity'], ['{p} Family Rights Group', 'charity'],
];
const NATIONAL = ['National Association of Care Leavers', 'Union of Social Workers', 'Institute for Child Welfare Research',
  'Federation of Independent Children\'s Homes', 'Council of Directors of Children\'s Services', 'Children\'s Inspection Authority',
  'Office of the Children\'s Advocate', 'Department for Families', 'Youth Justice Alliance', 'Residential Care Providers Forum',
  'Early Years Alliance of England', 'Kinship Carers United', 'Adoption Support Collective', 'Local Authorities Panel',
  'Safeguarding Standards Board', 'Centre for Social Work Practice', 'Foster Carers Association', 'Care Review Commission',
  'Child Poverty Observatory', 'Association of School Leaders', 'Parents for Fair Inspection', 'Independent Reviewing Officers Group',
  'Social Care Workforce Council', 'Childhood Trust Foundation', 'Youth Voice Network'];

export interface GenOrg { slug: string; name: string; acronym: string | null; kind: string }
export interface GenPerson { slug: string; name: string; org: number; role: string }

const slugOf = (s: string) => s.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
const acronymOf = (s: string) => s.split(/\s+/).filter((w) => /^[A-Z]/.test(w)).map((w) => w[0]).join('');

export function organisations(n: number): GenOrg[] {
  const names: [string, string][] = NATIONAL.map((name) => [name, 'national']);
  for (let i = 0; names.length < n; i++) {
    const [shape, kind] = ORG_SHAPES[i % ORG_SHAPES.length]!;
    names.push([shape.replace('{p}', PLACES[Math.floor(i / ORG_SHAPES.length) % PLACES.length]!), kind]);
  }
  return names.slice(0, n).map(([name, kind]) => ({ slug: slugOf(name), name, acronym: kind === 'national' ? acronymOf(name) : null, kind }));
}

const FIRST = ['Amara', 'Ben', 'Chloe', 'Dev', 'Eleanor', 'Farid', 'Grace', 'Harriet', 'Idris', 'Joanna', 'Kwame', 'Lucy', 'Marcus',
  'Nadia', 'Owen', 'Priya', 'Rhys', 'Sara', 'Tomasz', 'Una', 'Victor', 'Wendy', 'Yusuf', 'Zoe', 'Aled', 'Bethan', 'Callum', 'Deepa',
  'Ewan', 'Fiona', 'Gareth', 'Hannah', 'Imran', 'Jess', 'Kieran', 'Leah', 'Mohammed', 'Niamh', 'Oliver', 'Rosa'];
const LAST = ['Abbott', 'Bhatt', 'Carver', 'Dlamini', 'Ellery', 'Fenwick', 'Gallagher', 'Hussain', 'Ingram', 'Jarvis', 'Kowalski',
  'Lindqvist', 'Mensah', 'Norcross', 'Okafor', 'Pemberton', 'Quayle', 'Rahman', 'Sutcliffe', 'Thackeray', 'Underhill', 'Varga',
  'Whitlock', 'Yates', 'Zielinski', 'Ashdown', 'Brennan', 'Chowdhury', 'Dunstan', 'Everett', 'Fairbairn', 'Gillespie', 'Hartley',
  'Iqbal', 'Jennings', 'Kemp', 'Lockwood', 'Maddox', 'Nwosu', 'Osei', 'Prentice', 'Ridley', 'Sharma', 'Tranter', 'Upton', 'Vickers',
  'Wardle', 'Yeoman', 'Zaman', 'Blackwood'];
const ROLES = ['director of children\'s services', 'chief executive', 'chair', 'policy manager', 'head of safeguarding',
  'cabinet member for children', 'spokesperson', 'general secretary', 'chief inspector', 'research director', 'principal social worker'];

export function people(n: number, orgCount: number, r: Rng): GenPerson[] {
  const out: GenPerson[] = [];
  const seen = new Set<string>();
  for (let i = 0; out.length < n; i++) {
    const name = `${FIRST[i % FIRST.length]} ${LAST[Math.floor(i / FIRST.length) % LAST.length]}${i >= FIRST.length * LAST.length ? ` ${String.fromCharCode(65 + (i % 26))}.` : ''}`;
    if (seen.has(name)) continue;
    seen.add(name);
    out.push({ slug: slugOf(name), name, org: skewed(r, orgCount), role: pick(r, ROLES) });
  }
  return out;
}

export const STANCE_SPREAD: [Stance, number][] = [['neutral', 0.45], ['opposes', 0.2], ['supports', 0.15], ['unrelated', 0.12], ['mixed', 0.08]];
export function stanceOf(r: Rng): Stance {
  let x = r();
  for (const [s, p] of STANCE_SPREAD) if ((x -= p) < 0) return s;
  return 'neutral';
}

const CLAUSES: Record<Stance, string[]> = {
  opposes: ['the inspection regime is failing the children it is meant to protect', 'single-word judgements are crude and damaging',
    'the framework piles pressure on social workers without improving practice', 'inspectors do not understand the reality of care',
    'the grading system should be scrapped', 'the current approach to inspection drives experienced staff out of the profession'],
  supports: ['rigorous inspection gives families confidence in the service', 'the new framework rightly puts children first',
    'independent scrutiny has driven real improvement in our practice', 'the inspection found exactly what we needed to fix',
    'we welcome the clarity the new judgements bring', 'robust oversight keeps vulnerable children safe'],
  mixed: ['the framework has strengths but the grades are too blunt', 'inspection has a role although the process needs reform',
    'we accept the findings but the timetable is unrealistic'],
  neutral: ['the report will be published next month', 'councils are reviewing the guidance with partners',
    'the consultation closes at the end of the year', 'we will respond in detail once we have read the findings'],
  unrelated: ['funding for youth services has fallen for a decade', 'recruitment of foster carers remains our priority',
    'demand for placements keeps rising across the region', 'school attendance has improved since the spring'],
};
const OPENERS = ['Frankly,', 'In our view', 'Put simply,', 'We have said for years that', 'It is clear that', 'Our members tell us', 'Today'];
const NARRATIVE = ['The council said it was reviewing the findings with its partners.', 'Figures published on Tuesday show the number of children in care rising again.',
  'The report follows a year of consultation with providers, families and young people.', 'Inspectors visited the service over two weeks in the spring.',
  'The authority was previously judged to require improvement.', 'Campaigners have called for a wider review of how children\'s homes are regulated.',
  'Ministers are expected to set out their plans later in the year.', 'The sector has faced rising costs and a shortage of placements.',
  'Several councils have raised concerns about the consistency of recent judgements.', 'The department declined to comment on individual cases.',
  'Social workers described caseloads that had doubled since the pandemic.', 'A spokesperson confirmed the figures but said the picture varied by region.'];

export function quoteText(r: Rng, stance: Stance, sentences: number): string {
  const parts: string[] = [];
  for (let i = 0; i < sentences; i++) {
    const clause = pick(r, CLAUSES[stance]);
    const s = r() < 0.5 ? `${pick(r, OPENERS)} ${clause}` : clause;
    parts.push(s[0]!.toUpperCase() + s.slice(1) + '.');
  }
  return parts.join(' ');
}

const SUBJECTS = ['The council', 'A spokesperson for the authority', 'The watchdog', 'Campaigners', 'Ministers', 'Inspectors', 'The charity',
  'Providers', 'Social workers', 'Foster carers', 'The trust', 'Families', 'The report', 'The review', 'Councillors', 'Young people'];
const VERBS = ['said', 'warned', 'confirmed', 'noted', 'argued', 'reported', 'suggested', 'revealed', 'acknowledged', 'claimed'];
const OBJECTS = ['that spending on placements had risen by {n} per cent', 'that {n} children were waiting for a review',
  'that the service in {p} had improved since {y}', 'that caseloads in {p} averaged {n} families', 'that {n} homes had closed since {y}',
  'that the backlog would be cleared by {y}', 'that recruitment in {p} had fallen for {n} months', 'that the budget gap reached £{n}m',
  'that {n} staff had left the {p} team', 'that the pilot in {p} would run until {y}'];
const TAILS = ['', ' last week', ' on Tuesday', ' in a statement', ' at a meeting in {p}', ' in evidence to MPs', ' earlier this year', ' in its annual report'];

/** Sentences built from parts with numbers, places and years, so no two articles share much text (as in real news). */
export function narrative(r: Rng, words: number): string {
  const fill = (s: string) => s.replace(/\{n\}/g, () => String(between(r, 2, 950))).replace(/\{p\}/g, () => pick(r, PLACES)).replace(/\{y\}/g, () => String(between(r, 2010, 2026)));
  const out: string[] = [];
  let n = 0;
  while (n < words) {
    const s = r() < 0.3 ? pick(r, NARRATIVE) : fill(`${pick(r, SUBJECTS)} ${pick(r, VERBS)} ${pick(r, OBJECTS)}${pick(r, TAILS)}.`);
    out.push(s);
    n += s.split(' ').length;
  }
  return out.join(' ');
}

export interface GenQuote { text: string; start: number; end: number; person: number; stance: Stance; kind: 'direct' | 'indirect' | 'mixed' }
export interface GenArticle { title: string; body: string; quotes: GenQuote[] }

export interface ArticleOptions {
  quotes: number;
  words: number;
  /**
   * Prose a reader finds exactly `quotes` quotes in (bench/pipeline.ts): narrative of facts with no reported speech, and
   * quotes direct, indirect and mixed in the proportions of the gold fixtures, `words` words in all. Without it the
   * narrative is full of group statements ("Councillors warned that …"), which the extractor rightly counts as quotes
   * too (about twice the planted number); the seeded database and other benchmarks keep that older shape.
   */
  readerCounted?: boolean;
}

/** A news article: narrative paragraphs with attributed direct quotes; quote offsets point into the body. */
export function article(r: Rng, ppl: readonly GenPerson[], orgs: readonly GenOrg[], opts: ArticleOptions): GenArticle {
  if (opts.readerCounted) return readerArticle(r, ppl, orgs, opts);
  const paras: string[] = [];
  const quotes: GenQuote[] = [];
  let len = 0;
  const push = (p: string) => { paras.push(p); len += p.length + 2; };
  const perQuoteWords = opts.words / (opts.quotes + 1);
  push(narrative(r, perQuoteWords));
  for (let i = 0; i < opts.quotes; i++) {
    const person = skewed(r, ppl.length);
    const p = ppl[person]!;
    const stance = stanceOf(r);
    const text = quoteText(r, stance, between(r, 1, 3));
    const org = orgs[p.org]!.name;
    const lead = r() < 0.5 ? `"` : `${p.name}, ${p.role} at ${org}, said: "`;
    const tail = lead === '"' ? `" said ${p.name}, ${p.role} at ${org}.` : '"';
    quotes.push({ text, start: len + lead.length, end: len + lead.length + text.length, person, stance, kind: 'direct' });
    push(`${lead}${text}${tail} ${narrative(r, Math.max(10, perQuoteWords - 20))}`);
  }
  return { title: titleOf(r), body: paras.join('\n\n'), quotes };
}

const titleOf = (r: Rng, lines = NARRATIVE) =>
  `${pick(r, PLACES)} ${pick(r, ['inspection', 'care review', 'children\'s services', 'fostering', 'safeguarding'])}: ${pick(r, lines).slice(0, 60).replace(/[ .]+$/, '')}`;

/** Facts with numbers, places and years, attributed to nobody: no sentence here reads as anyone's statement. */
const FACTS = ['Spending on placements in {p} rose by {n} per cent in {y}.', 'In {p}, {n} children were waiting for a review at the end of {y}.',
  'Caseloads in {p} averaged {n} families last year.', 'In {p}, {n} children\'s homes have closed since {y}.', 'The backlog in {p} is due to be cleared by {y}.',
  'Recruitment in {p} has fallen for {n} months in a row.', 'The budget gap in {p} reached £{n}m in {y}.', 'The pilot in {p} will run until {y}.',
  'The service in {p} was last inspected in {y}.', 'In {y}, {n} staff left the children\'s social care team in {p}.',
  'The number of looked-after children in {p} stood at {n} in {y}.', 'Agency staff filled {n} posts in {p} during {y}.'];
const PLAIN = ['The authority was previously judged to require improvement.', 'Inspectors visited the service over two weeks in the spring.',
  'The report follows a year of consultation with providers, families and young people.', 'The sector has faced rising costs and a shortage of placements.',
  'Ministers are expected to set out their plans later in the year.', 'The number of children in care has risen in each of the last five years.'];

/** Fact sentences: at least one, and as many as fit in `words`, or (`fill`) until they reach `words`. */
function facts(r: Rng, words: number, fill = false): string {
  const fillIn = (s: string) => s.replace(/\{n\}/g, () => String(between(r, 2, 950))).replace(/\{p\}/g, () => pick(r, PLACES)).replace(/\{y\}/g, () => String(between(r, 2010, 2026)));
  const out: string[] = [];
  let n = 0;
  while (fill ? n < words : true) {
    const s = r() < 0.25 ? pick(r, PLAIN) : fillIn(pick(r, FACTS));
    const w = s.split(' ').length;
    if (!fill && out.length && n + w > words) break;
    out.push(s);
    n += w;
  }
  return out.join(' ');
}

/** Kinds of quote in the gold fixtures: 43% direct, 28% indirect, 29% mixed. */
function kindOf(r: Rng): GenQuote['kind'] {
  const x = r();
  return x < 0.43 ? 'direct' : x < 0.71 ? 'indirect' : 'mixed';
}

/** One quote's paragraph opening: the attributed quote (its text at [start, end) of the returned string). */
function quoteSentence(r: Rng, who: string, kind: GenQuote['kind'], stance: Stance): { sentence: string; start: number; end: number } {
  if (kind === 'direct') {
    const text = quoteText(r, stance, between(r, 1, 2));
    const lead = r() < 0.5 ? `${who} said: "` : '"';
    const sentence = lead === '"' ? `"${text}" said ${who}.` : `${lead}${text}"`;
    return { sentence, start: lead.length, end: lead.length + text.length };
  }
  const clause = pick(r, CLAUSES[stance]);
  const lead = `${who} ${pick(r, ['said', 'warned', 'argued', 'believes'])} that `;
  if (kind === 'indirect') return { sentence: `${lead}${clause}.`, start: lead.length, end: lead.length + clause.length };
  // Mixed: reported speech whose last words are the speaker's own, in quotation marks.
  const w = clause.split(' ');
  const cut = Math.max(1, Math.floor(w.length / 2));
  const text = `${w.slice(0, cut).join(' ')} "${w.slice(cut).join(' ')}"`;
  return { sentence: `${lead}${text}.`, start: lead.length, end: lead.length + text.length };
}

/** `article` with `readerCounted`: see ArticleOptions. */
function readerArticle(r: Rng, ppl: readonly GenPerson[], orgs: readonly GenOrg[], opts: ArticleOptions): GenArticle {
  const planned = Array.from({ length: opts.quotes }, () => ({ person: skewed(r, ppl.length), stance: stanceOf(r), kind: kindOf(r) }));
  // A speaker quoted again straight after is named by surname, as reporters do.
  const lines = planned.map((q, i) => {
    const p = ppl[q.person]!;
    const again = i > 0 && planned[i - 1]!.person === q.person;
    const who = again ? p.name.split(' ')[1]! : `${p.name}, ${p.role} at ${orgs[p.org]!.name},`;
    const s = quoteSentence(r, who, q.kind, q.stance);
    return who.endsWith(',') && s.sentence.startsWith('"') ? { ...s, sentence: s.sentence.replace(/,\.$/, '.') } : s;
  });
  // Each paragraph's facts get an equal share of the words left; the last fills up to `words` (at most one sentence over).
  let left = opts.words - lines.reduce((n, l) => n + l.sentence.split(' ').length, 0);
  const nextFacts = (k: number) => {
    const f = facts(r, left / (lines.length + 1 - k), k === lines.length);
    left -= f.split(' ').length;
    return f;
  };
  const paras: string[] = [nextFacts(0)];
  const quotes: GenQuote[] = [];
  let len = paras[0]!.length + 2;
  lines.forEach((l, i) => {
    const q = planned[i]!;
    quotes.push({ text: l.sentence.slice(l.start, l.end), start: len + l.start, end: len + l.end, person: q.person, stance: q.stance, kind: q.kind });
    const para = `${l.sentence} ${nextFacts(i + 1)}`;
    paras.push(para);
    len += para.length + 2;
  });
  return { title: titleOf(r, PLAIN), body: paras.join('\n\n'), quotes };
}
