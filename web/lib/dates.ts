// Human dates for pages: stored dates are ISO strings, shown in UK style.

const DAY = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const MONTH = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });

/** Formatted days, kept: a page shows 50 dates and Intl formatting is its slowest step (~8 µs each); bounded. */
const formattedDays = new Map<string, string>();
const MAX_KEPT_DAYS = 20_000;

function formatDay(day: string): string {
  let text = formattedDays.get(day);
  if (text === undefined) {
    if (formattedDays.size >= MAX_KEPT_DAYS) formattedDays.clear();
    formattedDays.set(day, (text = DAY.format(new Date(`${day}T00:00:00Z`))));
  }
  return text;
}

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return 'date unknown';
  const day = /^\d{4}-\d{2}-\d{2}/.exec(iso)?.[0];
  if (day) return formatDay(day);
  if (/^\d{4}-\d{2}$/.test(iso)) return MONTH.format(new Date(`${iso}-01T00:00:00Z`));
  return iso;
}

export function dayKey(iso: string | null | undefined): string {
  return iso ? iso.slice(0, 10) : '';
}
