// 10,000 generated hostile search requests against a running server on loopback: no 5xx, and it stays up.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWebFixtureDb, type FixtureDb } from '../helpers/web-fixture-db.ts';
import { emptySources, startServer, type ServerProcess } from '../reliability/server-process.ts';
import { fuzzRequests } from '../security/fuzz-queries.ts';

let fx: FixtureDb;
let server: ServerProcess;
beforeAll(async () => {
  fx = buildWebFixtureDb();
  server = await startServer({ db: fx.path, sources: emptySources(fx.dir) });
});
afterAll(async () => {
  await server.kill('SIGTERM');
  fx.close();
});

describe('search fuzzing against the live server', () => {
  it('answers 10,000 hostile queries without a single 5xx and is still up', async () => {
    const requests = fuzzRequests(10_000, 2026);
    const statuses = new Map<number, number>();
    const failures: string[] = [];
    let next = 0;
    const worker = async () => {
      while (next < requests.length) {
        const path = requests[next++]!;
        const res = await fetch(server.url + path);
        await res.arrayBuffer();
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        if (res.status >= 500 && failures.length < 10) failures.push(`${res.status} ${path.slice(0, 200)}`);
      }
    };
    await Promise.all(Array.from({ length: 8 }, worker));
    expect(failures).toEqual([]);
    expect([...statuses.values()].reduce((a, b) => a + b, 0)).toBe(10_000);
    expect(statuses.get(200)).toBeGreaterThan(1_000); // most are answered, not merely refused
    expect(statuses.get(400)).toBeGreaterThan(100); // and the broken ones get a friendly 400
    expect((await fetch(server.url + '/?q=inspection')).status).toBe(200);
    expect(server.child.exitCode).toBeNull();
  });
});
