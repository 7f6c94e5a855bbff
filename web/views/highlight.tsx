// Marks spans of a text (quotes in an article, stance cues in a quote) without ever building HTML by hand:
// the text is cut into plain pieces and <mark> elements, and hono/jsx escapes each piece.
import type { Child } from 'hono/jsx';

export interface Span {
  start: number;
  end: number;
  className: string;
  title?: string;
  href?: string;
  id?: string;
}

/** Keeps spans that lie inside the text, in order, dropping any that overlap an earlier one. */
export function cleanSpans<T extends { start: number; end: number }>(spans: T[], length: number): T[] {
  const sorted = spans
    .filter((s) => Number.isInteger(s.start) && Number.isInteger(s.end) && s.start >= 0 && s.end <= length && s.start < s.end)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const out: T[] = [];
  for (const s of sorted) if (!out.length || s.start >= out[out.length - 1]!.end) out.push(s);
  return out;
}

/** The text from `from` to `to` with the spans (clipped to that range) marked. */
export function highlight(text: string, spans: Span[], from = 0, to = text.length): Child[] {
  const parts: Child[] = [];
  let pos = from;
  for (const s of cleanSpans(spans, text.length)) {
    const start = Math.max(s.start, from);
    const end = Math.min(s.end, to);
    if (start >= end) continue;
    if (start > pos) parts.push(text.slice(pos, start));
    const inner = text.slice(start, end);
    parts.push(
      <mark class={s.className} title={s.title} id={start === s.start ? s.id : undefined}>
        {s.href ? <a href={s.href}>{inner}</a> : inner}
      </mark>,
    );
    pos = end;
  }
  if (pos < to) parts.push(text.slice(pos, to));
  return parts;
}

/** Paragraph ranges of a body whose paragraphs are separated by blank lines. */
export function paragraphs(body: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  const re = /\n\s*\n/g;
  let start = 0;
  for (let m = re.exec(body); m; m = re.exec(body)) {
    if (m.index > start) out.push({ start, end: m.index });
    start = m.index + m[0].length;
  }
  if (start < body.length) out.push({ start, end: body.length });
  return out;
}
