// A failed fetch says what went wrong in words a log reader understands, and what kind of failure it was,
// so the crawler can tell "this page is gone" from "this host is down".
import { FetchError } from '../errors.ts';

export type FetchFailureKind = 'http' | 'gone' | 'robots' | 'timeout' | 'network' | 'too-large' | 'redirect' | 'invalid-url' | 'cancelled';

export class FetchFailure extends FetchError {
  constructor(
    message: string,
    url: string,
    readonly kind: FetchFailureKind,
    /** The HTTP status the server answered with, when it answered. */
    readonly httpStatus: number | null = null,
    options?: { cause?: unknown },
  ) {
    super(message, url, { cause: options?.cause, status: httpStatus ?? (kind === 'timeout' ? 504 : 502) });
  }
}

export function httpFailure(status: number, url: string): FetchFailure {
  const kind = status === 404 || status === 410 ? 'gone' : 'http';
  return new FetchFailure(`HTTP ${status}${status === 410 ? ' Gone' : status === 404 ? ' Not Found' : ''}`, url, kind, status);
}

/** Names a network-level error (undici or Node socket) in plain words. */
export function describeNetworkError(err: unknown): string {
  const e = err as { code?: string; message?: string; cause?: { code?: string } };
  const code = e?.code ?? e?.cause?.code;
  switch (code) {
    case 'ECONNRESET':
    case 'UND_ERR_SOCKET':
      return `connection reset (${code})`;
    case 'ECONNREFUSED':
      return 'connection refused';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'host not found';
    case 'UND_ERR_CONNECT_TIMEOUT':
      return 'connect timed out';
    default:
      return `network error: ${code ? `${code} ` : ''}${e?.message ?? String(err)}`.trim();
  }
}
