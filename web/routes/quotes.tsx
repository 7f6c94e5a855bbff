// The quote permalink: the quote in its paragraph, who said it (and their role then), stance with its cues,
// "cite this", the correction history, and for admins a correction form.
import { Hono, type Context } from 'hono';
import type { DB } from '../../src/db/connection.ts';
import { NotFound } from '../../src/errors.ts';
import { quoteDetail, rolesAt, type QuoteDetail, type RoleRow } from '../../src/db/quote-pages.ts';
import { correctionsForQuote, correctQuote, CORRECTABLE_FIELDS, type CorrectableField, type CorrectionRow } from '../../src/db/corrections.ts';
import { STANCES, type StanceCue } from '../../src/types.ts';
import { requireAdmin, formText, type AppEnv } from '../lib/auth.ts';
import { parseId, splitFormat } from '../lib/params.ts';
import { origin } from '../lib/origin.ts';
import { quoteJson } from '../lib/quote-formats.ts';
import { bibtex, citation, type CiteInput } from '../lib/cite.ts';
import { formatDate } from '../lib/dates.ts';
import { safeHref, sourceLabel } from '../lib/safe-url.ts';
import { highlight, paragraphs } from '../views/highlight.tsx';
import { Attribution, ExternalLink, StanceBadge, STANCE_LABELS } from '../views/components.tsx';

const CUE_ROLES = new Set(['supports', 'opposes', 'negation', 'hedge', 'contrast', 'intensifier', 'target']);

/** Stance cues are stored as JSON; anything malformed is ignored rather than trusted. */
export function parseCues(raw: string, textLength: number): StanceCue[] {
  try {
    const v = JSON.parse(raw) as unknown;
    if (!Array.isArray(v)) return [];
    return v.filter((c): c is StanceCue =>
      !!c && typeof c === 'object' && typeof c.text === 'string' && Number.isInteger(c.start) && Number.isInteger(c.end) &&
      c.start >= 0 && c.end <= textLength && c.start < c.end && CUE_ROLES.has(c.role));
  } catch {
    return [];
  }
}

function cueLabel(c: StanceCue): string {
  return `${c.role} cue${c.flipped ? ' (polarity flipped by a negation)' : ''}`;
}

/** The paragraph(s) around the quote's span, with the quote marked; null when the offsets do not fit the body. */
function QuoteInContext({ q }: { q: QuoteDetail }) {
  if (!(q.start >= 0 && q.end <= q.body.length && q.start < q.end)) return null;
  const paras = paragraphs(q.body).filter((p) => p.end > q.start && p.start < q.end);
  if (!paras.length) return null;
  return (
    <section aria-labelledby="context-h">
      <h2 id="context-h">In context</h2>
      <div class="context">
        {paras.map((p) => <p>{highlight(q.body, [{ start: q.start, end: q.end, className: `quote-span stance-bg-${q.stance}` }], p.start, p.end)}</p>)}
      </div>
    </section>
  );
}

/** The reference for a quote; a linked person's recorded role at the date wins over the role the article gave. */
function citeInput(c: Context, q: QuoteDetail, roles: RoleRow[]): CiteInput {
  const role = roles[0];
  return {
    id: q.id, permalink: `${origin(c)}/quotes/${q.id}`, text: q.text, direct: q.kind === 'direct', speaker: q.person_name ?? q.speaker_name,
    role: role ? role.role : q.role, organisation: role ? role.org_name : q.org_name ?? q.speaker_org,
    articleTitle: q.article_title, articleUrl: safeHref(q.original_url ?? q.article_url),
    source: q.source_name, published: q.published_at, retrieved: new Date(),
  };
}

