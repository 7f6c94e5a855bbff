// Article metadata that sites share regardless of their layout: JSON-LD, OpenGraph, <time>, rel=canonical.
// Scraped values are untrusted: every field is checked for type and trimmed, dates are normalised or dropped.
import { normaliseWhitespace } from './html-text.ts';
import { httpUrl } from './urls.ts';

export interface ArticleMetadata {
  title: string | null;
  description: string | null;
  published: string | null;
  modified: string | null;
  byline: string | null;
  canonicalUrl: string | null;
  /** JSON-LD or og:type says this page is an article. */
  isArticle: boolean;
  /** The page declares itself paywalled (isAccessibleForFree: false or a locked content tier). */
  paywalled: boolean;
}

type Json = unknown;
const ARTICLE_TYPE = /(Article|BlogPosting|NewsArticle|Report|LiveBlogPosting)$/;

interface El {
  localName: string;
  getAttribute(n: string): string | null;
  textContent: string | null;
}
/** The part of a DOM document read here (linkedom's and the browser's both fit). */
export interface MetadataDocument {
  createTreeWalker(root: MetadataDocument, whatToShow: number): { nextNode(): El | null };
}
type ByTag = Map<string, El[]>;

const SHOW_ELEMENT = 1;
const TAGS = ['script', 'meta', 'time', 'link', 'title'];

/** The elements read here, grouped by tag, in one walk over the document (a lookup per tag would walk it each time). */
function elementsByTag(doc: MetadataDocument): ByTag {
  const byTag: ByTag = new Map(TAGS.map((t) => [t, []]));
  const walker = doc.createTreeWalker(doc, SHOW_ELEMENT);
  for (let el = walker.nextNode(); el; el = walker.nextNode()) byTag.get(el.localName.toLowerCase())?.push(el);
  return byTag;
}

/** Parses an ISO-ish date into a UTC ISO timestamp; anything unparseable is null. */
export function normaliseDate(value: Json): string | null {
  if (typeof value !== 'string' || !value.trim()) return null;
  const d = new Date(value.trim());
  if (Number.isNaN(d.getTime())) return null;
  const year = d.getUTCFullYear();
  return year >= 1990 && year <= 2100 ? d.toISOString() : null;
}

function str(value: Json): string | null {
  if (typeof value === 'string') return normaliseWhitespace(value) || null;
  if (Array.isArray(value)) return str(value[0]);
  return null;
}

function jsonLdNodes(scripts: El[]): Record<string, Json>[] {
  const out: Record<string, Json>[] = [];
  const visit = (v: Json) => {
    if (Array.isArray(v)) v.forEach(visit);
    else if (v && typeof v === 'object') {
      const o = v as Record<string, Json>;
      out.push(o);
      if (o['@graph']) visit(o['@graph']);
    }
  };
  for (const script of scripts) {
    if (script.getAttribute('type')?.trim().toLowerCase() !== 'application/ld+json') continue;
    try {
      visit(JSON.parse(script.textContent ?? ''));
    } catch {
      // Broken JSON-LD is common; the other metadata still applies.
    }
  }
  return out;
}

function isArticleNode(node: Record<string, Json>): boolean {
  const t = node['@type'];
  const types = Array.isArray(t) ? t : [t];
  return types.some((x) => typeof x === 'string' && ARTICLE_TYPE.test(x));
}

function authorNames(author: Json): string | null {
  const list = Array.isArray(author) ? author : author ? [author] : [];
  const names = list
    .map((a) => (typeof a === 'string' ? a : a && typeof a === 'object' ? (a as Record<string, Json>).name : null))
    .map(str)
    .filter((n): n is string => !!n && !/^https?:\/\//.test(n));
  return names.length ? [...new Set(names)].join(', ') : null;
}

/** One pass over <meta>: property / name / itemprop (lower-cased) → first non-empty content. */
function metaTags(metas: El[]): (...keys: string[]) => string | null {
  const map = new Map<string, string>();
  for (const el of metas) {
    const content = str(el.getAttribute('content'));
    if (!content) continue;
    for (const attr of ['property', 'name', 'itemprop']) {
      const key = el.getAttribute(attr)?.trim().toLowerCase();
      if (key && !map.has(key)) map.set(key, content);
    }
  }
  return (...keys) => {
    for (const key of keys) {
      const v = map.get(key.toLowerCase());
      if (v) return v;
    }
    return null;
  };
}

function first(byTag: ByTag, tag: string, test: (el: El) => boolean): El | null {
  return byTag.get(tag)?.find(test) ?? null;
}

function isFalse(v: Json): boolean {
  return v === false || (typeof v === 'string' && v.trim().toLowerCase() === 'false');
}

export function readMetadata(doc: MetadataDocument, url: string): ArticleMetadata {
  const byTag = elementsByTag(doc);
  const ld = jsonLdNodes(byTag.get('script')!).find(isArticleNode) ?? {};
  const meta = metaTags(byTag.get('meta')!);
  const timeEl = first(byTag, 'time', (el) => !!el.getAttribute('datetime'));
  const canonical = first(byTag, 'link', (el) => el.getAttribute('rel')?.trim().toLowerCase() === 'canonical');
  const ogType = meta('og:type');
  const tier = meta('article:content_tier')?.toLowerCase();
  return {
    title: str(ld.headline) ?? meta('og:title', 'twitter:title') ?? str(byTag.get('title')![0]?.textContent),
    description: str(ld.description) ?? meta('og:description', 'description', 'twitter:description'),
    published:
      normaliseDate(ld.datePublished) ??
      normaliseDate(meta('article:published_time', 'datePublished', 'date', 'dc.date', 'DC.date.issued')) ??
      normaliseDate(timeEl?.getAttribute('datetime')),
    modified: normaliseDate(ld.dateModified) ?? normaliseDate(meta('article:modified_time', 'dateModified')),
    byline: authorNames(ld.author) ?? meta('author', 'article:author', 'byl', 'parsely-author'),
    canonicalUrl:
      httpUrl(canonical?.getAttribute('href'), url) ??
      httpUrl(meta('og:url'), url),
    isArticle: Object.keys(ld).length > 0 || ogType === 'article',
    paywalled: isFalse(ld.isAccessibleForFree) || tier === 'locked' || tier === 'metered',
  };
}
