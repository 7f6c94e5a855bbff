// The only code that touches the network. Polite (identifying User-Agent, robots.txt, one request at a time
// per host with a delay, conditional GET) and robust (timeouts, size cap, redirect limit, retries with backoff).
import { setTimeout as sleepFor } from 'node:timers/promises';
import { Agent, request } from 'undici';
import type { Config } from '../config.ts';
import { silentLogger, type Logger } from '../log.ts';
import { readCappedBody } from './body.ts';
import { decodeBody } from './charset.ts';
import { describeNetworkError, FetchFailure, httpFailure } from './errors.ts';
import { HostQueue } from './host-queue.ts';
import { backoffMs, isRetryableStatus, parseRetryAfter } from './retry.ts';
import { RobotsCache } from './robots.ts';

export interface FetcherOptions {
  userAgent: string;
  /** Minimum gap between two requests to one host. */
  delayMs: number;
  /** Random extra gap, 0..jitterMs; defaults to half the delay, at most 1 s. */
  jitterMs?: number;
  /** Total time for one attempt: connect, headers and body. */
  timeoutMs: number;
  connectTimeoutMs?: number;
  retries: number;
  retryBaseMs?: number;
  /** A Retry-After longer than this is not waited for: the request fails and the crawl moves on. */
  maxRetryAfterMs?: number;
  maxBytes: number;
  maxRedirects?: number;
  log?: Logger;
}

export interface Validators {
  etag: string | null;
  lastModified: string | null;
}

export interface FetchOptions {
  /** Validators from an earlier fetch: the server may answer 304 Not Modified. */
  validators?: Validators | null;
  accept?: string;
  /** Cancels the request (and any wait for a retry): used when the crawl is being stopped. */
  signal?: AbortSignal;
}

export interface FetchResult {
  /** The URL after redirects. */
  url: string;
  requestedUrl: string;
  status: number;
  notModified: boolean;
  body: string;
  contentType: string | null;
  charset: string | null;
  validators: Validators;
  bytes: number;
}

export interface Fetcher {
  fetch(url: string, opts?: FetchOptions): Promise<FetchResult>;
  close(): Promise<void>;
}

interface Raw {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  bytes: Buffer | null;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const header = (h: Raw['headers'], name: string): string | null => {
  const v = h[name];
  return (Array.isArray(v) ? v[0] : v) ?? null;
};

export function fetcherOptionsFromConfig(config: Config, log?: Logger): FetcherOptions {
  return {
    userAgent: config.userAgent,
    delayMs: config.fetchDelayMs,
    timeoutMs: config.fetchTimeoutMs,
    retries: config.fetchRetries,
    maxBytes: config.maxResponseBytes,
    log,
  };
}

export function createFetcher(options: FetcherOptions): Fetcher {
  return new PoliteFetcher(options);
}

class PoliteFetcher implements Fetcher {
  private readonly agent: Agent;
  private readonly queue: HostQueue;
  private readonly robots: RobotsCache;
  private readonly crawlDelays = new Map<string, number>();
  private readonly log: Logger;

  constructor(private readonly opts: FetcherOptions) {
    const connectTimeout = opts.connectTimeoutMs ?? Math.min(10_000, opts.timeoutMs);
    this.agent = new Agent({ connect: { timeout: connectTimeout }, headersTimeout: opts.timeoutMs, bodyTimeout: opts.timeoutMs });
    this.queue = new HostQueue({
      delayMs: opts.delayMs,
      jitterMs: opts.jitterMs ?? Math.min(1000, opts.delayMs / 2),
      delayFor: (host) => this.crawlDelays.get(host) ?? 0,
    });
    const token = opts.userAgent.split(/[/\s]/)[0] || '*';
    this.robots = new RobotsCache((url) => this.fetchRobots(url), token);
    this.log = opts.log ?? silentLogger;
  }

  async fetch(url: string, fo: FetchOptions = {}): Promise<FetchResult> {
    const seen = [url];
    let current = url;
    for (;;) {
      const target = parseHttpUrl(current);
      await this.checkRobots(target);
      const conditional = current === url ? fo.validators : null;
      const raw = await this.queue.run(target.host, () => this.withRetries(current, requestHeaders(this.opts, fo, conditional), true, fo.signal));
      const location = header(raw.headers, 'location');
      if (REDIRECTS.has(raw.status) && location) {
        const next = new URL(location, current).href;
        if (seen.includes(next)) throw new FetchFailure(`redirect loop: ${[...seen, next].join(' → ')}`, url, 'redirect', raw.status);
        if (seen.length > (this.opts.maxRedirects ?? 5)) throw new FetchFailure(`more than ${this.opts.maxRedirects ?? 5} redirects`, url, 'redirect', raw.status);
        seen.push(next);
        current = next;
        continue;
      }
      return this.toResult(url, current, raw);
    }
  }

  async close(): Promise<void> {
    await this.agent.close();
  }

  private toResult(requestedUrl: string, url: string, raw: Raw): FetchResult {
    const validators = { etag: header(raw.headers, 'etag'), lastModified: header(raw.headers, 'last-modified') };
    const contentType = header(raw.headers, 'content-type');
    if (raw.status === 304) {
      return { url, requestedUrl, status: 304, notModified: true, body: '', contentType, charset: null, validators, bytes: 0 };
    }
    if (raw.status < 200 || raw.status >= 300) throw httpFailure(raw.status, url);
    const bytes = raw.bytes ?? Buffer.alloc(0);
    const decoded = decodeBody(bytes, contentType);
    return { url, requestedUrl, status: raw.status, notModified: false, body: decoded.text, contentType, charset: decoded.charset, validators, bytes: bytes.length };
  }

