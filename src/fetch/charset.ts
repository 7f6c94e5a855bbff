// Decodes a response body: charset from the Content-Type header, a BOM, <meta charset> or an XML declaration,
// and a windows-1252 fallback when bytes labelled UTF-8 are not valid UTF-8 (a common server misconfiguration).
import iconv from 'iconv-lite';

const SNIFF_BYTES = 4096;
// The WHATWG Encoding Standard decodes these labels as windows-1252; browsers do, so pages are written for it.
const WINDOWS_1252_ALIASES = new Set(['iso-8859-1', 'iso8859-1', 'latin1', 'l1', 'us-ascii', 'ascii', 'cp1252', 'x-cp1252']);

export function charsetFromContentType(contentType: string | null | undefined): string | null {
  const m = contentType?.match(/charset\s*=\s*["']?([\w.:-]+)/i);
  return m ? m[1]!.toLowerCase() : null;
}

/** Charset declared inside the document: <meta charset>, <meta http-equiv content>, or <?xml encoding?>. */
export function sniffDeclaredCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, SNIFF_BYTES)).toString('latin1');
  const m =
    head.match(/<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i) ?? head.match(/^\s*<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)["']/i);
  return m ? m[1]!.toLowerCase() : null;
}

function bomCharset(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

function normaliseLabel(label: string | null): string | null {
  if (!label) return null;
  const l = label.trim().toLowerCase();
  if (WINDOWS_1252_ALIASES.has(l)) return 'windows-1252';
  if (l === 'utf8') return 'utf-8';
  return iconv.encodingExists(l) ? l : null;
}

function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

export interface Decoded {
  text: string;
  charset: string;
}

export function decodeBody(bytes: Uint8Array, contentType: string | null | undefined): Decoded {
  const charset =
    bomCharset(bytes) ??
    normaliseLabel(charsetFromContentType(contentType)) ??
    normaliseLabel(sniffDeclaredCharset(bytes)) ??
    'utf-8';
  if (charset === 'utf-8' && !isValidUtf8(bytes)) {
    return { text: iconv.decode(Buffer.from(bytes), 'windows-1252'), charset: 'windows-1252' };
  }
  // iconv-lite strips a BOM by default.
  return { text: iconv.decode(Buffer.from(bytes), charset), charset };
}
