// A small time-limited cache for results that are estimates anyway (facet counts): a busy timeline should not
// recount the newest ten thousand quotes on every page view.

export class TtlCache<V> {
  private readonly entries = new Map<string, { value: V; expires: number }>();

  constructor(private readonly ttlMs: number, private readonly maxEntries = 200, private readonly now = () => Date.now()) {}

  get(key: string, compute: () => V): V {
    const hit = this.entries.get(key);
    if (hit && hit.expires > this.now()) return hit.value;
    const value = compute();
    this.entries.delete(key);
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, { value, expires: this.now() + this.ttlMs });
    return value;
  }
}
