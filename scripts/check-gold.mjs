#!/usr/bin/env node
// Checks a gold set (format: ../shared/corpus/seeds/README.md): headers match the
// JSON, fields are valid, every quote text occurs verbatim in the body (multi-paragraph
// quotes joined with one space, the continuation's opening mark dropped), entries are
// in document order; then prints counts for the README.
//   node scripts/check-gold.mjs [DIR]   (default test/fixtures/gold)
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2] ?? 'test/fixtures/gold';
const KINDS = ['direct', 'indirect', 'mixed'];
const STANCES = ['supports', 'opposes', 'mixed', 'neutral', 'unrelated'];
const FIELDS = ['text', 'kind', 'speaker', 'speaker_org', 'speaker_role', 'stance', 'optional', 'notes'];
const problems = [];
const rows = [];
const bySpeaker = new Map();
const optional = { kind: {}, stance: {} };
const bump = (o, k) => { o[k] = (o[k] ?? 0) + 1; };

// Paragraph breaks become one space; a continuation paragraph's opening quote mark is dropped.
const joined = (body) => body.replace(/\n\s*\n\s*[“"‘']?/g, ' ');

for (const file of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
  const slug = file.slice(0, -5);
  const gold = JSON.parse(readFileSync(join(dir, file), 'utf8'));
  const raw = readFileSync(join(dir, `${slug}.txt`), 'utf8');
  const lines = raw.split('\n');
  const body = lines.slice(4).join('\n');
  const flat = joined(body);
  const fail = (msg) => problems.push(`${slug}: ${msg}`);
  if (raw.endsWith('\n')) fail('body has a trailing newline');
  if (gold.slug !== slug) fail(`slug ${gold.slug}`);
  if (lines[0] !== gold.title) fail('line 1 is not the title');
  if (lines[1] !== (gold.url ?? '')) fail('line 2 is not the url');
  if (lines[2] !== (gold.published ?? '')) fail('line 3 is not the date');
  if (lines[3] !== '') fail('line 4 is not blank');
  if (gold.published && !/^\d{4}-\d{2}-\d{2}$/.test(gold.published)) fail('bad date');
  if (!gold.source) fail('no source');
  const row = { slug, total: 0, required: 0, optional: 0, kind: {}, stance: {} };
  let last = 0;
  for (const q of gold.quotes) {
    const keys = Object.keys(q);
    if (keys.join() !== FIELDS.join()) fail(`fields ${keys.join()}`);
    if (!KINDS.includes(q.kind)) fail(`kind ${q.kind}`);
    if (!STANCES.includes(q.stance)) fail(`stance ${q.stance}`);
    if (typeof q.optional !== 'boolean') fail('optional not boolean');
    if (!q.speaker) fail('no speaker');
    if (q.speaker === 'unknown' && !q.optional) fail('unknown speaker on a required entry');
    if (q.text !== q.text.trim()) fail(`untrimmed text: ${q.text.slice(0, 40)}`);
    const inBody = body.includes(q.text), inFlat = flat.includes(q.text);
    if (!inBody && !inFlat) { fail(`not verbatim: ${q.text.slice(0, 70)}`); continue; }
    // Document order: the next occurrence at or after the previous entry's start.
    const hay = inBody ? body : flat;
    const lastAt = inBody ? last : flatPos(body, last);
    const at = hay.indexOf(q.text, lastAt);
    if (at < 0) fail(`out of document order: ${q.text.slice(0, 50)}`);
    else last = inBody ? at : bodyPos(body, at);
    row.total++;
    if (q.optional) { row.optional++; bump(optional.kind, q.kind); bump(optional.stance, q.stance); continue; }
    row.required++;
    bump(row.kind, q.kind);
    bump(row.stance, q.stance);
    const who = `${q.speaker} | ${q.speaker_org ?? '–'}`;
    bySpeaker.set(who, (bySpeaker.get(who) ?? 0) + 1);
  }
  rows.push(row);
}

// Map offsets between the body and its joined form (joining only shortens text).
function flatPos(body, pos) { return joined(body.slice(0, pos)).length; }
function bodyPos(body, flatAt) {
  let lo = 0, hi = body.length;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (flatPos(body, mid) < flatAt) lo = mid + 1; else hi = mid; }
  return lo;
}

const cols = ['total', 'required', 'optional', ...KINDS.map((k) => `k:${k}`), ...STANCES.map((s) => `s:${s}`)];
const cell = (r, c) => (c.startsWith('k:') ? r.kind[c.slice(2)] : c.startsWith('s:') ? r.stance[c.slice(2)] : r[c]) ?? 0;
const sum = { slug: '**total**', total: 0, required: 0, optional: 0, kind: {}, stance: {} };
for (const r of rows) {
  for (const k of ['total', 'required', 'optional']) sum[k] += r[k];
  for (const [k, v] of Object.entries(r.kind)) sum.kind[k] = (sum.kind[k] ?? 0) + v;
  for (const [k, v] of Object.entries(r.stance)) sum.stance[k] = (sum.stance[k] ?? 0) + v;
}
const label = (c) => (c === 'k:mixed' ? 'mixed (kind)' : c === 's:mixed' ? 'mixed (stance)' : c.replace(/^[ks]:/, ''));
console.log(`| article | ${cols.map(label).join(' | ')} |`);
console.log(`|---|${cols.map(() => '---').join('|')}|`);
for (const r of [...rows, sum]) console.log(`| ${r.slug} | ${cols.map((c) => cell(r, c)).join(' | ')} |`);
console.log(`\noptional by kind: ${JSON.stringify(optional.kind)}; by stance: ${JSON.stringify(optional.stance)}`);
console.log('\nrequired entries per speaker:');
for (const [who, n] of [...bySpeaker].sort((a, b) => b[1] - a[1])) console.log(`| ${who.replace(' | ', ' | ')} | ${n} |`);
if (problems.length) { console.error(`\n${problems.length} problem(s):\n${problems.join('\n')}`); process.exit(1); }
console.error('\nall gold entries found verbatim; headers match');
