import { validateCalendarSpec, type CalendarErrorCode } from '../../../../src/core/calendar';
import { weeklySpec } from '../builders';

// The part parsers (times, intervals, dates, holidays, exclusions) are reached through the spec validator.
const codes = (spec: unknown): CalendarErrorCode[] => validateCalendarSpec(spec).map((e) => e.code);

describe('calendar spec validation', () => {
  it('rejects malformed times with CAL_BAD_TIME and a JSON path', () => {
    const errors = validateCalendarSpec(weeklySpec({ week: { mon: [{ start: '9:00', end: '25:00' }] } }));
    expect(errors.map((e) => [e.code, e.path])).toEqual([['CAL_BAD_TIME', 'week.mon[0].start'], ['CAL_BAD_TIME', 'week.mon[0].end']]);
  });

  it('rejects an interval that starts and ends at the same time with CAL_EMPTY_INTERVAL', () => {
    expect(codes(weeklySpec({ week: { mon: [{ start: '09:00', end: '09:00' }] } }))).toEqual(['CAL_EMPTY_INTERVAL']);
  });

  it('rejects overlapping intervals, including an overnight tail into the next day, with CAL_OVERLAPPING_INTERVALS', () => {
    expect(codes(weeklySpec({ week: { mon: [{ start: '09:00', end: '13:00' }, { start: '12:00', end: '17:00' }] } }))).toEqual(['CAL_OVERLAPPING_INTERVALS']);
    expect(codes(weeklySpec({ week: { sun: [{ start: '22:00', end: '06:00' }], mon: [{ start: '05:00', end: '09:00' }] } }))).toEqual(['CAL_OVERLAPPING_INTERVALS']);
    expect(codes(weeklySpec({ week: { mon: [{ start: '09:00', end: '12:00' }, { start: '12:00', end: '17:00' }] } }))).toEqual([]);
  });

  it('rejects impossible dates with CAL_BAD_DATE', () => {
    expect(codes(weeklySpec({ overrides: [{ date: '2025-02-30', hours: [] }] }))).toEqual(['CAL_BAD_DATE']);
    expect(codes(weeklySpec({ holidays: { custom: [{ name: 'x', month: 2, day: 30 }] } }))).toEqual(['CAL_BAD_DATE']);
  });

  it('rejects an unknown holiday country, state or region with CAL_UNKNOWN_HOLIDAY_REGION', () => {
    expect(codes(weeklySpec({ holidays: { sources: [{ country: 'XX' }] } }))).toEqual(['CAL_UNKNOWN_HOLIDAY_REGION']);
    expect(codes(weeklySpec({ holidays: { sources: [{ country: 'ES', state: 'ZZ' }] } }))).toEqual(['CAL_UNKNOWN_HOLIDAY_REGION']);
    expect(codes(weeklySpec({ holidays: { sources: [{ country: 'US', state: 'CA', region: 'QQ' }] } }))).toEqual(['CAL_UNKNOWN_HOLIDAY_REGION']);
    expect(codes(weeklySpec({ holidays: { sources: [{ country: 'US', state: 'CA', region: 'LA' }] } }))).toEqual([]);
  });

  it('rejects ill-formed custom holidays and holiday types with CAL_BAD_HOLIDAY', () => {
    expect(codes(weeklySpec({ holidays: { custom: [{ name: 'both', date: '2025-01-01', month: 1, day: 1 }] } }))).toEqual(['CAL_BAD_HOLIDAY']);
    expect(codes(weeklySpec({ holidays: { custom: [{ name: 'backwards', date: '2025-01-01', from: '15:00', to: '10:00' }] } }))).toEqual(['CAL_BAD_HOLIDAY']);
    expect(codes(weeklySpec({ holidays: { sources: [{ country: 'DE', types: ['festive' as never] }] } }))).toEqual(['CAL_BAD_HOLIDAY']);
  });

  it('rejects exclusion windows without offsets or with the end first with CAL_BAD_EXCLUSION', () => {
    expect(codes(weeklySpec({ exclusions: [{ start: '2025-01-01T10:00', end: '2025-01-01T12:00Z' }] }))).toEqual(['CAL_BAD_EXCLUSION']);
    expect(codes(weeklySpec({ exclusions: [{ start: '2025-01-01T12:00Z', end: '2025-01-01T10:00Z' }] }))).toEqual(['CAL_BAD_EXCLUSION']);
  });
});
