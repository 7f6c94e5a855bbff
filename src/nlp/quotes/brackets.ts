// Asides in brackets or between dashes that carry their own report: "Councils judged inadequate (Ofsted says the number
// has fallen …) receive …", "Councils – which spent £3.1bn, according to the LGA – have long argued …".

const PARENS = /\(([^()]{12,400})\)/g;
const DASHES = /\s[–—-]\s([^–—]{12,400}?)\s[–—-]\s/g;

/** Offsets [start, end) of the insides of bracketed and dash-enclosed asides within [s, e) of `text`. */
export function asidesIn(text: string, s: number, e: number): Array<[number, number]> {
  const t = text.slice(s, e);
  const out: Array<[number, number]> = [];
  for (const re of [PARENS, DASHES]) {
    for (const m of t.matchAll(re)) {
      const at = s + m.index + m[0].indexOf(m[1]!);
      out.push([at, at + m[1]!.length]);
    }
  }
  return out.sort((a, b) => a[0] - b[0]);
}

/** `text` with [a, b) blanked, offsets kept: the sentence as read without its aside. */
export function withoutAside(text: string, a: number, b: number): string {
  return text.slice(0, a) + ' '.repeat(b - a) + text.slice(b);
}
