// Small pieces shared by several pages: stance badges, links that must be safe, quote cards.
import type { Child } from 'hono/jsx';
import { safeHref, sourceLabel } from '../lib/safe-url.ts';
import { inQuoteMarks } from '../lib/quote-formats.ts';
import { formatDate } from '../lib/dates.ts';
import type { TimelineQuote } from '../../src/db/timeline.ts';

export const STANCE_LABELS: Record<string, string> = {
  supports: 'Supports',
  opposes: 'Opposes',
  mixed: 'Mixed',
  neutral: 'Neutral',
  unrelated: 'Unrelated',
};

export function StanceBadge({ stance }: { stance: string }) {
  return <span class={`badge stance-${stance}`}>{STANCE_LABELS[stance] ?? stance}</span>;
}

/** A link to an outside page, or plain text when the URL is not http(s). */
export function ExternalLink({ href, children }: { href: string | null | undefined; children: Child }) {
  const safe = safeHref(href);
  if (!safe) return <span>{children}</span>;
  return <a href={safe} rel="noopener noreferrer nofollow" class="external">{children}</a>;
}

export function SpeakerLink({ q }: { q: Pick<TimelineQuote, 'person_slug' | 'person_name' | 'speaker_name'> }) {
  const name = q.person_name ?? q.speaker_name ?? 'Unattributed';
  return q.person_slug ? <a href={`/speakers/${encodeURIComponent(q.person_slug)}`} class="speaker">{name}</a> : <span class="speaker">{name}</span>;
}

/** An organisation by its short name when it has one (the full name on hover and for screen readers). */
export function OrgLink({ q }: { q: Pick<TimelineQuote, 'org_slug' | 'org_name' | 'org_acronym' | 'speaker_org'> }) {
  const name = q.org_name ?? q.speaker_org;
  if (!name) return null;
  const label = q.org_acronym && q.org_acronym !== name ? <abbr title={name}>{q.org_acronym}</abbr> : name;
  return q.org_slug ? <a href={`/organisations/${encodeURIComponent(q.org_slug)}`}>{label}</a> : <span>{label}</span>;
}

/** True when an organisation itself speaks ("the LGA said"): its name is the speaker's, so it is shown once. */
function orgSpeaks(q: TimelineQuote): boolean {
  if (q.person_slug || !q.speaker_name) return false;
  const said = q.speaker_name.toLowerCase();
  return [q.org_acronym, q.org_name, q.speaker_org].some((n) => n?.toLowerCase() === said);
}

/** Speaker, role and organisation on one line. */
export function Attribution({ q }: { q: TimelineQuote }) {
  const org = q.org_name ?? q.speaker_org;
  if (orgSpeaks(q)) {
    // Under the name the quote gives it ("Department for Education" speaks in full, "LGA" by its acronym).
    const name = q.org_slug ? <a href={`/organisations/${encodeURIComponent(q.org_slug)}`}>{q.speaker_name}</a> : q.speaker_name;
    return <span class="attribution"><span class="speaker">{name}</span>{q.role && <span class="role">, {q.role}</span>}</span>;
  }
  return (
    <span class="attribution">
      <SpeakerLink q={q} />
      {q.role && <span class="role">, {q.role}</span>}
      {org && <span class="org">{q.role ? ', ' : ' · '}<OrgLink q={q} /></span>}
    </span>
  );
}

export function QuoteCard({ q }: { q: TimelineQuote }) {
  return (
    <article class={`quote-card stance-border-${q.stance}`} aria-labelledby={`q${q.id}-by`}>
      <blockquote class="quote-text">
        <p>{inQuoteMarks(q.text, q.kind)}</p>
      </blockquote>
      <div class="quote-meta">
        <p id={`q${q.id}-by`}><Attribution q={q} /> <StanceBadge stance={q.stance} />
          {q.placement !== 'body' && <span class="badge placement">{q.placement}</span>}
          {q.kind !== 'direct' && <span class="badge kind">{q.kind}</span>}
        </p>
        <p class="source-line">
          In <a href={`/articles/${q.article_id}`}>{q.article_title}</a>
          {' '}(<ExternalLink href={q.original_url ?? q.article_url}>original</ExternalLink>)
          <span> · {sourceLabel(q, q.original_url ?? q.article_url)}</span>
          {' · '}<time datetime={q.published_at ?? undefined}>{formatDate(q.published_at)}</time>
          {' · '}<a href={`/quotes/${q.id}`} class="permalink">Permalink<span class="visually-hidden"> to quote {q.id}</span></a>
        </p>
      </div>
    </article>
  );
}

export function ErrorBox({ message }: { message: string }) {
  return <div class="error-box" role="alert"><p>{message}</p></div>;
}
