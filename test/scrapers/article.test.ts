import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../scrapers/article.ts';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/sites/articles/${name}`, import.meta.url), 'utf8');
const URL_ = 'https://news.example.org/children/councils-welcome-inspection-changes?utm_source=feed';

describe('extractArticle', () => {
  it('reads JSON-LD metadata and keeps paragraph breaks', () => {
    const a = extractArticle(fixture('full-jsonld.html'), URL_)!;
    expect(a.title).toBe('Councils welcome inspection changes');
    expect(a.published).toBe('2024-03-05T09:30:00.000Z');
    expect(a.modified).toBe('2024-03-06T10:00:00.000Z');
    expect(a.byline).toBe('Jane Reporter, Sam Writer');
    expect(a.canonicalUrl).toBe('https://news.example.org/children/councils-welcome-inspection-changes');
    expect(a.standfirst).toBe('Directors say the revised framework is fairer.');
    expect(a.partial).toBe(false);
    const paragraphs = a.text.split('\n\n');
    expect(paragraphs.length).toBeGreaterThanOrEqual(6);
    expect(paragraphs[0]).toMatch(/^Body paragraph 1:/);
    expect(a.text).toContain('"We welcome the changes," said the president of the association.');
    expect(a.text).not.toContain('window.analytics');
    expect(a.text).not.toContain('All rights reserved');
    expect(a.rawType).toBe('html');
  });

  it('falls back to OpenGraph, meta author, <time datetime> and og:url', () => {
    const a = extractArticle(fixture('opengraph-time.html'), 'https://assoc.example.org/news/association-responds')!;
    expect(a.title).toBe('Association responds to framework consultation');
    expect(a.published).toBe('2023-11-20T00:00:00.000Z');
    expect(a.byline).toBe('Press Office');
    expect(a.canonicalUrl).toBe('https://assoc.example.org/news/association-responds');
    expect(a.text.split('\n\n').length).toBeGreaterThanOrEqual(5);
    expect(a.text).not.toContain('Another story');
  });

  it('keeps what a paywalled teaser shows and marks it partial', () => {
    const a = extractArticle(fixture('paywalled-teaser.html'), 'https://press.example.com/exclusive')!;
    expect(a).not.toBeNull();
    expect(a.partial).toBe(true);
    expect(a.title).toBe('Exclusive: inspection chief on reform');
    expect(a.published).toBe('2025-01-14T07:00:00.000Z');
    expect(a.text).toContain('report cards');
  });

  it('a short but complete article is not partial', () => {
    const a = extractArticle(fixture('../html-listing/pages/funding-gap-warning.html'), 'https://lga.example/about/news/funding-gap-warning')!;
    expect(a.text.length).toBeLessThan(600);
    expect(a.partial).toBe(false);
  });

  it('reads no text from comments, scripts, styles, inline SVG or <noscript>, and keeps JSON-LD from the body', () => {
    const a = extractArticle(fixture('svg-comments-noscript.html'), 'https://news.example.org/grades')!;
    expect(a.title).toBe('Leaders question inspection grades');
    expect(a.published).toBe('2025-02-03T08:00:00.000Z');
    expect(a.byline).toBe('Alex Writer');
    expect(a.text).toContain('"We want a fuller picture," one director said');
    expect(a.text.split('\n\n').filter((p) => p.startsWith('Paragraph ')).length).toBe(4);
    for (const hidden of ['commented out', 'Tracking text', 'Share on a social network', 'Quote icon', 'enable JavaScript']) {
      expect(a.text).not.toContain(hidden);
    }
  });

  it('returns null for a page that holds no article', () => {
    expect(extractArticle(fixture('no-article.html'), 'https://news.example.org/missing')).toBeNull();
    expect(extractArticle('', 'https://news.example.org/empty')).toBeNull();
  });

  it('ignores broken JSON-LD and unparseable dates', () => {
    const html = fixture('full-jsonld.html')
      .replace('"@context"', '"@context" BROKEN')
      .replace('2024-03-05T09:30:00+00:00', 'last Tuesday');
    const a = extractArticle(html, URL_)!;
    expect(a.title).toBe('Councils welcome inspection changes');
    expect(a.published).toBeNull();
  });
});
