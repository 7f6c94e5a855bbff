// The search box and filters, the quotes/articles toggle with export links, and the facet panel.
import { STANCES, QUOTE_KINDS } from '../../src/types.ts';
import type { Facets, FacetValue } from '../../src/db/facets.ts';
import type { QuoteFilters } from '../../src/db/timeline.ts';
import { filterParams, urlWith } from '../lib/params.ts';
import { STANCE_LABELS } from './components.tsx';

export type ViewKind = 'quotes' | 'articles';

function Select({ name, label, value, options }: { name: string; label: string; value?: string; options: { value: string; label: string }[] }) {
  return (
    <div class="field">
      <label for={`f-${name}`}>{label}</label>
      <select id={`f-${name}`} name={name}>
        <option value="">Any</option>
        {options.map((o) => <option value={o.value} selected={o.value === value}>{o.label}</option>)}
      </select>
    </div>
  );
}

export function SearchForm({ view, query, sources }: { view: ViewKind; query: Record<string, string>; sources: { id: string; name: string }[] }) {
  const action = view === 'articles' ? '/articles' : '/';
  const set = ['stance', 'kind', 'source', 'from', 'to', 'placement'].filter((k) => query[k]).length;
  return (
    <form class="search-form" method="get" action={action} role="search">
      <div class="search-row">
        <label for="q" class="visually-hidden">Search {view}</label>
        <input id="q" type="search" name="q" value={query.q ?? ''} maxlength={500}
          placeholder='e.g. org:ADCS "framework" stance:opposes' aria-describedby="q-help" />
        <button type="submit">Search</button>
      </div>
      <p id="q-help" class="hint">Words, "phrases", OR, -exclude, prefix*, speaker: org: stance: source: kind: before: after: · <a href="/help">Search help</a></p>
      {query.speaker && <input type="hidden" name="speaker" value={query.speaker} />}
      {query.org && <input type="hidden" name="org" value={query.org} />}
      <details class="filters">
        <summary>Filters{set ? ` (${set} set)` : ''}</summary>
        <div class="filter-grid">
          <Select name="stance" label="Stance" value={query.stance} options={STANCES.map((s) => ({ value: s, label: STANCE_LABELS[s]! }))} />
          <Select name="kind" label="Kind of quote" value={query.kind} options={QUOTE_KINDS.map((k) => ({ value: k, label: k }))} />
          <Select name="source" label="Source" value={query.source} options={sources.map((s) => ({ value: s.id, label: s.name }))} />
          <div class="field"><label for="f-from">From</label><input id="f-from" type="date" name="from" value={query.from ?? ''} /></div>
          <div class="field"><label for="f-to">To</label><input id="f-to" type="date" name="to" value={query.to ?? ''} /></div>
          <div class="field checkbox">
            <input id="f-placement" type="checkbox" name="placement" value="body" checked={query.placement === 'body'} />
            <label for="f-placement">Hide headline and caption quotes</label>
          </div>
        </div>
        <button type="submit">Apply filters</button>
      </details>
    </form>
  );
}

const CHIP_LABELS: Record<string, string> = {
  speaker: 'Speaker', org: 'Organisation', stance: 'Stance', source: 'Source', kind: 'Kind', from: 'From', to: 'To', placement: 'Body quotes only',
};

/** The filters in force, each with a link that removes it. */
export function ActiveFilters({ path, params }: { path: string; params: Record<string, string> }) {
  const keys = Object.keys(params).filter((k) => k in CHIP_LABELS);
  if (!keys.length) return null;
  return (
    <ul class="chips" aria-label="Filters in force">
      {keys.map((k) => (
        <li>
          <a href={urlWith(path, { ...params, [k]: undefined })}>
            {CHIP_LABELS[k]}{k === 'placement' ? '' : `: ${params[k]}`} <span aria-hidden="true">×</span><span class="visually-hidden"> (remove)</span>
          </a>
        </li>
      ))}
    </ul>
  );
}

export function ResultsNav({ params, view, count }: { params: Record<string, string>; view: ViewKind; count: number }) {
  const api = view === 'articles' ? '/articles' : '/quotes';
  return (
    <div class="results-nav">
      <nav aria-label="Show" class="toggle">
        <a href={urlWith('/', params)} aria-current={view === 'quotes' ? 'page' : undefined}>Quotes</a>
        <a href={urlWith('/articles', params)} aria-current={view === 'articles' ? 'page' : undefined}>Articles</a>
      </nav>
      <p class="exports">
        <span class="visually-hidden">{count} shown. </span>Export:{' '}
        <a href={urlWith(`${api}.csv`, params)} download>CSV</a>{' · '}
        <a href={urlWith(`${api}.json`, params)}>JSON</a>
        {view === 'quotes' && <>{' · '}<a href={urlWith('/quotes.atom', params)}>Atom feed</a></>}
      </p>
    </div>
  );
}

function FacetList({ title, name, values, filters, path, label }: {
  title: string; name: keyof QuoteFilters; values: FacetValue[]; filters: QuoteFilters; path: string; label?: (v: FacetValue) => string;
}) {
  if (!values.length) return null;
  const params = filterParams(filters);
  const active = params[name];
  return (
    <section class="facet" aria-labelledby={`facet-${name}`}>
      <h2 id={`facet-${name}`}>{title}</h2>
      <ul>
        {values.map((v) => {
          const on = active === v.value;
          const href = urlWith(path, { ...params, [name]: on ? undefined : v.value });
          return (
            <li>
              <a href={href} aria-current={on ? 'true' : undefined} class={on ? 'active' : undefined}>
                {label ? label(v) : v.label}
                <span class="count">{v.count.toLocaleString('en-GB')}</span>
                {on && <span class="visually-hidden"> (selected; follow to remove)</span>}
              </a>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

export function FacetPanel({ facets, filters, path }: { facets: Facets; filters: QuoteFilters; path: string }) {
  return (
    <aside class="facets" aria-label="Narrow the results">
      {facets.capped && <p class="hint">Counts cover the newest {facets.counted.toLocaleString('en-GB')} matches.</p>}
      <FacetList title="Stance" name="stance" values={facets.stance} filters={filters} path={path} label={(v) => STANCE_LABELS[v.value] ?? v.value} />
      <FacetList title="Organisation" name="org" values={facets.org} filters={filters} path={path} />
      <FacetList title="Speaker" name="speaker" values={facets.speaker} filters={filters} path={path} />
      <FacetList title="Source" name="source" values={facets.source} filters={filters} path={path} />
      <FacetList title="Kind" name="kind" values={facets.kind} filters={filters} path={path} />
    </aside>
  );
}

/** Where the facet panel goes when its counts are slow to make: the page's script fetches them from `src`. */
export function DeferredFacets({ src, fallback }: { src: string; fallback: string }) {
  return (
    <aside class="facets" aria-label="Narrow the results" data-facets={src}>
      <p class="hint"><a href={fallback}>Count these results by stance, organisation, speaker and source</a></p>
    </aside>
  );
}
