import { describe, expect, it } from 'vitest';
import { normaliseDate } from '../../src/pipeline/dates.ts';

describe('normaliseDate', () => {
  it.each([
    ['2016-07-21', '2016-07-21'],
    ['2016-07-21T09:30:00+01:00', '2016-07-21T08:30:00.000Z'],
    ['Thu, 21 Jul 2016 09:30:00 GMT', '2016-07-21T09:30:00.000Z'],
    ['  2015-03-10  ', '2015-03-10'],
  ])('normalises %s', (input, expected) => {
    expect(normaliseDate(input)).toBe(expected);
  });

  it.each(['', null, undefined, 'yesterday', '2016-02-30', '31/12/2016 garbage', '1066-10-14T00:00:00Z'])('rejects %s as null', (input) => {
    expect(normaliseDate(input as string | null | undefined)).toBeNull();
  });
});
