// The article page: its text with each quote marked and colour-coded by stance, the link to the original,
// other places it was published, and a marker when we only hold part of the text.
import { Hono } from 'hono';
import type { DB } from '../../src/db/connection.ts';
import { NotFound } from '../../src/errors.ts';
import { articleDetail, articleQuotes, otherCopies, type ArticleDetail, type ArticleQuote, type OtherCopy } from '../../src/db/quote-pages.ts';
import { STANCES } from '../../src/types.ts';
import type { AppEnv } from '../lib/auth.ts';
import { parseId, splitFormat } from '../lib/params.ts';
import { origin } from '../lib/origin.ts';
import { inQuoteMarks, quoteJson } from '../lib/quote-formats.ts';
import { formatDate } from '../lib/dates.ts';
import { safeHref, sourceLabel } from '../lib/safe-url.ts';
import { highlight, paragraphs } from '../views/highlight.tsx';
import { Attribution, ExternalLink, StanceBadge, STANCE_LABELS } from '../views/components.tsx';

function ArticleBody({ a, quotes }: { a: ArticleDetail; quotes: ArticleQuote[] }) {
  const spans = quotes.map((q) => ({
    start: q.start, end: q.end, className: `quote-span stance-bg-${q.stance}`, href: `/quotes/${q.id}`,
    title: `${q.person_name ?? q.speaker_name ?? 'Unattributed'} · ${STANCE_LABELS[q.stance]}`, id: `q${q.id}`,
  }));
  return <div class="article-body">{paragraphs(a.body).map((p) => <p>{highlight(a.body, spans, p.start, p.end)}</p>)}</div>;
}

/** A quote's first 140 characters, in quotation marks only if it is direct (as on the timeline). */
function quoteExcerpt(q: ArticleQuote): string {
  return inQuoteMarks(q.text.length > 140 ? `${q.text.slice(0, 137)}…` : q.text, q.kind);
}

function Copies({ copies }: { copies: OtherCopy[] }) {
  if (!copies.length) return null;
  return (
    <section aria-labelledby="copies-h">
      <h2 id="copies-h">Also published at</h2>
      <ul>
        {copies.map((d) => (
          <li>
            {d.article_id ? <a href={`/articles/${d.article_id}`}>{d.title ?? d.url}</a> : null}
            {d.article_id ? ' ' : null}
            <ExternalLink href={d.url}>{d.article_id ? '(original)' : d.url}</ExternalLink>
            {d.source_name ? ` · ${d.source_name}` : ''}
          </li>
        ))}
      </ul>
    </section>
  );
}

function ArticlePage({ a, quotes, copies }: { a: ArticleDetail; quotes: ArticleQuote[]; copies: OtherCopy[] }) {
  return (
    <article class="article-page">
      <h1>{a.title}</h1>
      <p class="source-line">
        {sourceLabel(a, a.original_url ?? a.url)} · <time datetime={a.published_at ?? undefined}>{formatDate(a.published_at)}</time>
        {a.byline && <> · <span class="byline">{a.byline}</span></>}
        {' · '}<ExternalLink href={a.original_url ?? a.url}>Read the original</ExternalLink>
      </p>
      {a.partial ? <p class="notice" role="note"><strong>Partial text.</strong> Only part of this article could be collected (for example, it is behind a paywall). Quotes may be missing.</p> : null}
      {a.withdrawn ? <p class="notice" role="note"><strong>Withdrawn.</strong> The publisher has removed or withdrawn this article.</p> : null}
      {a.duplicate_of ? <p class="notice" role="note">This is a copy of <a href={`/articles/${a.duplicate_of}`}>an article published elsewhere</a>.</p> : null}
      {a.standfirst && <p class="standfirst">{a.standfirst}</p>}
      <p class="legend" aria-label="Stance colours">
        {quotes.length} {quotes.length === 1 ? 'quote' : 'quotes'} marked:{' '}
        {STANCES.map((s) => <StanceBadge stance={s} />)}
      </p>
      <ArticleBody a={a} quotes={quotes} />
      <section aria-labelledby="quotes-h">
        <h2 id="quotes-h">Quotes in this article</h2>
        {quotes.length === 0 ? <p>No quotes were found in this article.</p> : (
          <ol class="quote-index">
            {quotes.map((q) => (
              <li>
                <a href={`/quotes/${q.id}`}>{quoteExcerpt(q)}</a>
                <span class="quote-meta"> — <Attribution q={q} /> <StanceBadge stance={q.stance} /></span>
              </li>
            ))}
          </ol>
        )}
      </section>
      <Copies copies={copies} />
      <p class="hint"><a href={`/articles/${a.id}.json`}>This article as JSON</a> · collected {formatDate(a.fetched_at)}</p>
    </article>
  );
}

export function articleRoutes(db: DB): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/articles/:file', (c) => {
    const { base, format } = splitFormat(c.req.param('file'));
    const id = parseId(base, 'article');
    const a = articleDetail(db, id);
    if (!a) throw new NotFound(`There is no article ${id}.`);
    const quotes = articleQuotes(db, id);
    const copies = otherCopies(db, a);
    const modified = Date.parse(a.processed_at ?? a.fetched_at);
    if (!Number.isNaN(modified)) c.header('Last-Modified', new Date(modified).toUTCString());
    if (format === 'json') {
      const o = origin(c);
      return c.json({
        ok: true,
        article: {
          id: a.id, title: a.title, url: safeHref(a.original_url ?? a.url), published_at: a.published_at, byline: a.byline,
          source: { id: a.source_id, name: a.source_name }, partial: !!a.partial, withdrawn: !!a.withdrawn, duplicate_of: a.duplicate_of, body: a.body,
        },
        quotes: quotes.map((q) => ({ ...quoteJson(q, o), start: q.start, end: q.end })),
        also_published_at: copies.map((d) => ({ url: safeHref(d.url), article_id: d.article_id })),
      });
    }
    return c.render(<ArticlePage a={a} quotes={quotes} copies={copies} />, { title: a.title });
  });
  return app;
}
