// Publication dates arrive as ISO 8601, RFC 2822 (feeds) or bare days; store them in one sortable form.

/** A bare YYYY-MM-DD stays a day; anything else parseable becomes a UTC ISO timestamp; junk becomes null. */
export function normaliseDate(input: string | null | undefined): string | null {
  const s = input?.trim();
  if (!s) return null;
  if (/^\d{4}-\d{2}-\d{2}$/.test(s)) return isRealDay(s) ? s : null;
  const t = Date.parse(s);
  if (Number.isNaN(t)) return null;
  const year = new Date(t).getUTCFullYear();
  return year >= 1990 && year <= 2100 ? new Date(t).toISOString() : null;
}

function isRealDay(day: string): boolean {
  const d = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(day);
}