function CorrectionHistory({ rows }: { rows: CorrectionRow[] }) {
  return (
    <section aria-labelledby="corrections-h" id="corrections">
      <h2 id="corrections-h">Corrections</h2>
      {rows.length === 0 ? <p>No corrections have been made to this quote.</p> : (
        <div class="table-wrap">
          <table>
            <caption class="visually-hidden">Correction history, oldest first</caption>
            <thead><tr><th scope="col">When</th><th scope="col">Who</th><th scope="col">Field</th><th scope="col">Was</th><th scope="col">Now</th><th scope="col">Why</th></tr></thead>
            <tbody>
              {rows.map((r) => (
                <tr><td><time datetime={r.created_at}>{formatDate(r.created_at)}</time></td><td>{r.actor}</td><td>{r.field}</td><td>{r.old_value ?? '—'}</td><td>{r.new_value ?? '—'}</td><td>{r.reason}</td></tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function CorrectionForm({ q, csrf }: { q: QuoteDetail; csrf: string }) {
  return (
    <section aria-labelledby="correct-h" class="admin-panel">
      <h2 id="correct-h">Correct this quote</h2>
      <form method="post" action={`/quotes/${q.id}/corrections`}>
        <input type="hidden" name="_csrf" value={csrf} />
        <div class="field">
          <label for="c-field">What to correct</label>
          <select id="c-field" name="field">{CORRECTABLE_FIELDS.map((f) => <option value={f}>{f}</option>)}</select>
        </div>
        <div class="field">
          <label for="c-value">New value</label>
          <input id="c-value" name="value" required maxlength={200} list="stance-values" aria-describedby="c-value-hint" />
          <datalist id="stance-values">{STANCES.map((s) => <option value={s} />)}</datalist>
          <p id="c-value-hint" class="hint">A person's name or slug, an organisation's name, acronym or slug, or one of: {STANCES.join(', ')}.</p>
        </div>
        <div class="field">
          <label for="c-reason">Why</label>
          <textarea id="c-reason" name="reason" required maxlength={500} rows={2}></textarea>
        </div>
        <button type="submit">Save correction</button>
      </form>
    </section>
  );
}

function RoleLine({ q, roles }: { q: QuoteDetail; roles: RoleRow[] }) {
  if (!roles.length) return <Attribution q={q} />;
  return (
    <span class="attribution">
      <Attribution q={{ ...q, role: null, org_name: null, speaker_org: null, org_slug: null }} />
      {roles.map((r) => (
        <span class="role">, {r.role}{r.org_name && <>, {r.org_slug ? <a href={`/organisations/${encodeURIComponent(r.org_slug)}`}>{r.org_name}</a> : r.org_name}</>}</span>
      ))}
    </span>
  );
}

function QuotePage({ c, db, q }: { c: Context<AppEnv>; db: DB; q: QuoteDetail }) {
  const cues = parseCues(q.stance_cues, q.text.length);
  const roles = q.person_id ? rolesAt(db, q.person_id, q.published_at) : [];
  const corrections = correctionsForQuote(db, q);
  const cite = citeInput(c, q, roles);
  const csrf = c.get('csrf');
  return (
    <article class="quote-page">
      <h1 class="quote-heading">Quote by {q.person_name ?? q.speaker_name ?? 'an unattributed speaker'}</h1>
      <blockquote class={`quote-text big stance-border-${q.stance}`}>
        <p>{highlight(q.text, cues.map((cue) => ({ start: cue.start, end: cue.end, className: `cue cue-${cue.role}${cue.flipped ? ' flipped' : ''}`, title: cueLabel(cue) })))}</p>
      </blockquote>
      <p class="quote-by"><RoleLine q={q} roles={roles} /></p>
      <dl class="facts">
        <dt>Stance on Ofsted's inspection regime</dt>
        <dd><StanceBadge stance={q.stance} />{q.stance_confidence !== null && <span class="subtle"> confidence {Math.round(q.stance_confidence * 100)}%</span>}</dd>
        <dt>Article</dt>
        <dd><a href={`/articles/${q.article_id}`}>{q.article_title}</a> (<ExternalLink href={q.original_url ?? q.article_url}>original</ExternalLink>){q.partial ? <span class="badge partial">partial text</span> : null}</dd>
        <dt>Source</dt><dd>{sourceLabel(q, q.original_url ?? q.article_url)}</dd>
        <dt>Published</dt><dd><time datetime={q.published_at ?? undefined}>{formatDate(q.published_at)}</time></dd>
        <dt>Collected</dt><dd><time datetime={q.fetched_at}>{formatDate(q.fetched_at)}</time></dd>
        <dt>Kind</dt><dd>{q.kind} quote{q.placement !== 'body' ? `, in the ${q.placement}` : ''}{q.cue ? `; reporting words: “${q.cue}”` : ''}</dd>
      </dl>
      {cues.length > 0 && (
        <section aria-labelledby="cues-h">
          <h2 id="cues-h">Why “{STANCE_LABELS[q.stance]}”</h2>
          <p>Words the stance tagger relied on are highlighted above:</p>
          <ul class="cue-list">{cues.map((cue) => <li><mark class={`cue cue-${cue.role}`}>{cue.text}</mark> {cueLabel(cue)}</li>)}</ul>
        </section>
      )}
      <QuoteInContext q={q} />
      <section aria-labelledby="cite-h">
        <h2 id="cite-h">Cite this</h2>
        <p class="citation" id="citation">{citation(cite)}</p>
        <details>
          <summary>BibTeX</summary>
          <pre class="bibtex" id="bibtex">{bibtex(cite)}</pre>
        </details>
        <p class="hint">Permalink: <a href={`/quotes/${q.id}`}>{cite.permalink}</a> · <a href={`/quotes/${q.id}.json`}>JSON</a></p>
      </section>
      <CorrectionHistory rows={corrections} />
      {csrf && <CorrectionForm q={q} csrf={csrf} />}
    </article>
  );
}

function lastModified(q: QuoteDetail, corrections: CorrectionRow[]): string | null {
  const stamps = [q.processed_at, q.fetched_at, ...corrections.map((r) => r.created_at)].filter((s): s is string => !!s).map((s) => Date.parse(s)).filter((n) => !Number.isNaN(n));
  return stamps.length ? new Date(Math.max(...stamps)).toUTCString() : null;
}

export function quoteRoutes(db: DB): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/quotes/:file', (c) => {
    const { base, format } = splitFormat(c.req.param('file'));
    const id = parseId(base, 'quote');
    const q = quoteDetail(db, id);
    if (!q) throw new NotFound(`There is no quote ${id}. It may have been removed when its article was reprocessed.`);
    const corrections = correctionsForQuote(db, q);
    const modified = lastModified(q, corrections);
    if (modified) c.header('Last-Modified', modified);
    if (format === 'json') {
      const o = origin(c);
      const roles = q.person_id ? rolesAt(db, q.person_id, q.published_at) : [];
      const cite = citeInput(c, q, roles);
      return c.json({
        ok: true,
        quote: { ...quoteJson(q, o), start: q.start, end: q.end, cue: q.cue, stance_cues: parseCues(q.stance_cues, q.text.length) },
        roles,
        corrections,
        citation: { text: citation(cite), bibtex: bibtex(cite) },
      });
    }
    const who = q.person_name ?? q.speaker_name ?? 'Unattributed';
    return c.render(<QuotePage c={c} db={db} q={q} />, { title: `${who}: “${q.text.slice(0, 60)}${q.text.length > 60 ? '…' : ''}”`, description: q.text.slice(0, 200) });
  });

  app.post('/quotes/:id/corrections', requireAdmin(), async (c) => {
    const id = parseId(c.req.param('id'), 'quote');
    const field = await formText(c, 'field');
    correctQuote(db, id, {
      field: field as CorrectableField,
      value: await formText(c, 'value'),
      reason: await formText(c, 'reason'),
      actor: c.get('admin')!.actor,
    });
    return c.redirect(`/quotes/${id}#corrections`, 303);
  });

  return app;
}