  private async checkRobots(target: URL): Promise<void> {
    const answer = await this.robots.check(target.href);
    if (!answer.allowed) throw new FetchFailure(`blocked: ${answer.reason}`, target.href, 'robots');
    if (!this.crawlDelays.has(target.host)) this.crawlDelays.set(target.host, await this.robots.crawlDelayMs(target.origin));
  }

  private async fetchRobots(url: string): Promise<{ status: number; text: string }> {
    const host = new URL(url).host;
    const raw = await this.queue.run(host, () => this.withRetries(url, requestHeaders(this.opts, { accept: 'text/plain' }, null), false));
    // robots.txt may redirect (e.g. http → https); one hop is followed, as RFC 9309 allows.
    const location = header(raw.headers, 'location');
    if (REDIRECTS.has(raw.status) && location) {
      const next = new URL(location, url);
      const again = await this.queue.run(next.host, () => this.withRetries(next.href, requestHeaders(this.opts, {}, null), false));
      return { status: again.status, text: again.bytes ? decodeBody(again.bytes, null).text : '' };
    }
    return { status: raw.status, text: raw.bytes ? decodeBody(raw.bytes, header(raw.headers, 'content-type')).text : '' };
  }

  /** One request with retries on network errors, 429 and 5xx; runs inside the host's queue slot. */
  private async withRetries(url: string, headers: Record<string, string>, retry: boolean, cancel?: AbortSignal): Promise<Raw> {
    const attempts = retry ? this.opts.retries + 1 : 1;
    for (let attempt = 0; ; attempt++) {
      const last = attempt + 1 >= attempts;
      let raw: Raw;
      try {
        raw = await this.requestOnce(url, headers, cancel);
      } catch (err) {
        if (last || (err instanceof FetchFailure && (err.kind === 'too-large' || err.kind === 'cancelled'))) throw err;
        const wait = backoffMs(attempt, this.opts.retryBaseMs ?? 1000);
        this.log.warn('fetch failed, retrying', { url, error: (err as Error).message, attempt: attempt + 1, waitMs: wait });
        await this.pause(wait, url, cancel);
        continue;
      }
      if (last || !isRetryableStatus(raw.status)) return raw;
      const retryAfter = parseRetryAfter(raw.headers['retry-after']);
      if (retryAfter !== null && retryAfter > (this.opts.maxRetryAfterMs ?? 120_000)) return raw;
      const wait = Math.max(retryAfter ?? 0, backoffMs(attempt, this.opts.retryBaseMs ?? 1000));
      this.log.warn('server asked to retry', { url, status: raw.status, attempt: attempt + 1, waitMs: wait });
      await this.pause(wait, url, cancel);
    }
  }

  private async pause(ms: number, url: string, cancel?: AbortSignal): Promise<void> {
    try {
      await sleepFor(ms, undefined, { signal: cancel });
    } catch {
      throw new FetchFailure('cancelled', url, 'cancelled');
    }
  }

  private async requestOnce(url: string, headers: Record<string, string>, cancel?: AbortSignal): Promise<Raw> {
    if (cancel?.aborted) throw new FetchFailure('cancelled', url, 'cancelled');
    const timeout = AbortSignal.timeout(this.opts.timeoutMs);
    const signal = cancel ? AbortSignal.any([timeout, cancel]) : timeout;
    try {
      const res = await request(url, { method: 'GET', headers, dispatcher: this.agent, signal });
      const wantBody = res.statusCode >= 200 && res.statusCode < 300;
      if (!wantBody) {
        await res.body.dump().catch(() => undefined);
        return { status: res.statusCode, headers: res.headers, bytes: null };
      }
      const declared = Number(res.headers['content-length']);
      if (Number.isFinite(declared) && declared > this.opts.maxBytes) {
        res.body.destroy();
        throw new FetchFailure(`response larger than ${this.opts.maxBytes} bytes (Content-Length ${declared})`, url, 'too-large');
      }
      const encoding = header(res.headers, 'content-encoding') ?? undefined;
      const bytes = await readCappedBody(res.body, encoding, this.opts.maxBytes, url);
      return { status: res.statusCode, headers: res.headers, bytes };
    } catch (err) {
      if (err instanceof FetchFailure) throw err;
      if (cancel?.aborted) throw new FetchFailure('cancelled', url, 'cancelled', null, { cause: err });
      if (signal.aborted) throw new FetchFailure(`timed out after ${this.opts.timeoutMs} ms`, url, 'timeout', null, { cause: err });
      const code = (err as { code?: string }).code;
      if (code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT') {
        throw new FetchFailure(`timed out after ${this.opts.timeoutMs} ms`, url, 'timeout', null, { cause: err });
      }
      throw new FetchFailure(describeNetworkError(err), url, 'network', null, { cause: err });
    }
  }
}

function parseHttpUrl(url: string): URL {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new FetchFailure(`not a URL: ${url}`, url, 'invalid-url');
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new FetchFailure(`not an http(s) URL: ${url}`, url, 'invalid-url');
  return u;
}

function requestHeaders(opts: FetcherOptions, fo: FetchOptions, validators: Validators | null | undefined): Record<string, string> {
  const h: Record<string, string> = {
    'user-agent': opts.userAgent,
    accept: fo.accept ?? 'text/html,application/xhtml+xml,application/xml;q=0.9,application/json;q=0.9,*/*;q=0.8',
    'accept-encoding': 'gzip, deflate, br',
  };
  if (validators?.etag) h['if-none-match'] = validators.etag;
  if (validators?.lastModified) h['if-modified-since'] = validators.lastModified;
  return h;
}
