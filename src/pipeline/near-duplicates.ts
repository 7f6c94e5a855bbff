// Near-duplicate detection: the same press release republished by several sites, or a retitled story.
// A 64-bit SimHash over word 3-shingles (Charikar 2002) finds candidates cheaply; news texts are short,
// so fingerprints of one story can differ in many bits, and each candidate is confirmed by the exact
// Jaccard similarity of the two shingle sets.
import type { DB } from '../db/connection.ts';
import { getArticle } from '../db/articles.ts';
import { simhashCandidates } from '../db/simhashes.ts';

/** Texts shorter than this (in words) are teasers; their fingerprints collide too easily to group them. */
export const MIN_WORDS = 40;
/** Candidate threshold: unrelated texts differ in ~32 of 64 bits (sd 4), so 16 lets very few through. */
export const MAX_DISTANCE = 16;
/** Shingle-set Jaccard similarity from which two texts are one story. */
export const MIN_JACCARD = 0.5;

/** FNV-1a 32-bit with a seed, so two independent halves make a 64-bit feature hash. */
function fnv1a(s: string, seed: number): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  // Final avalanche (murmur3 fmix32): FNV's low bits are weak for short inputs.
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b) >>> 0;
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35) >>> 0;
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

/** SimHash fingerprint as 16 hex digits, or null when the text is too short to fingerprint. */
export function simhash(text: string): string | null {
  const w = words(text);
  if (w.length < MIN_WORDS) return null;
  const votes = new Int32Array(64);
  for (const shingle of new Set(shingles(w))) {
    const halves = [fnv1a(shingle, 0), fnv1a(shingle, 0x9e3779b9)];
    for (let bit = 0; bit < 64; bit++) votes[bit]! += (halves[bit >> 5]! >>> (bit & 31)) & 1 ? 1 : -1;
  }
  const out = [0, 0];
  for (let bit = 0; bit < 64; bit++) if (votes[bit]! > 0) out[bit >> 5]! |= 1 << (bit & 31);
  return out.map((h) => (h >>> 0).toString(16).padStart(8, '0')).join('');
}

function popcount32(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
}

export function hammingDistance(a: string, b: string): number {
  return (
    popcount32(parseInt(a.slice(0, 8), 16) ^ parseInt(b.slice(0, 8), 16)) +
    popcount32(parseInt(a.slice(8, 16), 16) ^ parseInt(b.slice(8, 16), 16))
  );
}

/** How many of the closest fingerprints are confirmed by the (slower) exact shingle comparison. */
const MAX_CONFIRMATIONS = 5;

export interface NearDuplicate {
  /** The new text's fingerprint (null when too short), to store with it. */
  fingerprint: string | null;
  /** The first article of the group the text belongs to, or null. */
  duplicateOf: number | null;
}

/** Looks for a stored near-copy of `text` among articles published around the same time. */
export function findNearDuplicate(db: DB, text: string, published: string | null): NearDuplicate {
  const fingerprint = simhash(text);
  if (!fingerprint) return { fingerprint, duplicateOf: null };
  const candidates = simhashCandidates(db, published)
    .map((c) => ({ ...c, distance: hammingDistance(fingerprint, c.simhash) }))
    .filter((c) => c.distance <= MAX_DISTANCE)
    .sort((a, b) => a.distance - b.distance)
    .slice(0, MAX_CONFIRMATIONS);
  for (const c of candidates) {
    const body = getArticle(db, c.id)?.body;
    if (body && jaccard(text, body) >= MIN_JACCARD) return { fingerprint, duplicateOf: c.duplicateOf ?? c.id };
  }
  return { fingerprint, duplicateOf: null };
}
