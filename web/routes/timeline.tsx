// The timeline: quotes (or articles) newest first, with search, filters, facets and keyset pagination.
// The same URL answers as .json, .csv (the whole result set, streamed) and .atom.
import { Hono, type Context } from 'hono';
import { dataVersion, type DB } from '../../src/db/connection.ts';
import { AppError } from '../../src/errors.ts';
import { parseSearch } from '../../src/db/search.ts';
import { iterateQuotes, listQuotes, type QuoteFilters, type TimelineQuote } from '../../src/db/timeline.ts';
import { iterateArticles, listArticles, type ArticleListRow } from '../../src/db/article-list.ts';
import { facetsAreSlow, quoteFacets, type Facets } from '../../src/db/facets.ts';
import { sourceOptions } from '../../src/db/source-health.ts';
import type { AppEnv } from '../lib/auth.ts';
import { filterParams, parseCursor, parseFilters, parseSize, urlWith } from '../lib/params.ts';
import { articleCsvColumns, articleJson, quoteAtomEntry, quoteCsvColumns, quoteJson } from '../lib/quote-formats.ts';
import { csvResponse } from '../lib/export.ts';
import { renderAtom } from '../lib/atom.ts';
import { origin } from '../lib/origin.ts';
import { sourceLabel } from '../lib/safe-url.ts';
import { SearchForm, ResultsNav, FacetPanel, DeferredFacets, ActiveFilters, type ViewKind } from '../views/search-form.tsx';
import { QuoteCard, ErrorBox, ExternalLink } from '../views/components.tsx';
import { dayKey, formatDate } from '../lib/dates.ts';
import { TtlCache } from '../lib/ttl-cache.ts';

function describe(f: QuoteFilters): string {
  const parts = Object.entries(filterParams(f)).map(([k, v]) => (k === 'q' ? v : `${k}: ${v}`));
  return parts.length ? parts.join(', ') : 'all quotes';
}

function QuoteDays({ rows }: { rows: TimelineQuote[] }) {
  const days: { key: string; rows: TimelineQuote[] }[] = [];
  for (const r of rows) {
    const key = dayKey(r.published_at);
    if (days[days.length - 1]?.key === key) days[days.length - 1]!.rows.push(r);
    else days.push({ key, rows: [r] });
  }
  return (
    <>
      {days.map((d) => (
        <section class="day" aria-labelledby={`day-${d.key || 'undated'}`}>
          <h2 id={`day-${d.key || 'undated'}`} class="day-heading">{d.key ? formatDate(d.key) : 'Date unknown'}</h2>
          {d.rows.map((q) => <QuoteCard q={q} />)}
        </section>
      ))}
    </>
  );
}

function ArticleRows({ rows }: { rows: ArticleListRow[] }) {
  return (
    <ol class="article-list">
      {rows.map((a) => (
        <li>
          <h2 class="article-title"><a href={`/articles/${a.id}`}>{a.title}</a></h2>
          <p class="source-line">
            {sourceLabel(a, a.original_url ?? a.url)} · <time datetime={a.published_at ?? undefined}>{formatDate(a.published_at)}</time>
            {' · '}{a.quote_count} {a.quote_count === 1 ? 'quote' : 'quotes'}
            {' · '}<ExternalLink href={a.original_url ?? a.url}>original</ExternalLink>
            {a.partial ? <span class="badge partial">partial text</span> : null}
          </p>
        </li>
      ))}
    </ol>
  );
}

/** True for a search with nothing to look for (only punctuation or symbols, e.g. "😀" or "*"): it matches every row. */
function searchIsEmpty(q: string | undefined): boolean {
  if (!q) return false;
  try {
    const parsed = parseSearch(q);
    return parsed.match === null && parsed.exclude.length === 0 && parsed.fields.length === 0;
  } catch {
    return false; // a broken search is reported as an error instead
  }
}

interface ListState {
  view: ViewKind;
  filters: QuoteFilters;
  query: Record<string, string>;
  error: string | null;
}

interface ListResult {
  content: unknown;
  next: string | null;
  count: number;
  /** the counts, or where to fetch them when they are slow to make */
  facets?: Facets | { later: string };
}

function FacetSlot({ facets, filters, path }: { facets: ListResult['facets']; filters: QuoteFilters; path: string }) {
  if (!facets) return null;
  if ('later' in facets) return <DeferredFacets src={facets.later} fallback={urlWith(path, { ...filterParams(filters), _facets: '1' })} />;
  return <FacetPanel facets={facets} filters={filters} path={path} />;
}

async function renderList(c: Context<AppEnv>, db: DB, st: ListState, load: () => ListResult) {
  const path = st.view === 'articles' ? '/articles' : '/';
  let result: ListResult = { content: null, next: null, count: 0 };
  let error = st.error;
  if (!error) {
    try {
      result = load();
    } catch (err) {
      if (!(err instanceof AppError) || err.status !== 400) throw err;
      error = err.message;
    }
  }
  const params = filterParams(st.filters);
  const heading = st.view === 'articles' ? 'Articles' : 'Quotes';
  c.status(error ? 400 : 200);
  return c.render(
    <>
      <h1>{heading}{st.filters.q || Object.keys(params).length ? <span class="subtle"> matching {describe(st.filters)}</span> : null}</h1>
      <SearchForm view={st.view} query={st.query} sources={sourceOptions(db)} />
      {error && <ErrorBox message={error} />}
      {!error && searchIsEmpty(st.filters.q) && <p class="notice" role="note">“{st.filters.q}” has no words to search for, so every {st.view === 'articles' ? 'article' : 'quote'} is shown. <a href="/help">Search help</a></p>}
      <div class="results-layout">
        {error ? null : <FacetSlot facets={result.facets} filters={st.filters} path={path} />}
        <div class="results">
          <ActiveFilters path={path} params={params} />
          <ResultsNav params={params} view={st.view} count={result.count} />
          {result.count === 0 && !error ? <p class="empty">Nothing matches. Try fewer words or remove a filter. <a href="/help">Search help</a></p> : result.content}
          {result.next && (
            <nav class="pager" aria-label="Pages">
              <a href={urlWith(path, params)}>Newest</a>
              <a rel="next" href={urlWith(path, { ...params, _next: result.next })}>Older {st.view} →</a>
            </nav>
          )}
        </div>
      </div>
    </>,
    { title: st.filters.q ? `${heading}: ${st.filters.q}` : heading, feed: st.view === 'quotes' ? urlWith('/quotes.atom', params) : undefined },
  );
}

