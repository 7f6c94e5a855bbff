// Plain paragraph text from an HTML fragment that an API or feed hands us (content.rendered, details.body, ...).
import { parseHTML } from 'linkedom';
import { blockText } from './html-text.ts';

export function fragmentText(html: string | null | undefined): string {
  if (!html?.trim()) return '';
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  return blockText(document.body as never);
}

/** Decodes entities and drops tags in a one-line field (a title, an excerpt). */
export function inlineText(html: string | null | undefined): string {
  return fragmentText(html).replace(/\s+/g, ' ').trim();
}
