// One request at a time per host, at least `delayMs` (+ random jitter) apart; different hosts run in parallel.

export interface HostQueueOptions {
  delayMs: number;
  jitterMs: number;
  /** Per-host override, e.g. a robots.txt Crawl-delay longer than our own delay. */
  delayFor?: (host: string) => number;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class HostQueue {
  private readonly tails = new Map<string, Promise<void>>();
  private readonly lastEnd = new Map<string, number>();

  constructor(private readonly opts: HostQueueOptions) {}

  /** Runs `task` when every earlier task for `host` has finished and the host's delay has passed. */
  run<T>(host: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(host) ?? Promise.resolve();
    const result = previous.then(async () => {
      await this.waitTurn(host);
      try {
        return await task();
      } finally {
        this.lastEnd.set(host, (this.opts.now ?? Date.now)());
      }
    });
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
    this.tails.set(host, tail);
    // Forget idle hosts so a long-running scheduler does not keep one promise per host ever seen.
    void tail.then(() => {
      if (this.tails.get(host) === tail) this.tails.delete(host);
    });
    return result;
  }

  private async waitTurn(host: string): Promise<void> {
    const last = this.lastEnd.get(host);
    if (last === undefined) return;
    const delay = Math.max(this.opts.delayMs, this.opts.delayFor?.(host) ?? 0);
    const jitter = this.opts.jitterMs > 0 ? Math.random() * this.opts.jitterMs : 0;
    const wait = last + delay + jitter - (this.opts.now ?? Date.now)();
    if (wait > 0) await (this.opts.sleep ?? sleep)(wait);
  }
}
