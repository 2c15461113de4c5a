import { SEARCH_HORIZON_YEARS } from '../../../src/core/calendar';
import { addBusinessMinutes, nextOpen, addBusinessDays } from './verbs';
import { at, cal, local } from './builders';

describe('the search horizon', () => {
  // Open one minute a year: only on 1 June, through a date override on an otherwise empty week.
  const rare = cal({ week: {}, overrides: [{ date: '2025-06-01', hours: [{ start: '10:00', end: '10:01' }] }] });

  it('finds the single open minute of a year', () => {
    expect(local(nextOpen(rare, at('2025-01-01T00:00')))).toBe('2025-06-01T10:00:00');
    expect(local(addBusinessMinutes(rare, at('2025-01-01T00:00'), 1))).toBe('2025-06-01T10:01:00');
  });

  it('returns null instead of searching forever when no open time lies within the horizon', () => {
    expect(SEARCH_HORIZON_YEARS).toBe(20);
    expect(nextOpen(rare, at('2025-06-02T00:00'))).toBeNull();
    expect(addBusinessMinutes(rare, at('2025-01-01T00:00'), 2)).toBeNull();
    expect(addBusinessMinutes(rare, at('2026-01-01T00:00'), -2)).toBeNull();
    expect(addBusinessDays(rare, at('2025-01-01T00:00'), 2)).toBeNull();
  });

  it('rejects non-finite inputs as values, not exceptions', () => {
    expect(rare.addBusinessMillis(Number.NaN, 1)).toBeNull();
    expect(rare.addBusinessMillis(0, Number.POSITIVE_INFINITY)).toBeNull();
    expect(Number.isNaN(rare.businessMillisBetween(0, Number.NaN))).toBe(true);
  });
});
