// Speaker and organisation profiles: roles over time, counts by stance, stance over time, latest quotes, topics.
import { Hono } from 'hono';
import type { DB } from '../../src/db/connection.ts';
import { NotFound } from '../../src/errors.ts';
import { listQuotes, type TimelineQuote } from '../../src/db/timeline.ts';
import {
  organisationBySlug, organisationPeople, personAliases, personBySlug, recentQuoteTexts, stanceCounts,
  type OrgPersonRow, type StanceCount,
} from '../../src/db/profiles.ts';
import { rolesAt, type RoleRow } from '../../src/db/quote-pages.ts';
import { mergePeople, splitPerson } from '../../src/db/corrections.ts';
import { requireAdmin, formText, type AppEnv } from '../lib/auth.ts';
import { splitFormat, urlWith } from '../lib/params.ts';
import { origin } from '../lib/origin.ts';
import { quoteJson } from '../lib/quote-formats.ts';
import { formatDate } from '../lib/dates.ts';
import { topTopics, type Topic } from '../lib/topics.ts';
import { stanceTrends } from '../../src/db/trends.ts';
import { ExternalLink, QuoteCard, StanceBadge } from '../views/components.tsx';
import { NetChart, TrendTable, VolumeChart, type TrendRow } from '../views/stance-chart.tsx';

function period(from: string | null, to: string | null): string {
  if (!from && !to) return 'dates unknown';
  if (from === to) return formatDate(from); // a role seen in one article, or on one day
  return `${from ? formatDate(from) : '…'} – ${to ? formatDate(to) : 'now'}`;
}

function Counts({ counts }: { counts: StanceCount[] }) {
  const total = counts.reduce((s, c) => s + c.n, 0);
  return (
    <p class="counts">
      <strong>{total.toLocaleString('en-GB')}</strong> {total === 1 ? 'quote' : 'quotes'}
      {counts.map((c) => <span> · <StanceBadge stance={c.stance} /> {c.n.toLocaleString('en-GB')}</span>)}
    </p>
  );
}

function Topics({ topics, filter }: { topics: Topic[]; filter: Record<string, string> }) {
  if (!topics.length) return null;
  return (
    <section aria-labelledby="topics-h">
      <h2 id="topics-h">Most-covered topics</h2>
      <ul class="topics">{topics.map((t) => <li><a href={urlWith('/', { ...filter, q: `"${t.term}"` })}>{t.term}</a> <span class="count">{t.quotes}</span></li>)}</ul>
    </section>
  );
}

function Trend({ rows, name }: { rows: TrendRow[]; name: string }) {
  if (!rows.length) return null;
  return (
    <section aria-labelledby="trend-h">
      <h2 id="trend-h">Stance over time</h2>
      <VolumeChart id="vol" title={`Quotes by ${name} per period, by stance`} rows={rows} />
      <NetChart id="net" title={`Net stance of ${name} over time`} rows={rows} />
      <TrendTable rows={rows} caption={`Stance of ${name} by period`} />
    </section>
  );
}

function Latest({ quotes, more, whose }: { quotes: TimelineQuote[]; more: string; whose: string }) {
  return (
    <section aria-labelledby="latest-h">
      <h2 id="latest-h">Latest quotes</h2>
      {quotes.length ? quotes.map((q) => <QuoteCard q={q} />) : <p>No quotes yet.</p>}
      {quotes.length > 0 && <p><a href={more}>All {whose} quotes on the timeline →</a></p>}
    </section>
  );
}

