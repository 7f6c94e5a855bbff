// The source registry (data/sources.json, or STANCEWATCH_SOURCES / --sources FILE): validated once at start-up,
// so a typo names the entry and the field instead of failing mid-crawl. Adding or fixing a source needs no code.
import { readFileSync } from 'node:fs';
import cron from 'node-cron';
import { z } from 'zod';
import { ConfigError } from './errors.ts';

const httpUrl = z.string().refine((s) => /^https?:\/\/[^\s]+$/.test(s), 'must be an absolute http(s) URL');
const cronExpr = z.string().refine((s) => cron.validate(s), 'must be a cron expression such as "15 */6 * * *"');
const cssSelector = z.string().min(1);

const common = {
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'must be lower-case letters, digits and hyphens'),
  name: z.string().min(1),
  /** Short name of the organisation the source speaks for or belongs to (as in data/organisations.json). */
  organisation: z.string().min(1),
  urls: z.array(httpUrl).min(1),
  schedule: cronExpr,
  enabled: z.boolean().default(true),
  /** Listing pages read per scheduled run at most; a backfill is limited by its date instead. */
  maxPages: z.number().int().min(1).max(1000).default(5),
  /** What is confirmed and what is assumed about this site (shown in docs, ignored by code). */
  notes: z.string().optional(),
};

const FeedSource = z.strictObject({
  ...common,
  kind: z.literal('feed'),
  options: z
    .strictObject({
      /** auto: fetch the article page when the feed carries only a summary. */
      fetchPages: z.enum(['auto', 'always', 'never']).default('auto'),
      /** Query parameter that pages back through the feed for backfills (WordPress: "paged"). */
      pageParam: z.string().optional(),
    })
    .prefault({}),
});

const GovukSource = z.strictObject({
  ...common,
  kind: z.literal('govuk'),
  options: z.strictObject({
    /** Organisation slug for filter_organisations, e.g. "ofsted". */
    organisation: z.string().regex(/^[a-z0-9-]+$/),
    subgroups: z.array(z.string().regex(/^[a-z_]+$/)).min(1).default(['news', 'speeches_and_statements']),
    count: z.number().int().min(1).max(1500).default(50),
  }),
});

const WordpressSource = z.strictObject({
  ...common,
  kind: z.literal('wordpress'),
  options: z
    .strictObject({
      perPage: z.number().int().min(1).max(100).default(20),
      /** Read /feed/ when the REST API is closed. */
      feedFallback: z.boolean().default(true),
      /** Restrict to WordPress category ids. */
      categories: z.array(z.number().int()).optional(),
    })
    .prefault({}),
});

const HtmlListingSource = z.strictObject({
  ...common,
  kind: z.literal('html-listing'),
  options: z.strictObject({
    selectors: z.strictObject({
      /** Each match is one listed item: the link itself, or an element containing it. */
      item: cssSelector,
      /** Within an item: the link to the article (default: the item if it is <a>, else its first a[href]). */
      link: cssSelector.optional(),
      title: cssSelector.optional(),
      date: cssSelector.optional(),
      /** The "next page" link on a listing page. */
      next: cssSelector.optional(),
    }),
    /** Day-first listing dates such as 05/03/2024 (UK style). */
    dateOrder: z.enum(['dmy', 'mdy']).default('dmy'),
    /** When urls[0] contains {page}: the number of the first page (0 on Drupal sites). */
    firstPage: z.number().int().min(0).default(1),
    /** Only links whose path matches this regular expression are articles. */
    linkPattern: z.string().optional(),
  }),
});

const GuardianSource = z.strictObject({
  ...common,
  kind: z.literal('guardian'),
  options: z.strictObject({
    query: z.string().min(1),
    section: z.string().optional(),
    pageSize: z.number().int().min(1).max(200).default(50),
  }),
});

export const SourceConfigSchema = z.discriminatedUnion('kind', [FeedSource, GovukSource, WordpressSource, HtmlListingSource, GuardianSource]);
export type SourceConfig = z.infer<typeof SourceConfigSchema>;
export type SourceKind = SourceConfig['kind'];
export type SourceOf<K extends SourceKind> = Extract<SourceConfig, { kind: K }>;

const RegistryFile = z.strictObject({ about: z.string().optional(), sources: z.array(z.unknown()) });

function describeIssue(issue: z.core.$ZodIssue): string {
  const path = issue.path.map(String).join('.');
  return `${path ? `field "${path}"` : 'entry'}: ${issue.message}`;
}

/** Validates registry JSON; every problem names the entry (by id, else by position) and the field. */
export function parseSourceRegistry(json: unknown, origin = 'source registry'): SourceConfig[] {
  const file = RegistryFile.safeParse(json);
  if (!file.success) throw new ConfigError(`${origin}: expected {"sources": [...]}: ${file.error.issues.map(describeIssue).join('; ')}`);
  const problems: string[] = [];
  const out: SourceConfig[] = [];
  const seen = new Set<string>();
  file.data.sources.forEach((entry, i) => {
    const rawId = (entry as { id?: unknown })?.id;
    const label = typeof rawId === 'string' ? `source "${rawId}"` : `source #${i + 1}`;
    const parsed = SourceConfigSchema.safeParse(entry);
    if (!parsed.success) problems.push(...parsed.error.issues.map((issue) => `${label}: ${describeIssue(issue)}`));
    else if (seen.has(parsed.data.id)) problems.push(`${label}: field "id": duplicate id`);
    else {
      seen.add(parsed.data.id);
      out.push(parsed.data);
    }
  });
  if (problems.length) throw new ConfigError(`${origin} is invalid:\n  ${problems.join('\n  ')}`);
  return out;
}

export function loadSourceRegistry(path: string): SourceConfig[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new ConfigError(`cannot read source registry ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new ConfigError(`source registry ${path} is not valid JSON: ${(err as Error).message}`);
  }
  return parseSourceRegistry(json, path);
}
