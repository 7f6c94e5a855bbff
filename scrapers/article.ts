// Article pages of any site: shared metadata (JSON-LD, OpenGraph, <time>, rel=canonical) plus the main text
// found by @mozilla/readability over linkedom (fast, no layout engine). One parse per page: the metadata is read
// from the document Readability then works on, and the text from the element it returns (no HTML round trip).
// Pure: HTML + URL in, article out.
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { chooseCanonicalUrl } from '../src/pipeline/canonical-url.ts';
import type { ScrapedArticle } from '../src/types.ts';
import { readMetadata, type MetadataDocument } from './article-metadata.ts';
import { stripNonText } from './html-strip.ts';
import { blockText } from './html-text.ts';

/** Below this many characters a page without article metadata is not taken for an article. */
const MIN_TEXT_CHARS = 200;
/** Visible text shorter than this may be a teaser; other signs decide (see looksLikeTeaser). */
const TEASER_CHARS = 600;
/** Class or id markers that sites and paywall vendors put around locked content (a string test: no DOM walk). */
const PAYWALL_MARKER =
  /\b(?:class|id)\s*=\s*["'][^"']*\b(?:paywall|piano-|subscriber-only|premium-content|regwall|registration-wall|article-locked)/i;

/**
 * Extracts one article from an HTML page, or null when the page holds no article
 * (an index page, an error page, an empty shell).
 */
export function extractArticle(html: string, url: string): ScrapedArticle | null {
  if (!html.trim()) return null;
  const page = stripNonText(html);
  // linkedom builds no document element from a bare fragment; Readability needs one.
  const { document } = parseHTML(/<html[\s>]/i.test(page) ? page : `<!doctype html><html><body>${page}</body></html>`);
  const meta = readMetadata(document as unknown as MetadataDocument, url);
  const paywallMarked = PAYWALL_MARKER.test(html);
  const parsed = new Readability<Element>(document as unknown as Document, {
    disableJSONLD: true,
    serializer: (el) => el as Element,
  }).parse();
  let text = parsed?.content ? blockText(parsed.content as never) : '';
  const title = meta.title ?? parsed?.title?.trim() ?? '';

  if (text.length < MIN_TEXT_CHARS && !meta.isArticle) return null;
  if (!text && meta.description) text = meta.description;
  if (!text || !title) return null;

  return {
    url,
    canonicalUrl: meta.canonicalUrl ? chooseCanonicalUrl(url, meta.canonicalUrl) : null,
    title,
    standfirst: meta.description,
    published: meta.published ?? normalisedReadabilityDate(parsed?.publishedTime),
    modified: meta.modified,
    byline: meta.byline ?? (parsed?.byline?.trim() || null),
    text,
    raw: html,
    rawType: 'html',
    partial: meta.paywalled || paywallMarked || looksLikeTeaser(text, meta.description),
  };
}

/** A short text that trails off ("…") or is no more than the page's own description is what a paywall lets through. */
function looksLikeTeaser(text: string, description: string | null): boolean {
  if (text.length >= TEASER_CHARS) return false;
  if (/(\.\.\.|…)\s*$/.test(text)) return true;
  const norm = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();
  return !!description && norm(description).startsWith(norm(text).slice(0, 200));
}

function normalisedReadabilityDate(v: string | null | undefined): string | null {
  if (!v) return null;
  const d = new Date(v);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}
