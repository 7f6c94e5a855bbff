// Organisation mentions: registry names and aliases, acronyms the article introduces ("… Services (ADCS)"), and unlisted bodies ("Kent County Council").
import { registries } from '../registries.ts';

export interface OrgMention {
  start: number;
  end: number;
  /** Canonical short name for registry organisations, else the name as written. */
  org: string;
  /** A unit of the body mentioned just before it (a board, faculty or committee of that body). */
  part?: boolean;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

let registryPattern: { re: RegExp; byAlias: Map<string, string> } | null = null;

/** One alternation of every alias, longest first, built once per process. */
function registryAliases() {
  if (registryPattern) return registryPattern;
  const byAlias = new Map<string, string>();
  for (const o of registries().organisations) {
    // A placeholder body ("University" for an unnamed institution) is assigned by role, never matched in text.
    if (!o.aliases.length) continue;
    for (const a of [o.short, o.name, ...o.aliases]) {
      for (const v of new Set([a, a.replace(/'/g, '’'), a.replace(/’/g, "'")])) byAlias.set(v, o.short);
    }
  }
  const alts = [...byAlias.keys()].filter((a) => !/^the /.test(a)).sort((a, b) => b.length - a.length).map(escape);
  const the = [...byAlias.keys()].filter((a) => /^the /.test(a)).map((a) => escape(a.slice(4)));
  registryPattern = {
    re: new RegExp(`(?<![\\p{L}])(?:${alts.join('|')})(?![\\p{L}])|(?<=\\b[Tt]he )(?:${the.join('|')})(?![\\p{L}])`, 'gu'),
    byAlias: new Map([...byAlias].map(([k, v]) => [k.replace(/^the /, ''), v])),
  };
  return registryPattern;
}

const ORG_HEAD = '(?:Group|Faculty|Committee|Panel|Bureau|Authority|Office|Department|Inspectorate|Tribunal|Executive|Centre|Center|Fund|Forum|Council|Association|Trust|University|College|Society|Union|Foundation|Agency|Commission|Institute|Partnership|Federation|Alliance|Network|Coalition|Confederation|Board)';
const CAP = "[A-Z][\\p{L}’'&.-]*";
/** Councils as the press writes them: "Ashbourne county council" (Guardian style), "Ravensmoor BC", "Harrow LBC" (The MJ's). */
const NOT_A_PLACE = '(?!(?:The|A|An|This|That|These|Those|Every|Each|Any|No|Our|Your|Their|Its|His|Her|One|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|Twelve|Twenty|Dozens|Hundreds|Several|Many|Most|All|Another|Some|Which|What|Whose|In|At|On|For|From|By|With|And|But|Of|To|As|If|When|While|Local|Each|Every|County|Borough|City|District|Town)\\b)';
const COUNCIL_STYLES = `${NOT_A_PLACE}(?:${CAP} ){0,2}[A-Z][\\p{L}&.-]* (?:(?:county|borough|city|district|town|metropolitan borough) )?council(?![\\p{L}])|(?:${CAP} ){1,3}(?:BC|CC|MBC|LBC|DC|RBC)(?![\\p{L}])`;
const UNLISTED = new RegExp(`${COUNCIL_STYLES}|(?:University|College|Institute|Consortium|Association|Federation|Society|Confederation|Alliance|Coalition) of(?: the)? ${CAP}(?: ${CAP})*|(?:${CAP} (?:(?:of|for|and|the|in) )*)+${ORG_HEAD}(?![\\p{L}])(?: (?:of|for)(?: the)?(?: ${CAP})+)?`, 'gu');
/** Sentence openers and determiners caught at the front of a capitalised run ("But the Children's Home Association"). */
const LEADING_WORDS = /^(?:(?:But|And|Or|So|Yet|Now|Then|Meanwhile|However|Also|Today|Yesterday|Separately|Elsewhere|Instead)\s+)?(?:(?:The|A|An|the|a|an)\s+)?/;
/** "Article 39, a charity,", "Kinfolk, the charity for kinship carers,": a name described as a body by the appositive after it. */
const NAME_THEN_KIND = new RegExp(`(${CAP}(?: (?:${CAP}|\\d+))*),\\s+(?:a|an|the)\\s+(?:[a-z-]+\\s+){0,2}(?:charity|union|think[- ]tank|campaign group|pressure group|lobby group|organisation|provider|consultancy|social enterprise|trade body|membership body)(?=[,.;]|\\s+(?:that|which|who|for|of)\\s)`, 'gu');
/** "the charity Family Voice", "the union Unite": a kind noun before a capitalised name marks the name as a body. */
const KIND_THEN_NAME = new RegExp(`\\b(?:charity|union|think[- ]tank|campaign group|pressure group|lobby group|organisation|provider|consultancy|social enterprise)\\s+(${CAP}(?: (?:(?:of|for|and|the|in) )*${CAP})*)`, 'gu');
/** What follows a council's place in its name: " Borough Council", " CC". */
const COUNCIL_KIND = /\s+(?:(?:county|borough|city|district|town|metropolitan borough)\s+)?council$|\s+(?:BC|CC|MBC|LBC|DC|RBC)$/i;
export const isLocalCouncil = (org: string) => COUNCIL_NAME.test(org) && !NATIONAL_WORDS.test(org);

/** One to three capitalised words that are not a job title: the place in "Northshire Fostering Network". */
const PLACE_PREFIX = /^(?!(?:Chair|Chief|Director|Head|President|Vice|Deputy|Senior|National|Former|Acting|Interim)\b)(?:\p{Lu}[\p{L}’'-]*\s+){1,3}$/u;
/** A local authority's name ("Kent County Council", "Tamsford Borough Council"), not a national body called a council. */
const COUNCIL_NAME = /^(?:\p{Lu}[\p{L}’'-]*[ -]){1,4}(?:(?:(?:county|borough|city|district|town|metropolitan borough) )?council|Council)$|^(?:\p{Lu}[\p{L}’'-]*[ -]){1,3}(?:BC|CC|MBC|LBC|DC|RBC)$/u;
const NATIONAL_WORDS = /\b(?:Care|Social|Workforce|Research|Education|Children|Inspection|Standards|Professional|National|British|General|Medical|Nursing|Arts|Sports?|Police|Chiefs|Health|Safeguarding|Advisory|Privy|Security|European|Youth|Schools?)\b/;
const LOCAL_BOARD = /['’]s\s+((?:improvement|safeguarding(?: children)?|scrutiny|corporate parenting|children['’]s (?:services )?improvement) (?:board|partnership|panel|committee))(?![\p{L}])/gu;
const PLACE_BEFORE = /(?<![\p{L}])(\p{Lu}[\p{L}-]+)$/u;

const LOCAL_BODY_HEAD = /^(?:board|partnership|panel|committee|trust|forum|network|commission|agency)$/;
const BRACKETED_ACRONYM = /(?<= )\(([A-Z][A-Za-z]{1,7})\)/g;
/** Up to seven words right before an acronym in brackets, whose long form may be written in lower case. */
const WORDS_BEFORE = /((?:[\p{L}’'-]+ ){1,7})$/u;
const ACRONYM_INTRO = new RegExp(`((?:${CAP})(?: (?:(?:of|for|and|the|in|on) )*${CAP})+) \\(([A-Z][A-Za-z]{1,9})\\)`, 'gu');

/**
 * "the Local Government Association’s Children and Young People Board": a unit of a body already found. Kept as a mention
 * (its words are no one's name), marked as a part so the body itself stays the speaker's organisation.
 */
function partOf(found: OrgMention[], start: number, end: number, s: string): OrgMention[] {
  const parent = found.find((m) => m.start < end && m.end > start && !m.part);
  if (!parent || parent.end >= end) return [];
  const lead = /^(?:['’]s?)?\s+/.exec(s.slice(parent.end, end));
  const at = parent.end + (lead?.[0].length ?? 0);
  return lead && /^\p{Lu}/u.test(s.slice(at, end)) ? [{ start: at, end, org: s.slice(at, end), part: true }] : [];
}

const PERSONISH = /^(?:Sir|Dame|Lord|Lady|Baroness|Cllr|Councillor|Professor|Prof|Dr|Mr|Mrs|Ms|Miss)\b/;

/** "Professor Jane Smith of the University of Leeds" reads as one capitalised run: the body starts after the person's name. */
function bodyOf(run: string): string {
  const first = run.split(' ')[0]!;
  if (!PERSONISH.test(run) && !registries().givenNames.has(first.toLowerCase())) return run;
  const cut = /^.*?\s(?:of|at|from)\s(?:the\s)?(?=\p{Lu})/u.exec(run);
  return cut ? run.slice(cut[0].length) : run;
}

/** Finds organisation mentions in one article; acronyms introduced in the text are learned for that article. */
export class OrgMatcher {
  private readonly learned = new Map<string, string>();
  /** Where the story proper ends (set once its furniture is found). */
  storyEnd = Infinity;
  private learnedRe: RegExp | null = null;

  constructor(private readonly text: string) {
    const { byAlias } = registryAliases();
    for (const m of text.matchAll(ACRONYM_INTRO)) {
      const acr = m[2]!;
      const long = m[1]!.replace(/^(?:The|A|An) /, '');
      const words = long.split(' ').filter((w) => /^[A-Z]/.test(w));
      if (!words.length || words[0]![0] !== acr[0] || byAlias.has(acr)) continue;
      const known = [...long.matchAll(registryAliases().re)].at(-1);
      this.learned.set(acr, known && known.index + known[0].length === long.length ? byAlias.get(known[0])! : long);
    }
    this.learnLowerCase(text);
    // The long form of an unlisted acronym is a name of the same body.
    for (const org of [...this.learned.values()]) if (!registries().orgByShort.has(org)) this.learned.set(org, org);
    if (this.learned.size) {
      const keys = [...this.learned.keys()].sort((a, b) => b.length - a.length).map(escape);
      this.learnedRe = new RegExp(`(?<![\\p{L}])(?:${keys.join('|')})(?![\\p{L}])`, 'gu');
    }
  }

  /**
   * "the Caldbeck local safeguarding children board (LSCB)": the Guardian writes a local body in lower case; the words whose
   * initials spell the acronym (and a place before them) are its name, written as a name.
   */
  private learnLowerCase(text: string): void {
    const FN = /^(?:of|for|and|the|in|on)$/;
    // Brackets first, then the words before them: a scan for the words themselves would try every position of the body.
    for (const b of text.matchAll(BRACKETED_ACRONYM)) {
      const acr = b[1]!;
      if (this.learned.has(acr) || registryAliases().byAlias.has(acr)) continue;
      const m = WORDS_BEFORE.exec(text.slice(Math.max(0, b.index - 100), b.index));
      if (!m) continue;
      const words = m[1]!.trim().split(' ');
      // The shortest run of lower-case words before the brackets whose initials spell the acronym.
      let k = 1;
      const initials = (n: number) => words.slice(-n).filter((w) => !FN.test(w)).map((w) => w[0]).join('').toUpperCase();
      while (k < words.length && initials(k) !== acr.toUpperCase()) k++;
      const run = words.slice(-k);
      if (initials(k) !== acr.toUpperCase() || !run.every((w) => /^[a-z’'-]+$/.test(w)) || !LOCAL_BODY_HEAD.test(run.at(-1)!)) continue;
      // Only a local body with its place: "the director of children's services (DCS)" or "a serious case review (SCR)"
      // are posts and documents, and "the local safeguarding children board (LSCB)" alone is any area's.
      const place = words.length > k && /^\p{Lu}/u.test(words.at(-k - 1)!) && !/^(?:The|A|An|In|At|By|Of|For)$/.test(words.at(-k - 1)!) ? `${words.at(-k - 1)} ` : '';
      if (!place) continue;
      const written = place + run.join(' ');
      const name = place + run.map((w) => (FN.test(w) ? w : w[0]!.toUpperCase() + w.slice(1))).join(' ');
      for (const key of [acr, written, name]) this.learned.set(key, name);
    }
  }

  /** The local authority the article names (most often), or the one whose name starts with `place` ("Tamsford" → "Tamsford Borough Council"). */
  council(place?: string): string | null {
    return this.mostMentioned((org) => isLocalCouncil(org) && (!place || org.startsWith(`${place} `)));
  }

  /**
   * "The CST was more positive. Its chief executive, …": the first body named in the sentence before offset `at`; the body
   * that opens the same sentence comes first ("X Council will not appeal, according to its leader, …").
   */
  ownerBefore(at: number): string | null {
    this.all ??= this.scan(this.text);
    const first = (from: number) => this.all!.find((m) => !m.part && m.start >= from && m.end <= at) ?? null;
    // Only the subject of its own sentence: a body that opens it ("X Council will not appeal …, according to its leader").
    const own = this.sentenceBefore(at, 1);
    const subject = first(own);
    if (subject && /^\s*(?:(?:The|the)\s+)?$/.test(this.text.slice(own, subject.start))) return subject.org;
    return first(this.sentenceBefore(at))?.org ?? null;
  }

  /** Where the sentence `back` sentences before the one holding `at` starts (looking back at most 400 characters). */
  sentenceBefore(at: number, back = 2): number {
    const base = Math.max(0, at - 400);
    const ends = [...this.text.slice(base, at).matchAll(/[.!?]["”’')]*\s+|\n\s*/g)].map((m) => base + m.index + m[0].length);
    return ends.length >= back ? ends.at(-back)! : base;
  }

  /** The body text between `from` and `to`. */
  slice(from: number, to: number): string {
    return this.text.slice(from, to);
  }

  /** The organisation the article mentions most among those that pass `fits`. */
  /** Bodies named in the story count; the job adverts and teasers below it only when the story names none that fits. */
  mostMentioned(fits: (org: string) => boolean): string | null {
    return this.mostMentionedBefore(fits, this.storyEnd) ?? (this.storyEnd < this.text.length ? this.mostMentionedBefore(fits, Infinity) : null);
  }

  private mostMentionedBefore(fits: (org: string) => boolean, before: number): string | null {
    this.all ??= this.scan(this.text);
    const counts = new Map<string, number>();
    for (const m of this.all) if (!m.part && m.start < before && fits(m.org)) counts.set(m.org, (counts.get(m.org) ?? 0) + 1);
    // The story's council is also named by its place alone ("Ashvale's board", "joined Ashvale"), while a job
    // advert below the story names another council in full: a council counts its place's mentions.
    for (const [org, n] of counts) if (isLocalCouncil(org)) counts.set(org, Math.max(n, this.placeMentions(org, before)));
    return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
  }

  private placeMentions(council: string, before: number): number {
    const place = council.replace(COUNCIL_KIND, '');
    return place === council ? 0 : this.text.slice(0, before).split(new RegExp(`(?<![\\p{L}])${escape(place)}(?![\\p{L}])`, 'u')).length - 1;
  }

  /** Mentions within `s`, a stretch of the body starting at offset `base` (blanked parts of `s` hold none). */
  find(s: string, base: number): OrgMention[] {
    this.all ??= this.scan(this.text);
    const end = base + s.length;
    return this.all.filter((m) => m.start >= base && m.end <= end && s.startsWith(this.text.slice(m.start, m.end), m.start - base));
  }

  private all: OrgMention[] | null = null;

  /** Every mention in the body, found once: registry aliases win over learned acronyms, which win over unlisted names. */
  private scan(s: string): OrgMention[] {
    const { re, byAlias } = registryAliases();
    const out: OrgMention[] = [];
    const taken = (a: number, b: number) => out.some((m) => a < m.end && b > m.start);
    // "the Society", "the Council" in a body's own release: a capitalised common noun for a body in play, not a name.
    const unlisted = [...s.matchAll(UNLISTED)].map((m) => {
      const name = bodyOf(m[0].replace(LEADING_WORDS, ''));
      const at = m.index + m[0].length - name.length;
      return { start: at, end: at + name.length, org: name };
    }).filter((u) => u.org.includes(' '));
    for (const m of s.matchAll(re)) {
      // "Northshire Fostering Network" is a local body of its own, not the national one whose name it ends with.
      if (unlisted.some((u) => u.start < m.index && u.end >= m.index + m[0].length && PLACE_PREFIX.test(s.slice(u.start, m.index)))) continue;
      out.push({ start: m.index, end: m.index + m[0].length, org: byAlias.get(m[0])! });
    }
    if (this.learnedRe) for (const m of s.matchAll(this.learnedRe)) {
      if (!taken(m.index, m.index + m[0].length)) out.push({ start: m.index, end: m.index + m[0].length, org: this.learned.get(m[0])! });
    }
    // "Tennington’s improvement board": a local body named by its place's possessive, written as "Tennington improvement board".
    for (const m of s.matchAll(LOCAL_BOARD)) {
      const place = PLACE_BEFORE.exec(s.slice(Math.max(0, m.index - 40), m.index))?.[1];
      const at = m.index - (place?.length ?? 0);
      if (place && !taken(at, m.index + m[0].length)) out.push({ start: at, end: m.index + m[0].length, org: `${place} ${m[1]}` });
    }
    for (const m of s.matchAll(NAME_THEN_KIND)) {
      const name = m[1]!.replace(LEADING_WORDS, '');
      const at = m.index + m[1]!.length - name.length;
      if (!taken(at, at + name.length) && name) out.push({ start: at, end: at + name.length, org: name });
    }
    for (const m of s.matchAll(KIND_THEN_NAME)) {
      const at = m.index + m[0].length - m[1]!.length;
      if (!taken(at, at + m[1]!.length) && !/^(?:The|A|An)$/.test(m[1]!)) out.push({ start: at, end: at + m[1]!.length, org: m[1]! });
    }
    for (const u of unlisted) {
      if (!taken(u.start, u.end)) out.push(u);
      else out.push(...partOf(out, u.start, u.end, s));
    }
    return out.sort((a, b) => a.start - b.start);
  }
}