function Roles({ roles }: { roles: RoleRow[] }) {
  return (
    <section aria-labelledby="roles-h">
      <h2 id="roles-h">Roles over time</h2>
      {roles.length === 0 ? <p>No roles recorded.</p> : (
        <ul class="roles">
          {roles.map((r) => (
            <li>
              <strong>{r.role}</strong>{r.org_name && <>, {r.org_slug ? <a href={`/organisations/${encodeURIComponent(r.org_slug)}`}>{r.org_name}</a> : r.org_name}</>}
              {' '}<span class="subtle">({period(r.from_date, r.to_date)})</span>
              {r.source_url && <> · <ExternalLink href={r.source_url}>source</ExternalLink></>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function People({ people }: { people: OrgPersonRow[] }) {
  if (!people.length) return null;
  return (
    <section aria-labelledby="people-h">
      <h2 id="people-h">People</h2>
      <ul class="roles">{people.map((p) => <li><a href={`/speakers/${encodeURIComponent(p.slug)}`}>{p.name}</a>, {p.role} <span class="subtle">({period(p.from_date, p.to_date)})</span></li>)}</ul>
    </section>
  );
}

function AdminPeopleForms({ slug, csrf }: { slug: string; csrf: string }) {
  return (
    <section aria-labelledby="admin-people-h" class="admin-panel">
      <h2 id="admin-people-h">Admin: merge or split</h2>
      <form method="post" action={`/speakers/${encodeURIComponent(slug)}/merge`}>
        <input type="hidden" name="_csrf" value={csrf} />
        <div class="field"><label for="m-into">Merge this person into (slug)</label><input id="m-into" name="into" required maxlength={120} /></div>
        <div class="field"><label for="m-reason">Why</label><input id="m-reason" name="reason" required maxlength={500} /></div>
        <button type="submit">Merge</button>
      </form>
      <form method="post" action={`/speakers/${encodeURIComponent(slug)}/split`}>
        <input type="hidden" name="_csrf" value={csrf} />
        <div class="field"><label for="s-name">Move quotes to a person named</label><input id="s-name" name="name" required maxlength={200} /></div>
        <div class="field"><label for="s-ids">Quote numbers (comma-separated)</label><input id="s-ids" name="quotes" required pattern="[0-9, ]+" /></div>
        <div class="field"><label for="s-reason">Why</label><input id="s-reason" name="reason" required maxlength={500} /></div>
        <button type="submit">Split</button>
      </form>
    </section>
  );
}

export function profileRoutes(db: DB): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get('/speakers/:file', (c) => {
    const { base: slug, format } = splitFormat(c.req.param('file'));
    const p = personBySlug(db, slug);
    if (!p && slug !== slug.toLowerCase()) return c.redirect(`/speakers/${encodeURIComponent(slug.toLowerCase())}${format === 'json' ? '.json' : ''}`, 301);
    if (!p) throw new NotFound(`There is no speaker "${slug}".`);
    if (p.merged_slug) return c.redirect(`/speakers/${encodeURIComponent(p.merged_slug)}${format === 'json' ? '.json' : ''}`, 301);
    const roles = rolesAt(db, p.id, null);
    const counts = stanceCounts(db, { personId: p.id });
    const latest = listQuotes(db, { speaker: p.slug }, null, 10).rows;
    const trends = stanceTrends(db, { speaker: p.slug, groupBy: 'none' });
    const topics = topTopics(recentQuoteTexts(db, { personId: p.id }));
    if (format === 'json') {
      return c.json({ ok: true, person: { slug: p.slug, name: p.name, aliases: personAliases(db, p.id) }, roles, stance_counts: counts, trends, topics, latest: latest.map((q) => quoteJson(q, origin(c))) });
    }
    // Aliases are stored lower-case; the parts of the name itself ("wilshaw", "michael wilshaw") say nothing new.
    const aliases = personAliases(db, p.id).filter((a) => !p.name.toLowerCase().includes(a.toLowerCase()));
    const csrf = c.get('csrf');
    return c.render(
      <article class="profile">
        <h1>{p.name}</h1>
        {aliases.length > 0 && <p class="subtle">Also quoted as: {aliases.join('; ')}</p>}
        <Counts counts={counts} />
        <Roles roles={roles} />
        <Trend rows={trends} name={p.name} />
        <Topics topics={topics} filter={{ speaker: p.slug }} />
        <Latest quotes={latest} more={urlWith('/', { speaker: p.slug })} whose="their" />
        {csrf && <AdminPeopleForms slug={p.slug} csrf={csrf} />}
      </article>,
      { title: p.name },
    );
  });

  app.get('/organisations/:file', (c) => {
    const { base: slug, format } = splitFormat(c.req.param('file'));
    const o = organisationBySlug(db, slug);
    if (!o && slug !== slug.toLowerCase()) return c.redirect(`/organisations/${encodeURIComponent(slug.toLowerCase())}${format === 'json' ? '.json' : ''}`, 301);
    if (!o) throw new NotFound(`There is no organisation "${slug}".`);
    const counts = stanceCounts(db, { organisationId: o.id });
    const people = organisationPeople(db, o.id);
    const latest = listQuotes(db, { org: o.slug }, null, 10).rows;
    const trends = stanceTrends(db, { org: o.slug, groupBy: 'none' });
    const topics = topTopics(recentQuoteTexts(db, { organisationId: o.id }));
    if (format === 'json') {
      return c.json({ ok: true, organisation: o, people, stance_counts: counts, trends, topics, latest: latest.map((q) => quoteJson(q, origin(c))) });
    }
    return c.render(
      <article class="profile">
        <h1>{o.name}{o.acronym && o.acronym !== o.name ? <span class="subtle"> ({o.acronym})</span> : null}</h1>
        {o.website && <p><ExternalLink href={o.website}>Website</ExternalLink></p>}
        <Counts counts={counts} />
        <People people={people} />
        <Trend rows={trends} name={o.acronym ?? o.name} />
        <Topics topics={topics} filter={{ org: o.slug }} />
        <Latest quotes={latest} more={urlWith('/', { org: o.slug })} whose="its" />
      </article>,
      { title: o.name },
    );
  });

  app.post('/speakers/:slug/merge', requireAdmin(), async (c) => {
    const into = (await formText(c, 'into')).trim();
    mergePeople(db, c.req.param('slug'), into, { reason: await formText(c, 'reason'), actor: c.get('admin')!.actor });
    return c.redirect(`/speakers/${encodeURIComponent(into)}`, 303);
  });

  app.post('/speakers/:slug/split', requireAdmin(), async (c) => {
    const ids = (await formText(c, 'quotes')).split(/[\s,]+/).filter(Boolean).map(Number).filter((n) => Number.isSafeInteger(n) && n > 0);
    const { slug } = splitPerson(db, c.req.param('slug'), { newName: await formText(c, 'name'), quoteIds: ids, reason: await formText(c, 'reason'), actor: c.get('admin')!.actor });
    return c.redirect(`/speakers/${encodeURIComponent(slug)}`, 303);
  });

  return app;
}
