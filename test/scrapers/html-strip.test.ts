import { describe, expect, it } from 'vitest';
import { stripNonText } from '../../scrapers/html-strip.ts';

describe('stripNonText', () => {
  it.each([
    ['a script', '<p>a</p><script>var x = "<p>not text</p>";</script><p>b</p>', '<p>a</p><p>b</p>'],
    ['a style', '<style type="text/css">p { color: red }</style><p>a</p>', '<p>a</p>'],
    ['a comment', '<p>a</p><!-- <p>old</p> --><p>b</p>', '<p>a</p><p>b</p>'],
    ['an inline SVG', '<p>a<svg viewBox="0 0 1 1"><title>Share</title><path d="M0"/></svg></p>', '<p>a</p>'],
    ['a noscript fallback', '<noscript><img src="x.jpg"></noscript><p>a</p>', '<p>a</p>'],
    ['upper-case tags and spaced closing tags', '<SCRIPT>x()</SCRIPT ><p>a</p>', '<p>a</p>'],
    ['a script holding a comment opener', '<script>s = "<!--";</script><p>a</p><!-- c -->', '<p>a</p>'],
    ['a comment holding a script', '<!-- <script> --><p>a</p><script>y</script>', '<p>a</p>'],
  ])('drops %s', (_, html, expected) => {
    expect(stripNonText(html)).toBe(expected);
  });

  it('keeps JSON-LD scripts, which carry the metadata', () => {
    const ld = '<script type="application/ld+json">{"headline":"H"}</script>';
    expect(stripNonText(`${ld}<script>track()</script><p>a</p>`)).toBe(`${ld}<p>a</p>`);
  });

  it('keeps tags that only start like a dropped one', () => {
    const html = '<scripts>a</scripts><styled-box>b</styled-box><svgicon>c</svgicon>';
    expect(stripNonText(html)).toBe(html);
  });

  it.each([
    ['an attribute value', '<img alt="<script>"><p>a</p><script>x</script>', '<img alt="<script>"><p>a</p>'],
    ['an unclosed comment opener in an attribute', '<a title="<!--">a</a><p>b</p>', '<a title="<!--">a</a><p>b</p>'],
    ['a title', '<title>Why <script> tags matter</title><p>a</p><script>x</script>', '<title>Why <script> tags matter</title><p>a</p>'],
    ['a textarea', '<textarea><!-- not a comment</textarea><p>a</p>', '<textarea><!-- not a comment</textarea><p>a</p>'],
  ])('leaves an opener inside %s alone', (_, html, expected) => {
    expect(stripNonText(html)).toBe(expected);
  });

  it('drops the rest after an unclosed script or comment, as the parser would read it', () => {
    expect(stripNonText('<p>a</p><script>never closed <p>b</p>')).toBe('<p>a</p>');
    expect(stripNonText('<p>a</p><!-- never closed <p>b</p>')).toBe('<p>a</p>');
  });

  it('leaves an unclosed svg or noscript alone, keeping the text after it', () => {
    expect(stripNonText('<svg><path/><p>a</p><svg><p>b</p>')).toBe('<svg><path/><p>a</p><svg><p>b</p>');
    expect(stripNonText('<noscript><p>a</p>')).toBe('<noscript><p>a</p>');
  });

  it('leaves many unclosed openers alone (one search for their closing tag, not one each)', () => {
    const html = '<svg>'.repeat(50_000) + '<p>a</p>';
    expect(stripNonText(html)).toBe(html);
    const inTag = `<a ${'<script '.repeat(50_000)}></script><p>a</p>`;
    expect(stripNonText(inTag)).toBe(inTag);
  });
});
