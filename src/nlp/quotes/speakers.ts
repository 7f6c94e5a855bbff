// Turns a speaker phrase into a speaker, using what the article has said so far: pronouns, surnames, roles, institutions.
import { organisationSpeakerName, registries } from '../registries.ts';
import { representsGroup } from './groups.ts';
import { GENERIC_ORG_NOUNS } from './lexicon.ts';
import { isLocalCouncil } from './orgs.ts';
import type { ArticlePeople, Person } from './people.ts';
import type { SpeakerRef } from './speaker-ref.ts';

export interface Speaker {
  name: string | null;
  org: string | null;
  role: string | null;
  person: Person | null;
  /** Named as the subject of narrative, not quoted: a pronoun may point here, a floating quote may not. */
  topic?: boolean;
  /** Speaks through a document ("the letter"): "it" may point here. */
  doc?: boolean;
}

/** Sources that, unnamed, speak for the article's inspectorate; a bare "survey" or "study" could be anyone's. */
const DEFAULT_INSTITUTION = new Set(['inspectors', 'inspectorate', 'inspectorates', 'watchdog', 'regulator', 'report', 'review', 'findings', 'consultation']);

const SPOKES = /^spokes(?:person|man|woman)$/;

/** Data a page's publisher puts out ("The figures, published today, show that …"). */
const PUBLISHED_DATA = new Set(['figures', 'data', 'statistics', 'outcomes', 'results', 'analysis']);

/** Generic nouns that only ever mean a body whose name contains them ("the council" is a council, "the trust" a trust). */
const NAMED_ONLY = new Set(['council', 'authority', 'trust', 'foundation', 'partnership', 'network', 'forum', 'panel', 'board']);

export class SpeakerState {
  private readonly history: Speaker[] = [];
  /** The body each source noun ("survey", "report") was last said to come from. */
  private readonly sources = new Map<string, string>();
  /** The group a source noun was last said to come from ("an open letter signed by 40 directors … The letter adds"). */
  private readonly groupSources = new Map<string, Speaker>();
  /** The body whose page this is ("From: Ofsted" on GOV.UK): "the figures" it publishes are its own. */
  publisher: string | null = null;
  /** The body the article names anywhere as a source's publisher ("The review, published by X,"), by source noun. */
  namedPublishers = new Map<string, string>();

  constructor(
    private readonly people: ArticlePeople,
    /** The organisation that "inspectors", "the report" or "the watchdog" speak for when the phrase names none. */
    private readonly institutionOrg: string | null,
    /** The body of a kind the article names most, for "the council" or "the union" before any such body has spoken. */
    private readonly articleOrg: (fits: (org: string) => boolean) => string | null = () => null,
  ) {}

  /** Resolves a phrase to a speaker; null when it cannot be tied to anyone (an unresolvable pronoun). */
  resolve(ref: SpeakerRef): Speaker | null {
    switch (ref.type) {
      case 'person': {
        // A lone capitalised word ("Campaigners", "Wilshaw") names someone only if the article has named them in full.
        const bare = !ref.mention.given && !ref.mention.title;
        const p = bare ? this.people.resolveBare(ref.mention) : this.people.resolve(ref.mention);
        if (!p) return null;
        const owner = !ref.org && ref.orgNoun ? this.ownerOf(ref.orgNoun) : null;
        this.people.describe(p, ref.org ?? owner, ref.role);
        return fromPerson(p);
      }
      case 'pronoun':
        return this.pronoun(ref.pronoun, ref.at);
      case 'kin': {
        const of = this.pronoun(ref.pronoun)?.person;
        return of ? { name: `${of.name}'s ${ref.noun}`, org: null, role: null, person: null } : null;
      }
      case 'role': {
        if (ref.later) return fromNullable(this.people.namedLater(ref.role, ref.at ?? -1));
        const org = ref.org ?? (ref.orgNoun ? this.generic(ref.orgNoun)?.org ?? null : null);
        const p = this.people.byRole(org, ref.role, ref.at ?? -1);
        if (p) return fromPerson(p);
        // A post nobody in the article holds speaks for its body ("The SOLACE President said" → SOLACE, as the annotators
        // write it); a post with no body ("the director said") names nobody.
        return org ? { name: organisationSpeakerName(org), org, role: ref.role, person: null } : null;
      }
      case 'org':
        return { name: organisationSpeakerName(ref.org), org: ref.org, role: ref.role, person: null };
      case 'generic':
        return this.generic(ref.noun);
      case 'group':
        return this.group(ref);
      case 'institution': {
        // "a survey by the Trust … The survey found": the same source the article named before.
        const signed = ref.org ? null : this.groupSources.get(ref.noun);
        if (signed) return signed;
        // "a union survey": the body of that kind in play.
        const owner = !ref.org && ref.orgNoun ? this.generic(ref.orgNoun)?.org ?? null : null;
        // "the watchdog's figures", "the inspection report": the inspectorate's, whoever published the last "figures".
        const inspection = ref.inspection ? this.institutionOrg : null;
        const org = ref.org ?? owner ?? inspection ?? this.sources.get(sourceKind(ref.noun)) ?? this.namedPublishers.get(sourceKind(ref.noun)) ?? (DEFAULT_INSTITUTION.has(ref.noun) ? this.institutionOrg : null) ?? (PUBLISHED_DATA.has(ref.noun) ? this.publisher : null);
        if (ref.org) this.sources.set(sourceKind(ref.noun), ref.org);
        return org ? { name: organisationSpeakerName(org), org, role: ref.noun, person: null } : null;
      }
    }
  }

