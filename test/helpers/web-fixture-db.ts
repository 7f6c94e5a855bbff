// One fixture database for the web tests, full of awkward rows: hostile markup and javascript: URLs in titles,
// quotes, bylines, names and links; formula-looking quote text; undated, partial and duplicate articles; and
// enough quotes to need several pages. Built with plain SQL inserts into a real SQLite file.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type DB } from '../../src/db/connection.ts';

export const HOSTILE = {
  script: '<script>alert("xss")</script>',
  img: '"><img src=x onerror=alert(1)>',
  jsUrl: 'javascript:alert(document.cookie)',
  formula: '=HYPERLINK("http://evil.example/","click")',
};

export interface FixtureDb {
  path: string;
  dir: string;
  db: DB;
  ids: {
    adcsQuote: number;
    hostileQuote: number;
    formulaQuote: number;
    undatedQuote: number;
    headlineQuote: number;
    hostileArticle: number;
    mainArticle: number;
    duplicateArticle: number;
    partialArticle: number;
  };
  close(): void;
}

const MAIN_BODY = [
  'Ofsted chief inspector Sir Michael Wilshaw told MPs the new framework would raise standards.',
  'Dave Hill, president of the ADCS, said: "The framework is flawed and does not help children."',
  'He added that councils were "not against inspection" but wanted a fairer system.',
].join('\n\n');

