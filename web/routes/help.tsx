// How to search, and how to get the same results as JSON, CSV or an Atom feed.
import { Hono } from 'hono';
import type { AppEnv } from '../lib/auth.ts';

const EXAMPLES: [string, string][] = [
  ['framework', 'quotes containing the word (also "frameworks": words are stemmed)'],
  ['"new framework"', 'the exact phrase'],
  ['inspection OR inspections', 'either word'],
  ['ofsted -wilshaw', 'ofsted, but not wilshaw'],
  ['inspect*', 'words starting with inspect'],
  ['speaker:wilshaw', 'said by a speaker whose name contains wilshaw'],
  ['org:ADCS', 'speakers from an organisation (acronym, name or slug)'],
  ['stance:opposes', 'supports, opposes, mixed, neutral or unrelated'],
  ['source:cyp-now', 'from one source (id or name)'],
  ['kind:indirect', 'direct, indirect or mixed quotes'],
  ['after:2016-01 before:2016-07-01', 'published in a date range (YYYY, YYYY-MM or YYYY-MM-DD; after: includes, before: excludes)'],
  ['org:ADCS stance:opposes framework', 'everything together: what ADCS said against the framework'],
];

export function helpRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/help', (c) =>
    c.render(
      <article class="help">
        <h1>Search help</h1>
        <p>Type words to find quotes that contain all of them. Words are matched in the quote, the speaker's name and their organisation.</p>
        <div class="table-wrap">
          <table>
            <caption>Search syntax</caption>
            <thead><tr><th scope="col">Type</th><th scope="col">To find</th></tr></thead>
            <tbody>{EXAMPLES.map(([q, what]) => <tr><td><a href={`/?q=${encodeURIComponent(q)}`}><code>{q}</code></a></td><td>{what}</td></tr>)}</tbody>
          </table>
        </div>
        <p>A minus before a field excludes it: <code>-stance:neutral</code>. Put values with spaces in quotes: <code>speaker:"Dave Hill"</code>. OR works between words and phrases, not fields.</p>
        <p>The filters under the search box and the counts beside the results narrow the same search further. "Hide headline and caption quotes" keeps only quotes from the article body.</p>

        <h2 id="api">JSON, CSV and Atom</h2>
        <p>Every list has the same URL in other formats, with the same filters:</p>
        <ul>
          <li><code>/quotes.json?q=org:ADCS</code>: a page of quotes as JSON, with <code>next_url</code> for the next page (<code>_size</code> up to 200, <code>_facets=1</code> adds counts).</li>
          <li><code>/quotes.csv?q=org:ADCS</code>: every matching quote as CSV, however many there are.</li>
          <li><code>/quotes.atom?q=org:ADCS stance:opposes</code>: an Atom feed of the newest 50, for a feed reader.</li>
          <li><code>/articles.json</code>, <code>/articles.csv</code>: the same for articles.</li>
          <li><code>/quotes/123.json</code>, <code>/articles/45.json</code>, <code>/speakers/slug.json</code>, <code>/organisations/slug.json</code>, <code>/organisations.csv</code>, <code>/speakers.json</code>, <code>/trends.json</code>, <code>/trends.csv</code>, <code>/sources.json</code>, <code>/sources.csv</code>, <code>/corrections.csv</code>.</li>
        </ul>
        <p>Filters without an underscore (<code>speaker</code>, <code>org</code>, <code>stance</code>, <code>source</code>, <code>kind</code>, <code>from</code>, <code>to</code>, <code>placement=body</code>) narrow the results; parameters with one (<code>_next</code>, <code>_size</code>) control paging. Errors come back as <code>{`{"ok": false, "error": "…", "status": 400}`}</code>.</p>
      </article>,
      { title: 'Search help' },
    ),
  );
  return app;
}
