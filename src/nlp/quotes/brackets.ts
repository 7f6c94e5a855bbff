// Asides in brackets or between dashes that carry their own report: "Councils judged inadequate (Ofsted says the number
// has fallen …) receive …", "Councils – which spent £3.1bn, according to the LGA – have long argued …".

const PARENS = /\(([^()]{12,400})\)/g;
const DASHES = /\s[–—-]\s([^–—]{12,400}?)\s[–—-]\s/g;
/** "The ADCS, which has previously said X, said Y": a relative clause between commas, read with the subject before it. */
const RELATIVE = /,\s*((?:which|who)\s[^,]{8,200}),/g;

export interface Aside {
  start: number;
  end: number;
  /** A relative clause ("which has said …"): its subject is the phrase before it, outside the aside. */
  relative: boolean;
}

/** The bracketed, dash-enclosed and relative asides within [s, e) of `text`. */
export function asidesIn(text: string, s: number, e: number): Aside[] {
  const t = text.slice(s, e);
  const out: Aside[] = [];
  for (const re of [PARENS, DASHES, RELATIVE]) {
    for (const m of t.matchAll(re)) {
      const at = s + m.index + m[0].indexOf(m[1]!);
      out.push({ start: at, end: at + m[1]!.length, relative: re === RELATIVE || /^(?:which|who)\s/.test(m[1]!) });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/** `text` with [a, b) blanked, offsets kept: the sentence as read without its aside. */
export function withoutAside(text: string, a: number, b: number): string {
  return text.slice(0, a) + ' '.repeat(b - a) + text.slice(b);
}
