// Which side a speaker is on: an inspectorate's own people (Ofsted, its chief inspector, "inspectors") or everyone else.
import type { ArticleContext, ExtractedQuote } from '../../types.ts';
import { LEXICON } from './lexicon.ts';
import type { Side } from './resolve.ts';
import type { SpeakerSide } from './classifier-features.ts';

const norm = (s: string | null | undefined) => (s ?? '').toLowerCase().replace(/[\u2018\u2019]/g, "'").replace(/\s+/g, ' ').trim();
const wordsRegex = (words: string[]) => new RegExp(`(^|[^a-z])(${words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})($|[^a-z])`);
const ORG = wordsRegex(LEXICON.inspectorate.orgs);
const ROLE = wordsRegex(LEXICON.inspectorate.roles);
const GOVERNMENT_ORGS = new Set(LEXICON.government.orgs);
const GOVERNMENT_ROLE = wordsRegex(LEXICON.government.roles);
// An unattributed-organisation speaker named right after an inspectorate title ("Ofsted's chief inspector, Sir X Y").
const TITLE_BEFORE = /\b(ofsted|chief inspector|inspectorate|hmci)\b[^.!?\n]{0,40}$/i;

export function speakerSide(quote: ExtractedQuote, ctx: ArticleContext): Side {
  const org = norm(quote.speakerOrg);
  if (org) return ORG.test(org) ? 'inspectorate' : 'sector';
  if (LEXICON.inspectorate.speakers.includes(norm(quote.speaker))) return 'inspectorate';
  const role = norm(quote.speakerRole);
  if (role && ROLE.test(role)) return 'inspectorate';
  return namedAfterInspectorateTitle(quote.speaker, ctx) ? 'inspectorate' : 'sector';
}

function namedAfterInspectorateTitle(speaker: string | null, ctx: ArticleContext): boolean {
  const surname = speaker?.trim().split(/\s+/).pop();
  if (!surname || surname.length < 3) return false;
  for (let i = ctx.text.indexOf(surname); i >= 0; i = ctx.text.indexOf(surname, i + surname.length)) {
    if (TITLE_BEFORE.test(ctx.text.slice(Math.max(0, i - 60), i))) return true;
  }
  return false;
}

/**
 * The side the statistical fallback models: the rules' two sides, with ministers and their departments apart from the
 * sector (they set the regime's policy rather than being inspected, and argue for it in their own words).
 */
export function modelSide(quote: ExtractedQuote, side: Side): SpeakerSide {
  if (side === 'inspectorate') return side;
  if (GOVERNMENT_ORGS.has(norm(quote.speakerOrg)) || GOVERNMENT_ORGS.has(norm(quote.speaker))) return 'government';
  const role = norm(quote.speakerRole);
  return GOVERNMENT_ROLE.test(role) && !role.includes('shadow') ? 'government' : 'sector';
}
