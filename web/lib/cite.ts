// "Cite this": a formatted reference and a BibTeX entry for a quote, with its permalink and the retrieval date.
import { formatDate } from './dates.ts';

export interface CiteInput {
  id: number;
  permalink: string;
  text: string;
  /** Only a direct quote is put between quotation marks; reported speech is the reporter's words. */
  direct: boolean;
  speaker: string | null;
  role: string | null;
  organisation: string | null;
  articleTitle: string;
  articleUrl: string | null;
  source: string | null;
  published: string | null;
  retrieved: Date;
}

export function citation(c: CiteInput): string {
  const who = [c.speaker ?? 'Unattributed speaker', [c.role, c.organisation].filter(Boolean).join(', ')].filter(Boolean);
  const by = who.length > 1 ? `${who[0]} (${who[1]})` : who[0];
  const where = [`“${c.articleTitle}”`, c.source, c.published ? formatDate(c.published) : 'date unknown'].filter(Boolean).join(', ');
  const original = c.articleUrl ? ` Original article: ${c.articleUrl}.` : '';
  return `${by}, quoted in ${where}.${original} stancewatch quote ${c.id}: ${c.permalink} (retrieved ${formatDate(c.retrieved.toISOString())}).`;
}

const BIB_SPECIAL: Record<string, string> = {
  '\\': '\\textbackslash{}', '{': '\\{', '}': '\\}', '%': '\\%', '&': '\\&', $: '\\$', '#': '\\#', _: '\\_', '^': '\\^{}', '~': '\\~{}',
};

export function bibEscape(s: string): string {
  return s.replace(/[\\{}%&$#_^~]/g, (ch) => BIB_SPECIAL[ch]!).replace(/[\r\n]+/g, ' ');
}

// \url{} tolerates most URL characters, but braces and backslashes would end or escape it.
const bibUrl = (u: string) => u.replace(/[{}\\\s]/g, (ch) => encodeURIComponent(ch));

export function bibtex(c: CiteInput): string {
  const short = c.text.length > 200 ? `${c.text.slice(0, 197)}…` : c.text;
  const fields: [string, string][] = [
    ['author', `{${bibEscape(c.speaker ?? 'Unattributed')}}`],
    ['title', `{${bibEscape(c.direct ? `“${short}”` : short)}}`],
    ['howpublished', `\\url{${bibUrl(c.permalink)}}`],
    ['note', `Quoted in ${bibEscape(`“${c.articleTitle}”`)}${c.source ? `, ${bibEscape(c.source)}` : ''}${c.articleUrl ? `, \\url{${bibUrl(c.articleUrl)}}` : ''}. Retrieved ${c.retrieved.toISOString().slice(0, 10)}`],
  ];
  if (c.published) fields.push(['year', c.published.slice(0, 4)]);
  if (c.published && c.published.length >= 7) fields.push(['month', String(Number(c.published.slice(5, 7)))]);
  return `@misc{stancewatch-quote-${c.id},\n${fields.map(([k, v]) => `  ${k} = {${v}}`).join(',\n')}\n}`;
}
