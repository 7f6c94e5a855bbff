import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeBody } from '../../src/fetch/charset.ts';

const TEXT = 'Ofsted’s “report cards” – café';

describe('decodeBody', () => {
  it.each([
    ['an XML declaration', `<?xml version="1.0" encoding="ISO-8859-1"?><rss><title>${TEXT}</title></rss>`, 'windows-1252', null, 'windows-1252'],
    ['http-equiv', `<meta http-equiv="Content-Type" content="text/html; charset=windows-1252"><p>${TEXT}</p>`, 'windows-1252', 'text/html', 'windows-1252'],
    ['a UTF-8 header', `<p>${TEXT}</p>`, 'utf-8', 'text/html; charset=UTF-8', 'utf-8'],
    ['nothing declared, valid UTF-8', `<p>${TEXT}</p>`, 'utf-8', null, 'utf-8'],
    ['an unknown label', `<p>${TEXT}</p>`, 'utf-8', 'text/html; charset=x-unknown-thing', 'utf-8'],
  ])('follows %s', (_name, doc, encodeAs, contentType, charset) => {
    const decoded = decodeBody(iconv.encode(doc, encodeAs), contentType);
    expect(decoded.charset).toBe(charset);
    expect(decoded.text).toContain(TEXT);
  });

  it('strips a UTF-8 byte order mark', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`<p>${TEXT}</p>`)]);
    expect(decodeBody(bytes, 'text/html; charset=windows-1252').text).toBe(`<p>${TEXT}</p>`);
  });
});