/** Parses filters for an HTML page, keeping a BadRequest as a message to show next to the form. */
function htmlState(c: Context<AppEnv>, view: ViewKind): ListState {
  const query = c.req.query();
  try {
    return { view, filters: parseFilters(query), query, error: null };
  } catch (err) {
    if (!(err instanceof AppError) || err.status !== 400) throw err;
    return { view, filters: {}, query, error: err.message };
  }
}

export function timelineRoutes(db: DB): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  // Counted once per filter set while nothing is stored; while a crawl stores articles, at most 30 s stale.
  const facetCache = new TtlCache<Facets>(30_000, { maxEntries: 500, version: () => dataVersion(db) });
  const facetKey = (f: QuoteFilters) => JSON.stringify(filterParams(f));
  const facets = (f: QuoteFilters) => facetCache.get(facetKey(f), () => quoteFacets(db, f));
  // Counts that would hold the results back (a common word) come from /facets after the page, unless `_facets` asks.
  const pageFacets = (f: QuoteFilters, query: Record<string, string>): ListResult['facets'] =>
    facetCache.peek(facetKey(f)) ?? (query._facets || !facetsAreSlow(db, f) ? facets(f) : { later: urlWith('/facets', filterParams(f)) });

  const quotesPage = (c: Context<AppEnv>) => {
    const st = htmlState(c, 'quotes');
    return renderList(c, db, st, () => {
      const page = listQuotes(db, st.filters, parseCursor(st.query), parseSize(st.query));
      return { content: <QuoteDays rows={page.rows} />, next: page.next, count: page.rows.length, facets: pageFacets(st.filters, st.query) };
    });
  };
  app.get('/', quotesPage);
  app.get('/quotes', quotesPage);

  // The facet panel alone, for the page's script to put in place.
  app.get('/facets', (c) => {
    const filters = parseFilters(c.req.query());
    return c.html(<FacetPanel facets={facets(filters)} filters={filters} path="/" />);
  });

  app.get('/articles', (c) => {
    const st = htmlState(c, 'articles');
    return renderList(c, db, st, () => {
      const page = listArticles(db, st.filters, parseCursor(st.query), parseSize(st.query));
      return { content: <ArticleRows rows={page.rows} />, next: page.next, count: page.rows.length };
    });
  });

  app.get('/quotes.json', (c) => {
    const query = c.req.query();
    const filters = parseFilters(query);
    const page = listQuotes(db, filters, parseCursor(query), parseSize(query));
    const o = origin(c);
    const body: Record<string, unknown> = {
      ok: true,
      filters: filterParams(filters),
      rows: page.rows.map((q) => quoteJson(q, o)),
      next: page.next,
      next_url: page.next ? o + urlWith('/quotes.json', { ...filterParams(filters), _size: query._size, _next: page.next }) : null,
    };
    if (query._facets) body.facets = facets(filters);
    return c.json(body);
  });

  app.get('/quotes.csv', (c) => {
    const filters = parseFilters(c.req.query());
    return csvResponse(c, db, 'stancewatch-quotes.csv', quoteCsvColumns(origin(c)), (r) => iterateQuotes(r, filters), (d, cur) => listQuotes(d, filters, cur, 500));
  });

  app.get('/quotes.atom', (c) => {
    const query = c.req.query();
    const filters = parseFilters(query);
    const page = listQuotes(db, filters, null, 50);
    const o = origin(c);
    const now = new Date().toISOString();
    const entries = page.rows.map((q) => quoteAtomEntry(q, o, now));
    const xml = renderAtom({
      id: o + urlWith('/quotes.atom', filterParams(filters)),
      title: `stancewatch: ${describe(filters)}`,
      selfLink: o + urlWith('/quotes.atom', filterParams(filters)),
      htmlLink: o + urlWith('/', filterParams(filters)),
      updated: entries[0]?.updated ?? now,
      entries,
    });
    return c.body(xml, 200, { 'Content-Type': 'application/atom+xml; charset=utf-8' });
  });

  app.get('/articles.json', (c) => {
    const query = c.req.query();
    const filters = parseFilters(query);
    const page = listArticles(db, filters, parseCursor(query), parseSize(query));
    const o = origin(c);
    return c.json({
      ok: true,
      filters: filterParams(filters),
      rows: page.rows.map((a) => articleJson(a, o)),
      next: page.next,
      next_url: page.next ? o + urlWith('/articles.json', { ...filterParams(filters), _size: query._size, _next: page.next }) : null,
    });
  });

  app.get('/articles.csv', (c) => {
    const filters = parseFilters(c.req.query());
    return csvResponse(c, db, 'stancewatch-articles.csv', articleCsvColumns(origin(c)), (r) => iterateArticles(r, filters), (d, cur) => listArticles(d, filters, cur, 500));
  });

  return app;
}
