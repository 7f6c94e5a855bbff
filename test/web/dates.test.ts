import { describe, expect, it } from 'vitest';
import { formatDate } from '../../web/lib/dates.ts';

describe('formatDate', () => {
  it('shows days and months in UK style, the same when asked again', () => {
    expect(formatDate('2016-07-21')).toBe('21 July 2016');
    expect(formatDate('2016-07-21T09:30:00Z')).toBe('21 July 2016');
    expect(formatDate('2016-07-21')).toBe('21 July 2016');
    expect(formatDate('2015-03')).toBe('March 2015');
    expect(formatDate(null)).toBe('date unknown');
    expect(formatDate('sometime')).toBe('sometime');
  });

  it('stays right for every day of many years, past the number of days it keeps', () => {
    const start = Date.UTC(1960, 0, 1);
    for (let d = 0; d < 25_000; d++) {
      const date = new Date(start + d * 86_400_000);
      const iso = date.toISOString().slice(0, 10);
      const expected = `${date.getUTCDate()} ${date.toLocaleString('en-GB', { month: 'long', timeZone: 'UTC' })} ${date.getUTCFullYear()}`;
      expect(formatDate(iso)).toBe(expected);
    }
  });
});
