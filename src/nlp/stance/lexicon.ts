// Loads the stance lexicons from data/stance/*.json once and compiles them into pattern sets.
import { readFileSync } from 'node:fs';
import { PatternSet } from './patterns.ts';

export const CUE_CATEGORIES = ['endorse', 'welcome', 'criticise', 'remove', 'verdict', 'sectorPraise', 'concern', 'takeUp', 'selfPraise', 'rebuttal', 'preface', 'remit', 'doubt', 'servicePraise', 'disown', 'ownUp'] as const;
export type CueCategory = (typeof CUE_CATEGORIES)[number];
export type ModifierKind = 'negator' | 'rejection' | 'ignore' | 'intensifier' | 'hedge' | 'pivot' | 'concessive';

export interface CueDef {
  kind: CueCategory | ModifierKind;
  phrase: string;
  weight: number;
  /** A term set (terms.json) that must occur within NEAR_WINDOW tokens. */
  near?: string;
  /** Counts only as the reporting verb right before an indirect quote ("Directors criticised [the decision]"). */
  lead?: boolean;
}

type Entry = string | { p: string; w?: number; near?: string; lead?: boolean };

interface CuesFile {
  categories: Record<CueCategory, { entries: Entry[] }>;
}
interface ModifiersFile {
  negationScope: number;
  negators: string[];
  subjectNegators: { phrases: string[]; scope: number; notBefore: string[] };
  rejections: string[];
  ignore: string[];
  intensifiers: string[];
  hedges: string[];
  contrast: { pivot: string[]; concessive: string[] };
}
interface TermsFile {
  sets: Record<string, { terms: string[] }>;
}
interface FramesFile {
  conflict: string[];
  rebuttalLeadIn: string[];
  inspectorate: { orgs: string[]; speakers: string[]; roles: string[] };
  government: { orgs: string[]; roles: string[] };
  anaphora: string[];
  stanceVerbs: string[];
}

export interface Lexicon {
  cues: PatternSet<CueDef>;
  terms: PatternSet<string>;
  termSets: string[];
  conflict: PatternSet<true>;
  rebuttalLeadIn: PatternSet<true>;
  negationScope: number;
  /** Negative subjects ("nobody"), matched apart from the cues: they negate their whole clause up to their own scope. */
  subjectNegators: PatternSet<CueDef>;
  subjectNegation: { scope: number; notBefore: Set<string> };
  inspectorate: FramesFile['inspectorate'];
  government: FramesFile['government'];
  anaphora: Set<string>;
  /** A reporting verb that carries a position, at the end of a lead-in ("The LGA welcomed "). */
  stanceVerbBefore: RegExp;
  /** Any regime term, as one regex: a cheap whole-article test. */
  targetRegex: RegExp;
}

const readJson = <T>(name: string): T => JSON.parse(readFileSync(new URL(`../../../data/stance/${name}`, import.meta.url), 'utf8')) as T;

function buildCues(cues: CuesFile, mods: ModifiersFile): PatternSet<CueDef> {
  const set = new PatternSet<CueDef>();
  for (const category of CUE_CATEGORIES) {
    for (const e of cues.categories[category].entries) {
      const def = typeof e === 'string' ? { p: e } : e;
      set.add(def.p, { kind: category, phrase: def.p, weight: def.w ?? 1, near: def.near, lead: def.lead });
    }
  }
  const modifiers: [ModifierKind, string[]][] = [
    ['ignore', mods.ignore],
    ['negator', mods.negators],
    ['rejection', mods.rejections],
    ['intensifier', mods.intensifiers],
    ['hedge', mods.hedges],
    ['pivot', mods.contrast.pivot],
    ['concessive', mods.contrast.concessive],
  ];
  for (const [kind, phrases] of modifiers) for (const p of phrases) set.add(p, { kind, phrase: p, weight: 1 });
  return set;
}

/** Phrases as one case-insensitive regex: words joined by spaces or hyphens, a trailing "*" matching any ending. */
function phrasesRegex(phrases: string[]): RegExp {
  const alt = phrases.map((p) =>
    p.split(/\s+/).map((w) => w.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/'/g, "['\u2019]").replace(/\*$/, '[a-z]*')).join("[\\s\\-]+"),
  );
  return new RegExp(`\\b(?:${alt.join('|')})\\b`, 'i');
}

function subjectNegators(phrases: string[]): PatternSet<CueDef> {
  const set = new PatternSet<CueDef>();
  for (const p of phrases) set.add(p, { kind: 'negator', phrase: p, weight: 1 });
  return set;
}

function phraseSet(phrases: string[]): PatternSet<true> {
  const set = new PatternSet<true>();
  for (const p of phrases) set.add(p, true);
  return set;
}

function load(): Lexicon {
  const terms = readJson<TermsFile>('terms.json');
  const frames = readJson<FramesFile>('frames.json');
  const mods = readJson<ModifiersFile>('modifiers.json');
  const termSet = new PatternSet<string>();
  for (const [name, { terms: list }] of Object.entries(terms.sets)) for (const t of list) termSet.add(t, name);
  return {
    cues: buildCues(readJson<CuesFile>('cues.json'), mods),
    terms: termSet,
    termSets: Object.keys(terms.sets),
    conflict: phraseSet(frames.conflict),
    rebuttalLeadIn: phraseSet(frames.rebuttalLeadIn),
    negationScope: mods.negationScope,
    subjectNegators: subjectNegators(mods.subjectNegators.phrases),
    subjectNegation: { scope: mods.subjectNegators.scope, notBefore: new Set(mods.subjectNegators.notBefore) },
    inspectorate: frames.inspectorate,
    government: frames.government,
    anaphora: new Set(frames.anaphora),
    stanceVerbBefore: new RegExp(`${phrasesRegex(frames.stanceVerbs).source}(?:\\s+that)?[\\s"'\u2018\u201c]*$`, 'i'),
    targetRegex: phrasesRegex(terms.sets.target?.terms ?? []),
  };
}

export const LEXICON: Lexicon = load();
