// A saturated server still serves new connections promptly and every request in arrival order, because requests
// start one per turn of the event loop (web/lib/turns.ts). Counted in requests served, not in time.
import { afterEach, describe, expect, it } from 'vitest';
import { connect, type AddressInfo, type Socket } from 'node:net';
import { Hono } from 'hono';
import { serve, type HttpBindings, type ServerType } from '@hono/node-server';
import { oneRequestPerTurn } from '../../web/lib/turns.ts';

const BUSY_MS = 3;
const CONNECTIONS = 30;

function busy(ms: number): void {
  const end = performance.now() + ms;
  while (performance.now() < end);
}

/** A closed loop on one keep-alive connection: the next request goes out as soon as the answer is in. */
function loop(port: number, stopped: () => boolean): Socket {
  const socket = connect(port, '127.0.0.1');
  const ask = () => socket.write('GET / HTTP/1.1\r\nHost: t\r\n\r\n');
  let pending = '';
  socket.on('connect', ask);
  socket.on('data', (chunk) => {
    pending += chunk.toString('latin1');
    for (let end = pending.indexOf('\r\n\r\nok'); end >= 0; end = pending.indexOf('\r\n\r\nok')) {
      pending = pending.slice(end + 6);
      if (!stopped()) ask();
    }
  });
  socket.on('error', () => {});
  return socket;
}

let server: ServerType | undefined;
const sockets: Socket[] = [];
afterEach(async () => {
  for (const s of sockets.splice(0)) s.destroy();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
});

describe('oneRequestPerTurn', () => {
  it('serves the first request of each of many new connections within about one round of the others', async () => {
    // Which connection each served request came from, in the order the server ran them.
    const served: number[] = [];
    const app = new Hono<{ Bindings: HttpBindings }>();
    app.use(oneRequestPerTurn());
    app.get('/', (c) => {
      busy(BUSY_MS);
      served.push(c.env.incoming.socket.remotePort!);
      return c.text('ok');
    });
    const port = await new Promise<number>((resolve) => {
      server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) => resolve(info.port));
    });

    let done = false;
    // All connections at once, as a load generator opens them, against a server kept busy from the first answer on.
    for (let k = 0; k < CONNECTIONS; k++) sockets.push(loop(port, () => done));
    await new Promise<void>((resolve) => {
      const check = setInterval(() => {
        if (served.length >= CONNECTIONS * 8) {
          clearInterval(check);
          resolve();
        }
      }, 20);
    });
    done = true;

    const ports = sockets.map((s) => s.localPort!);
    const firstServed = ports.map((p) => served.indexOf(p));
    expect(firstServed.every((k) => k >= 0)).toBe(true);
    // Without the turns, Node accepted one new connection per round of all the connections it already had, so the
    // last connection's first request came after ~CONNECTIONS²/2 others (hundreds); with them, within two rounds.
    expect(Math.max(...firstServed)).toBeLessThan(2 * CONNECTIONS);
    // And first come, first served afterwards: no connection waits more than two rounds between two answers.
    for (const p of ports) {
      const mine = served.flatMap((q, k) => (q === p ? [k] : []));
      const gaps = mine.slice(1).map((k, i) => k - mine[i]!);
      expect(Math.max(...gaps)).toBeLessThan(2 * CONNECTIONS);
    }
  });
});
