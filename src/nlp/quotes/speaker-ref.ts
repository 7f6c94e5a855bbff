// The kinds of thing a speaker phrase can denote, and the per-article context the phrase readers share.
import type { NameMention } from './names.ts';
import type { OrgMatcher } from './orgs.ts';

export type SpeakerRef =
  | { type: 'person'; mention: NameMention; role: string | null; org: string | null; orgNoun?: string }
  /** `at`: where the pronoun stands; it never points to someone the article names only after it. */
  | { type: 'pronoun'; pronoun: string; at?: number }
  | { type: 'kin'; pronoun: string; noun: string }
  /** `later`: an indefinite post ("A council chief executive has accused …") that the story names in the paragraphs after. */
  | { type: 'role'; role: string; org: string | null; orgNoun?: string; at?: number; later?: boolean }
  | { type: 'org'; org: string; role: string | null }
  /** `inspection`: a document of inspection ("inspection outcomes", "the inspection report"), the inspectorate's when unnamed. */
  | { type: 'institution'; noun: string; org: string | null; orgNoun?: string; inspection?: boolean }
  | { type: 'generic'; noun: string }
  | { type: 'group'; noun: string; leader: boolean; at: number; source?: string };

export interface PhraseContext {
  orgs: OrgMatcher;
  /** Per-article memo of readPhrase, keyed by offset and text: the same phrase is read by several patterns. */
  memo?: Map<string, SpeakerRef | null>;
}

/** The same phrase is read by several patterns (a sentence and each of its clauses): read it once per article. */
export function memoised(ctx: PhraseContext, key: string, read: () => SpeakerRef | null): SpeakerRef | null {
  if (!ctx.memo) return read();
  if (!ctx.memo.has(key)) ctx.memo.set(key, read());
  return ctx.memo.get(key)!;
}
