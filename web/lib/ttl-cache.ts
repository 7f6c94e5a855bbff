// A small time-limited cache for results that are estimates anyway (facet counts, directory counts): a busy
// timeline should not recount the newest thousands of quotes on every page view.
// Given `version` (the database's data version), an entry also outlives its TTL for as long as the data it was
// computed from is unchanged: between crawls, each filter set is counted once.

export interface TtlCacheOptions {
  maxEntries?: number;
  now?: () => number;
  /** Changes whenever the underlying data does. */
  version?: () => string;
}

export class TtlCache<V> {
  private readonly entries = new Map<string, { value: V; expires: number; version: string | undefined }>();
  private readonly maxEntries: number;
  private readonly now: () => number;
  private readonly version: (() => string) | undefined;

  constructor(private readonly ttlMs: number, opts: TtlCacheOptions = {}) {
    this.maxEntries = opts.maxEntries ?? 200;
    this.now = opts.now ?? Date.now;
    this.version = opts.version;
  }

  /** The value if it is still valid, without computing it. */
  peek(key: string): V | undefined {
    const hit = this.entries.get(key);
    if (hit && (hit.expires > this.now() || (hit.version !== undefined && hit.version === this.version?.()))) return hit.value;
    return undefined;
  }

  get(key: string, compute: () => V): V {
    const hit = this.peek(key);
    if (hit !== undefined) return hit;
    const version = this.version?.();
    const value = compute();
    this.entries.delete(key);
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, { value, expires: this.now() + this.ttlMs, version });
    return value;
  }
}