  /** The body a generic noun ("the council's") or a possessive pronoun ("His deputy") points to. */
  private ownerOf(noun: string): string | null {
    if (noun === 'his' || noun === 'her') return this.pronoun(noun === 'his' ? 'he' : 'she')?.org ?? null;
    return this.generic(noun)?.org ?? null;
  }

  /**
   * he/she: the latest speaker of that gender among the last few, else the latest of unknown gender, else the last person
   * of that gender the article named before the pronoun (never one named only later: a teaser's byline, a name below);
   * they/it: the latest organisation.
   */
  private pronoun(p: string, at = Infinity): Speaker | null {
    const want = p === 'he' ? 'm' : p === 'she' ? 'f' : null;
    if (!want) {
      if (p !== 'they' && p !== 'it') return null;
      const back = [...this.history].reverse();
      const found = back.find((s) => !s.person || s.doc) ?? null;
      // "“…,” it said in a statement." right after the council's leader spoke: the leader's body, not one that spoke before.
      const last = back.find((s) => !s.topic);
      const org = p === 'it' && last?.person?.org && !last.doc && last !== found ? last.person.org : null;
      if (org) return { name: organisationSpeakerName(org), org, role: null, person: null };
      return found?.doc ? { ...found, doc: false } : found;
    }
    const people = [...this.history].reverse().filter((s) => s.person);
    const recent = people.filter((s, i) => people.findIndex((x) => x.person === s.person) === i).slice(0, 3);
    const pick = recent.find((s) => (s.person!.gender ?? want) === want) ?? people.find((s) => s.person!.gender === null);
    if (pick) {
      pick.person!.gender ??= want;
      return pick.topic ? fromPerson(pick.person!) : pick;
    }
    const person = [...this.people.people].reverse().find((x) => x.gender === want && x.mentions.some((m) => m < at));
    return person ? fromPerson(person) : null;
  }

  /** "the union", "the trust": the latest organisation in play of that kind, else the one of that kind the article names most. */
  private generic(noun: string): Speaker | null {
    const kinds = GENERIC_ORG_NOUNS[noun];
    // A local authority is "X Council" ("Council of Directors …" is a membership body, not a council).
    const named = (org: string) => (noun === 'council' || noun === 'authority' ? isLocalCouncil(org) : org.toLowerCase().includes(noun));
    const fits = (org: string) => {
      const kind = registries().orgByShort.get(org)?.kind;
      return kinds ? (kind ? kinds.includes(kind) : named(org)) : named(org) || !NAMED_ONLY.has(noun);
    };
    for (let i = this.history.length - 1; i >= 0; i--) {
      const org = this.history[i]!.person?.org ?? this.history[i]!.org;
      // "the spokesperson added": the body that spoke last, through its spokesperson.
      if (org && fits(org)) return { name: organisationSpeakerName(org), org, role: SPOKES.test(noun) ? 'spokesperson' : null, person: null };
    }
    // Only a noun that says what kind of body it is may reach forward; "the spokesperson" could be anyone's.
    const org = kinds || NAMED_ONLY.has(noun) ? this.articleOrg(fits) : null;
    return org ? { name: organisationSpeakerName(org), org, role: null, person: null } : null;
  }

  /**
   * "Local authorities say": the body the article names that speaks for them (the LGA), else the group itself;
   * "Directors' leader says": that body's leader, as a post without a name resolves.
   */
  private group(ref: SpeakerRef & { type: 'group' }): Speaker | null {
    const org = this.articleOrg((o) => representsGroup(o, ref.noun));
    if (!ref.leader) {
      const sp = org ? { name: organisationSpeakerName(org), org, role: ref.source ?? null, person: null } : { name: ref.noun, org: null, role: ref.source ?? null, person: null };
      if (ref.source) this.groupSources.set(ref.source, sp);
      return sp;
    }
    if (!org) return null;
    return this.resolve({ type: 'role', role: registries().orgByShort.get(org)?.leaderRole ?? 'leader', org, at: ref.at });
  }

  /** The body that published a document ("ADCS has published a paper"): "The paper finds" is theirs. */
  noteSource(noun: string, org: string): void {
    this.sources.set(sourceKind(noun), org);
  }

  /** A document and who speaks through it ("the letter … is signed by X"): "the letter says" and "It says" are X's. */
  noteDocument(noun: string, s: Speaker): void {
    this.groupSources.set(noun, s);
    this.history.push({ ...s, doc: true });
  }

  remember(s: Speaker): void {
    this.history.push(s);
  }

  /** Someone the narrative is about ("Her manager, Paul Reid, disagrees."): a later "he" may mean them. */
  mention(p: Person): void {
    this.history.push({ ...fromPerson(p), topic: true });
  }

  last(): Speaker | null {
    for (let i = this.history.length - 1; i >= 0; i--) if (!this.history[i]!.topic) return this.history[i]!;
    return null;
  }
}

/** "a poll by the NAHT … The survey of 1,200 heads found": one source under two names. */
const sourceKind = (noun: string) => (noun === 'poll' ? 'survey' : noun === 'research' ? 'study' : noun);

const fromNullable = (p: Person | null) => (p ? fromPerson(p) : null);

function fromPerson(p: Person): Speaker {
  return { name: p.name, org: p.org, role: p.role, person: p };
}
