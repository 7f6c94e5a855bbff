import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type DB } from '../../src/db/connection.ts';
import { insertArticle, setDuplicateOf } from '../../src/db/articles.ts';
import { findNearDuplicate as findNear, hammingDistance, jaccard, simhash } from '../../src/pipeline/near-duplicates.ts';
import { setSimhash } from '../../src/db/simhashes.ts';

const SENTENCES = [
  'The inspectorate published its new framework for local authority children’s services on Monday.',
  'Directors of children’s services said the changes would reduce the burden of inspection on social workers.',
  'The association said it had asked for a more proportionate approach for several years.',
  'Under the new arrangements councils will receive a report card instead of a single word judgement.',
  'The chief inspector said the reforms would give parents and carers clearer information.',
  'Some council leaders warned that inspection still did not take account of funding pressures.',
  'The consultation received more than six thousand responses from professionals and families.',
  'A spokesperson for the department said ministers would keep the framework under review.',
];
const story = SENTENCES.join(' ');
const other = 'Council budgets for adult social care rose by four per cent this year according to a survey of finance directors, '
  .repeat(6) + 'Housing teams reported rising demand for temporary accommodation across every region of England.';

let dir: string;
let db: DB;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sw-neardup-'));
  db = openDatabase(join(dir, 'test.db'));
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

function store(url: string, body: string, publishedAt: string | null = null): number {
  const id = insertArticle(db, {
    sourceId: null, url, originalUrl: url, title: url, standfirst: null, publishedAt, modifiedAt: null, byline: null,
    body, raw: null, rawType: null, contentHash: url, partial: false, withdrawn: false, documentType: null, fetchedAt: '2025-01-01T00:00:00Z',
  });
  setSimhash(db, id, simhash(body));
  return id;
}
const findNearDuplicate = (d: DB, text: string, published: string | null = null) => findNear(d, text, published).duplicateOf;

/** The fingerprint as first specified (and stored): FNV-1a over each distinct joined shingle string, majority vote. */
function referenceSimhash(text: string): string | null {
  const w = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  if (w.length < 40) return null;
  const fnv = (s: string, seed: number) => {
    let h = (0x811c9dc5 ^ seed) >>> 0;
    for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
    h ^= h >>> 16; h = Math.imul(h, 0x85ebca6b) >>> 0; h ^= h >>> 13; h = Math.imul(h, 0xc2b2ae35) >>> 0;
    return (h ^ (h >>> 16)) >>> 0;
  };
  const votes = new Array<number>(64).fill(0);
  const shingles = new Set(w.slice(2).map((_, i) => `${w[i]} ${w[i + 1]} ${w[i + 2]}`));
  for (const sh of shingles) {
    const halves = [fnv(sh, 0), fnv(sh, 0x9e3779b9)];
    for (let bit = 0; bit < 64; bit++) votes[bit]! += (halves[bit >> 5]! >>> (bit & 31)) & 1 ? 1 : -1;
  }
  const out = [0, 0];
  for (let bit = 0; bit < 64; bit++) if (votes[bit]! > 0) out[bit >> 5]! |= 1 << (bit & 31);
  return out.map((h) => (h >>> 0).toString(16).padStart(8, '0')).join('');
}

describe('simhash', () => {
  it.each([
    ['a news story', story],
    ['repeated shingles', other],
    ['accents and digits', `${story} Café 2024 naïve résumé ${story.toUpperCase()}`],
    ['a story repeated', `${story} ${story}`],
  ])('gives the fingerprints stored before it was made faster (%s)', (_, text) => {
    expect(simhash(text)).toBe(referenceSimhash(text));
  });

  it('is close for a lightly edited copy and far for an unrelated text', () => {
    const edited = `Press release. ${story.replace('on Monday', 'this week')} Notes to editors: contact the press office.`;
    expect(hammingDistance(simhash(story)!, simhash(edited)!)).toBeLessThanOrEqual(16);
    expect(jaccard(story, edited)).toBeGreaterThan(0.7);
    expect(jaccard(story, other)).toBe(0);
  });

  it('does not fingerprint a teaser', () => {
    expect(simhash('Ofsted changes inspections. Read more.')).toBeNull();
  });
});

describe('findNearDuplicate', () => {
  it('finds the first article of a group and ignores unrelated ones', () => {
    const first = store('https://a.example/1', story);
    store('https://b.example/1', other);
    const republished = `${story} The association’s full response is available on its website.`;
    expect(findNearDuplicate(db, republished)).toBe(first);

    const copy = store('https://c.example/1', republished);
    setDuplicateOf(db, copy, first);
    // A third copy closer to the second still groups under the first.
    expect(findNearDuplicate(db, `${republished} Ends.`)).toBe(first);
    expect(findNearDuplicate(db, other.replace('four', 'five'))).not.toBe(first);
  });

  it('compares with articles published around the same time only', () => {
    const first = store('https://a.example/1', story, '2025-03-03');
    expect(findNearDuplicate(db, story, '2025-03-10T09:00:00.000Z')).toBe(first);
    expect(findNearDuplicate(db, story, '2025-06-01')).toBeNull();
  });

  it('confirms only the five nearest fingerprints, nearest first', () => {
    const copy = store('https://a.example/copy', story);
    setSimhash(db, copy, '0000000000000003');
    for (let i = 0; i < 5; i++) setSimhash(db, store(`https://b.example/${i}`, `${other} ${i}`), '0000000000000001');
    // The one stored copy is sixth nearest (2 bits away, five unrelated texts 1 bit away): never compared.
    expect(findNear(db, story, null, '0000000000000000').duplicateOf).toBeNull();
    setSimhash(db, copy, '8000000000000000');
    expect(findNear(db, story, null, '0000000000000000').duplicateOf).toBe(copy);
  });

  it('returns null when nothing is similar', () => {
    store('https://a.example/1', other);
    expect(findNearDuplicate(db, story)).toBeNull();
  });
});
