import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TtlCache } from '../../web/lib/ttl-cache.ts';
import { dataVersion, openDatabase, type DB } from '../../src/db/connection.ts';

describe('TtlCache', () => {
  it('reuses a value until it expires, and evicts the oldest beyond its size', () => {
    let now = 0;
    let computed = 0;
    const cache = new TtlCache<number>(1000, { maxEntries: 2, now: () => now });
    const get = (k: string) => cache.get(k, () => ++computed);
    expect(get('a')).toBe(1);
    expect(get('a')).toBe(1);
    now = 1001;
    expect(get('a')).toBe(2);
    get('b');
    get('c'); // evicts a
    expect(get('b')).toBe(3);
    expect(get('a')).toBe(5);
  });

  it('keeps a value past its TTL while the data version is unchanged, and recomputes once it changes', () => {
    let now = 0;
    let version = 'v1';
    let computed = 0;
    const cache = new TtlCache<number>(1000, { now: () => now, version: () => version });
    const get = () => cache.get('k', () => ++computed);
    expect(get()).toBe(1);
    now = 60_000;
    expect(get()).toBe(1);
    version = 'v2';
    expect(get()).toBe(2);
    version = 'v3';
    now = 60_500; // changed data, but within the TTL: a slightly stale estimate is fine
    expect(get()).toBe(2);
  });
});

describe('dataVersion', () => {
  let dir = '';
  const open: DB[] = [];
  afterEach(() => {
    for (const db of open.splice(0)) db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('changes on a write through this connection or another one, and not on reads', () => {
    dir = mkdtempSync(join(tmpdir(), 'stancewatch-version-'));
    const reader = openDatabase(join(dir, 'v.db'));
    const writer = openDatabase(join(dir, 'v.db'));
    open.push(reader, writer);
    const v0 = dataVersion(reader);
    reader.prepare('SELECT count(*) FROM quotes').get();
    expect(dataVersion(reader)).toBe(v0);
    writer.prepare("INSERT INTO sources (id, name, kind) VALUES ('s1', 'One', 'rss')").run();
    const v1 = dataVersion(reader);
    expect(v1).not.toBe(v0);
    reader.prepare("UPDATE sources SET name = 'Uno' WHERE id = 's1'").run();
    expect(dataVersion(reader)).not.toBe(v1);
  });
});
