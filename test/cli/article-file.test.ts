import { describe, expect, it } from 'vitest';
import { parseTextHeader } from '../../src/cli/article-file.ts';

describe('parseTextHeader', () => {
  it('reads title, URL and date lines before the body', () => {
    const h = parseTextHeader('A headline\nhttps://example.org/a\n2016-07-21\n\nFirst paragraph.\n\nSecond.');
    expect(h).toEqual({ title: 'A headline', url: 'https://example.org/a', published: '2016-07-21', body: 'First paragraph.\n\nSecond.' });
  });

  it('accepts blank URL or date lines (the four-line header layout)', () => {
    const h = parseTextHeader('Title\nhttps://example.org/b\n\n\nBody starts here.');
    expect(h.url).toBe('https://example.org/b');
    expect(h.published).toBeNull();
    expect(h.body).toBe('Body starts here.');
  });

  it('treats a file with just a title and a blank line as title + body', () => {
    const h = parseTextHeader('Only a title\n\nThe body "quoted," she said.');
    expect(h).toMatchObject({ title: 'Only a title', url: null, published: null, body: 'The body "quoted," she said.' });
  });
});
