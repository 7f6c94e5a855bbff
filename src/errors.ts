// One error type with an HTTP-ish status and a stable code; one handler (CLI or web) turns it into a message.

export class AppError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}

export class BadRequest extends AppError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, 400, 'bad_request', options);
  }
}

export class NotFound extends AppError {
  constructor(message: string) {
    super(message, 404, 'not_found');
  }
}

export class ConfigError extends AppError {
  constructor(message: string) {
    super(message, 2, 'config');
  }
}

export class FetchError extends AppError {
  constructor(message: string, readonly url: string, options?: { cause?: unknown; status?: number }) {
    super(message, options?.status ?? 502, 'fetch', options);
  }
}

export class ParseError extends AppError {
  constructor(message: string, readonly url?: string, options?: { cause?: unknown }) {
    super(message, 422, 'parse', options);
  }
}

/** Whatever was thrown, as an Error (a thrown string or object keeps its text). */
export function toError(err: unknown): Error {
  return err instanceof Error ? err : new Error(String(err));
}

export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