export function buildWebFixtureDb(): FixtureDb {
  const dir = mkdtempSync(join(tmpdir(), 'stancewatch-web-'));
  const path = join(dir, 'fixture.db');
  const db = openDatabase(path);
  const run = (sql: string, ...params: unknown[]) => Number(db.prepare(sql).run(...params).lastInsertRowid);

  const adcs = run(`INSERT INTO organisations (slug, name, acronym, kind, website) VALUES ('adcs', 'Association of Directors of Children''s Services', 'ADCS', 'association', 'https://adcs.org.uk/')`);
  const ofsted = run(`INSERT INTO organisations (slug, name, acronym, kind, website) VALUES ('ofsted', 'Ofsted', 'Ofsted', 'regulator', ?)`, HOSTILE.jsUrl);
  const evilOrg = run(`INSERT INTO organisations (slug, name, acronym) VALUES ('evil-org', ?, NULL)`, `${HOSTILE.script} Org`);
  run(`INSERT INTO sources (id, name, kind, last_run_at, last_success_at, items_total) VALUES ('cypn', 'Children & Young People Now', 'rss', '2016-07-22T10:00:00Z', '2016-07-22T10:00:00Z', 3)`);
  run(`INSERT INTO sources (id, name, kind, last_run_at, consecutive_failures, last_error) VALUES ('evil', ?, 'rss', '2016-07-22T10:00:00Z', 3, ?)`, `Evil ${HOSTILE.img}`, `HTTP 500 ${HOSTILE.script}`);
  const wilshaw = run(`INSERT INTO people (slug, name) VALUES ('michael-wilshaw', 'Sir Michael Wilshaw')`);
  const hill = run(`INSERT INTO people (slug, name) VALUES ('dave-hill', 'Dave Hill')`);
  const evilPerson = run(`INSERT INTO people (slug, name) VALUES ('evil-person', ?)`, `${HOSTILE.script}${HOSTILE.img}`);
  run(`INSERT INTO person_aliases (person_id, alias) VALUES (?, 'Sir Michael')`, wilshaw);
  run(`INSERT INTO person_roles (person_id, organisation_id, role, from_date, to_date, source_url) VALUES (?, ?, 'Chief Inspector', '2012-01-01', '2016-12-31', ?)`, wilshaw, ofsted, HOSTILE.jsUrl);
  run(`INSERT INTO person_roles (person_id, organisation_id, role, from_date, to_date) VALUES (?, ?, 'President', '2016-04-01', '2017-03-31')`, hill, adcs);

  const article = (o: { source: string; url: string; original?: string; title: string; body: string; published: string | null; byline?: string; partial?: number; duplicateOf?: number }) =>
    run(
      `INSERT INTO articles (source_id, url, original_url, title, published_at, byline, body, content_hash, fetched_at, processed_at, partial, duplicate_of)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, '2016-07-22T10:00:00Z', '2016-07-22T10:05:00Z', ?, ?)`,
      o.source, o.url, o.original ?? o.url, o.title, o.published, o.byline ?? null, o.body, `hash-${o.url}`, o.partial ?? 0, o.duplicateOf ?? null,
    );
  const quote = (o: { article: number; body: string; text: string; stance: string; kind?: string; placement?: string; speaker: string | null; person?: number | null; org?: number | null; orgName?: string | null; role?: string | null; published: string | null; source: string; cues?: unknown[] }) => {
    const start = Math.max(0, o.body.indexOf(o.text));
    return run(
      `INSERT INTO quotes (article_id, start, "end", text, kind, placement, speaker_name, person_id, organisation_id, speaker_org, role, cue, stance, stance_confidence, stance_cues, published_at, source_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'said', ?, 0.8, ?, ?, ?)`,
      o.article, start, start + o.text.length, o.text, o.kind ?? 'direct', o.placement ?? 'body', o.speaker, o.person ?? null, o.org ?? null, o.orgName ?? null,
      o.role ?? null, o.stance, JSON.stringify(o.cues ?? []), o.published, o.source,
    );
  };

  const mainArticle = article({ source: 'cypn', url: 'https://cypn.example/news/framework', title: 'ADCS criticises new inspection framework', body: MAIN_BODY, published: '2016-07-21', byline: 'Jo Reporter' });
  const adcsText = 'The framework is flawed and does not help children.';
  const adcsQuote = quote({
    article: mainArticle, body: MAIN_BODY, text: adcsText, stance: 'opposes', speaker: 'Dave Hill', person: hill, org: adcs, orgName: 'ADCS', role: 'President',
    published: '2016-07-21', source: 'cypn', cues: [{ text: 'flawed', start: adcsText.indexOf('flawed'), end: adcsText.indexOf('flawed') + 6, role: 'opposes' }, { text: 'not', start: adcsText.indexOf('not'), end: adcsText.indexOf('not') + 3, role: 'negation' }],
  });
  quote({ article: mainArticle, body: MAIN_BODY, text: 'the new framework would raise standards', kind: 'indirect', stance: 'supports', speaker: 'Sir Michael Wilshaw', person: wilshaw, org: ofsted, orgName: 'Ofsted', role: 'Chief Inspector', published: '2016-07-21', source: 'cypn' });
  quote({ article: mainArticle, body: MAIN_BODY, text: 'not against inspection', kind: 'mixed', stance: 'mixed', speaker: 'Dave Hill', person: hill, org: adcs, orgName: 'ADCS', published: '2016-07-21', source: 'cypn' });

  const hostileBody = `Intro ${HOSTILE.script} text.\n\n"${HOSTILE.img} is what they said," claimed the spokesperson.\n\n${HOSTILE.formula} appeared in a caption.`;
  const hostileArticle = article({ source: 'evil', url: 'https://evil.example/a', original: HOSTILE.jsUrl, title: `${HOSTILE.script} Breaking ${HOSTILE.img}`, body: hostileBody, published: '2016-06-01', byline: `By ${HOSTILE.img}` });
  const hostileQuote = quote({ article: hostileArticle, body: hostileBody, text: `${HOSTILE.img} is what they said,`, stance: 'opposes', speaker: `${HOSTILE.script}`, person: evilPerson, org: evilOrg, orgName: HOSTILE.script, role: HOSTILE.img, published: '2016-06-01', source: 'evil',
    cues: [{ text: 'bogus', start: 0, end: 9999, role: 'opposes' }, { text: 'x', start: 'a', end: 2, role: '<b>' }] });
  const formulaQuote = quote({ article: hostileArticle, body: hostileBody, text: HOSTILE.formula, stance: 'neutral', placement: 'caption', speaker: '@SUM(A1)', published: '2016-06-01', source: 'evil' });

  const undatedBody = 'Nobody knows when this was published, said Anon Person about the inspection.';
  const undatedArticle = article({ source: 'cypn', url: 'https://cypn.example/undated', title: 'Undated story about inspection', body: undatedBody, published: null });
  const undatedQuote = quote({ article: undatedArticle, body: undatedBody, text: 'Nobody knows when this was published', kind: 'indirect', stance: 'unrelated', speaker: 'Anon Person', published: null, source: 'cypn' });

  const partialBody = 'Subscribers only. "Inspection is working," said a director.';
  const partialArticle = article({ source: 'cypn', url: 'https://cypn.example/paywalled', title: 'Paywalled piece', body: partialBody, published: '2016-05-01', partial: 1 });
  const headlineQuote = quote({ article: partialArticle, body: partialBody, text: 'Inspection is working,', placement: 'headline', stance: 'supports', speaker: 'A Director', published: '2016-05-01', source: 'cypn' });
  const duplicateArticle = article({ source: 'cypn', url: 'https://syndicated.example/framework', title: 'ADCS criticises new inspection framework (syndicated)', body: MAIN_BODY, published: '2016-07-22', duplicateOf: mainArticle });
  run('INSERT INTO article_urls (url, article_id) VALUES (?, ?)', 'https://mirror.example/framework', mainArticle);

  // Filler: 130 quotes across 2015 so the timeline needs several pages.
  const fillerBody = 'Filler paragraph about children\'s social care and inspection reform.';
  db.transaction(() => {
    for (let i = 0; i < 130; i++) {
      const day = `2015-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 27) + 1).padStart(2, '0')}`;
      const a = article({ source: 'cypn', url: `https://cypn.example/filler/${i}`, title: `Filler story ${i}`, body: fillerBody, published: day });
      quote({ article: a, body: fillerBody, text: 'children\'s social care and inspection reform', kind: 'indirect', stance: ['supports', 'opposes', 'neutral'][i % 3]!, speaker: 'Filler Speaker', person: i % 2 ? hill : wilshaw, org: i % 2 ? adcs : ofsted, orgName: i % 2 ? 'ADCS' : 'Ofsted', published: day, source: 'cypn' });
    }
  })();
  run(`INSERT INTO crawl_runs (source_id, started_at, finished_at, status, items_new, items_failed, error) VALUES ('evil', '2016-07-22T10:00:00Z', '2016-07-22T10:01:00Z', 'failed', 0, 1, ?)`, HOSTILE.script);
  run(`INSERT INTO crawl_errors (run_id, source_id, url, reason, at) VALUES (1, 'evil', ?, ?, '2016-07-22T10:01:00Z')`, HOSTILE.jsUrl, HOSTILE.img);

  return {
    path, dir, db,
    ids: { adcsQuote, hostileQuote, formulaQuote, undatedQuote, headlineQuote, hostileArticle, mainArticle, duplicateArticle, partialArticle },
    close() {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
