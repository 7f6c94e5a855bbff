// The scheme and host the request came in on, for absolute links in feeds, exports and citations.
import type { Context } from 'hono';

export function origin(c: Context): string {
  return new URL(c.req.url).origin;
}
