// Near-duplicate detection: the same press release republished by several sites, or a retitled story.
// A 64-bit SimHash over word 3-shingles (Charikar 2002) finds candidates cheaply; news texts are short,
// so fingerprints of one story can differ in many bits, and each candidate is confirmed by the exact
// Jaccard similarity of the two shingle sets.
import type { DB } from '../db/connection.ts';
import { getArticle } from '../db/articles.ts';
import { simhashCandidates, type SimhashCandidate } from '../db/simhashes.ts';

/** Texts shorter than this (in words) are teasers; their fingerprints collide too easily to group them. */
export const MIN_WORDS = 40;
/** Candidate threshold: unrelated texts differ in ~32 of 64 bits (sd 4), so 16 lets very few through. */
export const MAX_DISTANCE = 16;
/** Shingle-set Jaccard similarity from which two texts are one story. */
export const MIN_JACCARD = 0.5;

/** FNV-1a 32-bit steps over the characters of `s`, from state `h`. */
function fnvChars(h: number, s: string): number {
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h;
}

/**
 * FNV-1a 32-bit with a seed of the shingle "a b c", computed without building the string (ingest hashes every
 * shingle of every article), so two independent seeds make a 64-bit feature hash.
 */
function shingleHash(a: string, b: string, c: string, seed: number): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  h = Math.imul(fnvChars(h, a) ^ 0x20, 0x01000193);
  h = Math.imul(fnvChars(h, b) ^ 0x20, 0x01000193);
  h = fnvChars(h, c);
  // Final avalanche (murmur3 fmix32): FNV's low bits are weak for short inputs.
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

export function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

function shingles(w: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i + 3 <= w.length; i++) out.push(`${w[i]} ${w[i + 1]} ${w[i + 2]}`);
  return out;
}

export function jaccard(a: string, b: string): number {
  const x = new Set(shingles(words(a)));
  const y = new Set(shingles(words(b)));
  let common = 0;
  for (const s of x) if (y.has(s)) common++;
  const union = x.size + y.size - common;
  return union ? common / union : 0;
}

/**
 * The start index of each distinct word 3-shingle of `w` (its first occurrence). Shingles are told apart by
 * numbers made of word ids rather than by joined strings, which cost more than the hashing itself.
 */
function distinctShingleStarts(w: string[]): number[] {
  const ids = new Map<string, number>();
  const wid = w.map((x) => {
    let id = ids.get(x);
    if (id === undefined) ids.set(x, (id = ids.size));
    return id;
  });
  // Three ids of at most k values make a number below k³, exact in a double while k³ < 2^53.
  const k = ids.size;
  const key = k < 200_000 ? (i: number) => (wid[i]! * k + wid[i + 1]!) * k + wid[i + 2]! : (i: number) => `${wid[i]} ${wid[i + 1]} ${wid[i + 2]}`;
  const seen = new Set<number | string>();
  const starts: number[] = [];
  for (let i = 0; i + 3 <= w.length; i++) {
    const s = key(i);
    if (!seen.has(s)) (seen.add(s), starts.push(i));
  }
  return starts;
}

/** SimHash fingerprint as 16 hex digits, or null when the text is too short to fingerprint. */
export function simhash(text: string): string | null {
  const w = words(text);
  if (w.length < MIN_WORDS) return null;
  const starts = distinctShingleStarts(w);
  // Per bit, how many shingle hashes have it set; the fingerprint keeps the bits set in a majority.
  const ones = new Int32Array(64);
  for (const i of starts) {
    const lo = shingleHash(w[i]!, w[i + 1]!, w[i + 2]!, 0);
    const hi = shingleHash(w[i]!, w[i + 1]!, w[i + 2]!, 0x9e3779b9);
    for (let bit = 0; bit < 32; bit++) {
      ones[bit]! += (lo >>> bit) & 1;
      ones[bit + 32]! += (hi >>> bit) & 1;
    }
  }
  const out = [0, 0];
  for (let bit = 0; bit < 64; bit++) if (2 * ones[bit]! > starts.length) out[bit >> 5]! |= 1 << (bit & 31);
  return out.map((h) => (h >>> 0).toString(16).padStart(8, '0')).join('');
}

function popcount32(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
}

/** A 64-bit fingerprint's two 32-bit halves. */
const halves = (fp: string): [number, number] => [parseInt(fp.slice(0, 8), 16), parseInt(fp.slice(8, 16), 16)];

const distanceOf = ([ahi, alo]: [number, number], [bhi, blo]: [number, number]) => popcount32(ahi ^ bhi) + popcount32(alo ^ blo);

export function hammingDistance(a: string, b: string): number {
  return distanceOf(halves(a), halves(b));
}

/**
 * The candidates within MAX_DISTANCE of `fingerprint`, nearest first (stored order among equals), at most `limit`.
 * The new fingerprint is parsed once and only near candidates are copied: an archive at 100× the sector's volume gives
 * ~1,300 candidates an article, and mapping each to a copy with its distance before filtering cost ~2.7 ms (now ~0.4).
 */
function nearest(fingerprint: string, candidates: SimhashCandidate[], limit: number): Array<SimhashCandidate & { distance: number }> {
  const mine = halves(fingerprint);
  const near: Array<SimhashCandidate & { distance: number }> = [];
  for (const c of candidates) {
    const distance = distanceOf(mine, halves(c.simhash));
    if (distance <= MAX_DISTANCE) near.push({ ...c, distance });
  }
  return near.sort((a, b) => a.distance - b.distance).slice(0, limit);
}

/** How many of the closest fingerprints are confirmed by the (slower) exact shingle comparison. */
const MAX_CONFIRMATIONS = 5;

export interface NearDuplicate {
  /** The new text's fingerprint (null when too short), to store with it. */
  fingerprint: string | null;
  /** The first article of the group the text belongs to, or null. */
  duplicateOf: number | null;
}

/**
 * Looks for a stored near-copy of `text` among articles published around the same time. `fingerprint` can be
 * computed beforehand (it is pure) so that only the look-up runs inside the ingest transaction.
 */
export function findNearDuplicate(db: DB, text: string, published: string | null, fingerprint = simhash(text)): NearDuplicate {
  if (!fingerprint) return { fingerprint, duplicateOf: null };
  for (const c of nearest(fingerprint, simhashCandidates(db, published), MAX_CONFIRMATIONS)) {
    const body = getArticle(db, c.id)?.body;
    if (body && jaccard(text, body) >= MIN_JACCARD) return { fingerprint, duplicateOf: c.duplicateOf ?? c.id };
  }
  return { fingerprint, duplicateOf: null };
}
