// Drops what can never be article text from an HTML string before it is parsed: comments and the contents of
// <script>, <style>, <svg> and <noscript> (Readability removes them anyway, after paying to build them as nodes;
// they are over half the bytes of a typical news page). JSON-LD scripts are kept for the metadata.
// One forward scan, linear in the input however the tags are (un)balanced: scraped HTML is untrusted.

const OPENING = /<!--|<(script|style|svg|noscript|title|textarea)(?=[\s/>])/gi;
/** Elements whose content the parser reads as text up to their closing tag: skipped over whole, never cut into. */
const KEPT_TEXT = new Set(['title', 'textarea']);
/** Elements whose content the parser reads as raw text up to the closing tag, or to the end if unclosed. */
const RAW_TEXT = new Set(['script', 'style']);
const JSON_LD = /\btype\s*=\s*["']?\s*application\/ld\+json/i;

/** End offset of the element or comment opened at `start`, or -1 when it is never closed. */
function endOf(html: string, start: number, tag: string | undefined): number {
  if (!tag) {
    const close = html.indexOf('-->', start + 4);
    return close < 0 ? -1 : close + 3;
  }
  const closing = new RegExp(`</${tag}[\\s/>]`, 'gi');
  closing.lastIndex = start;
  const m = closing.exec(html);
  if (!m) return -1;
  const gt = html.indexOf('>', m.index);
  return gt < 0 ? -1 : gt + 1;
}

/** A match inside another tag (`<img alt="<script>">`) is attribute text, not markup. Looks back only as far as the last "<". */
function insideTag(html: string, at: number): boolean {
  const lt = at > 0 ? html.lastIndexOf('<', at - 1) : -1;
  return lt >= 0 && !html.slice(lt, at).includes('>');
}

/** `html` without comments, scripts (JSON-LD excepted), styles, inline SVG and <noscript> fallbacks. */
export function stripNonText(html: string): string {
  const unclosed = new Set<string>();
  let out = '';
  let copied = 0;
  OPENING.lastIndex = 0;
  for (let m = OPENING.exec(html); m; m = OPENING.exec(html)) {
    const tag = m[1]?.toLowerCase();
    if ((tag && unclosed.has(tag)) || insideTag(html, m.index)) continue;
    const end = endOf(html, m.index, tag);
    if (end < 0) {
      // An unclosed comment, script or style swallows the rest of the page in the parser too.
      if (!tag || RAW_TEXT.has(tag)) return out + html.slice(copied, m.index);
      unclosed.add(tag);
      continue;
    }
    OPENING.lastIndex = end;
    if (KEPT_TEXT.has(tag!) || (tag === 'script' && JSON_LD.test(html.slice(m.index, html.indexOf('>', m.index))))) continue;
    out += html.slice(copied, m.index);
    copied = end;
  }
  return out + html.slice(copied);
}
