// One request starts per turn of the event loop, in the order requests arrived.
//
// Why: our handlers are synchronous (better-sqlite3) and cost milliseconds of CPU. Node reads every ready socket in
// one poll phase and ran each request's handler right there, but it accepts only one waiting connection per poll
// phase. Under load a turn of the loop therefore lasted (ready requests × CPU per request), and the n-th new
// connection waited n such turns: with 50 connections at ~9 ms a request, the last one's first answer came after
// 12 s (measured; docs/benchmarks.md). Parsing a request is cheap, so the poll phase now only queues it; one queued
// request then runs per turn, so accepts and reads keep pace and every request waits its turn first come, first served.
import type { MiddlewareHandler } from 'hono';

export function oneRequestPerTurn(): MiddlewareHandler {
  const waiting: Array<() => void> = [];
  let scheduled = false;

  // Runs in the loop's check phase; the next start is scheduled for the next turn, after the next poll phase.
  const startNext = () => {
    const start = waiting.shift();
    if (!start) {
      scheduled = false;
      return;
    }
    start();
    setImmediate(startNext);
  };

  return async (_c, next) => {
    await new Promise<void>((resolve) => {
      waiting.push(resolve);
      if (!scheduled) {
        scheduled = true;
        setImmediate(startNext);
      }
    });
    await next();
  };
}
