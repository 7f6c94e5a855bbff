import { describe, expect, it } from 'vitest';
import { canonicalUrl, chooseCanonicalUrl } from '../../src/pipeline/canonical-url.ts';

describe('canonicalUrl', () => {
  it.each([
    ['https://WWW.Example.org:443/News/Story/?utm_source=x&utm_medium=y#top', 'https://www.example.org/News/Story'],
    ['http://example.org:80/a?fbclid=abc&b=2&a=1', 'http://example.org/a?a=1&b=2'],
    ['https://example.org/', 'https://example.org/'],
    ['https://example.org', 'https://example.org/'],
    ['https://example.org/page?id=7', 'https://example.org/page?id=7'],
    ['https://example.org./x//', 'https://example.org/x'],
  ])('%s → %s', (input, expected) => {
    expect(canonicalUrl(input)).toBe(expected);
  });

  it('leaves what is not an http(s) URL alone', () => {
    expect(canonicalUrl('file.html')).toBe('file.html');
    expect(canonicalUrl('mailto:a@b.org')).toBe('mailto:a@b.org');
  });
});

describe('chooseCanonicalUrl', () => {
  it('believes a same-site rel=canonical, www or not', () => {
    expect(chooseCanonicalUrl('https://example.org/news/1?utm_source=rss', 'https://www.example.org/news/story-1/')).toBe(
      'https://www.example.org/news/story-1',
    );
    expect(chooseCanonicalUrl('https://example.org/news/1', '/news/story-1')).toBe('https://example.org/news/story-1');
  });

  it('ignores a canonical on another site or pointing at the home page', () => {
    expect(chooseCanonicalUrl('https://a.example.org/x', 'https://b.example.com/x')).toBe('https://a.example.org/x');
    expect(chooseCanonicalUrl('https://example.org/news/1', 'https://example.org/')).toBe('https://example.org/news/1');
    expect(chooseCanonicalUrl('https://example.org/news/1', null)).toBe('https://example.org/news/1');
  });

  it('takes the declared address of a saved page', () => {
    expect(chooseCanonicalUrl('file:///home/me/page.html', 'https://news.example.org/story?utm_source=x')).toBe('https://news.example.org/story');
  });
});
