/**
 * Weekly hours at their edges: overnight shifts across DST nights and year boundaries outside UTC,
 * each checked against a hand calculation made with luxon directly (never against the engine).
 */
import { type WeeklyCalendarSpec } from '../../../../src/core/calendar';
import { openWindows } from '../verbs';
import { compile, HOUR, hoursOn, local, weeklySpec } from '../builders';
import { wall, referenceBetween } from '../byHand';

describe('overnight shifts across DST nights', () => {
  const nights = (zone: string): WeeklyCalendarSpec => weeklySpec({ timeZone: zone, week: hoursOn(['sat'], '22:00', '06:00') });

  it('makes a 22:00–06:00 shift seven hours long on the Madrid spring-forward night', () => {
    const c = compile(nights('Europe/Madrid'));
    const shift = [...openWindows(c, wall('2025-03-29T12:00', 'Europe/Madrid'), wall('2025-03-30T12:00', 'Europe/Madrid'))];
    expect(shift).toEqual([{ start: Date.parse('2025-03-29T21:00:00Z'), end: Date.parse('2025-03-30T04:00:00Z') }]);
    expect(c.businessMillisBetween(shift[0]?.start ?? 0, shift[0]?.end ?? 0)).toBe(7 * HOUR);
  });

  it('makes a 22:00–06:00 shift nine hours long on the Madrid fall-back night', () => {
    const c = compile(nights('Europe/Madrid'));
    expect(c.businessMillisBetween(wall('2025-10-25T12:00', 'Europe/Madrid'), wall('2025-10-26T12:00', 'Europe/Madrid'))).toBe(9 * HOUR);
    expect(c.nextClose(wall('2025-10-25T23:00', 'Europe/Madrid'))).toBe(Date.parse('2025-10-26T05:00:00Z'));
  });

  it('ends a shift whose close is ambiguous on the fall-back night at the first occurrence of that close', () => {
    const c = compile(weeklySpec({ timeZone: 'Europe/Madrid', week: hoursOn(['sat'], '22:00', '02:30') }));
    expect(c.nextClose(wall('2025-10-25T23:00', 'Europe/Madrid'))).toBe(Date.parse('2025-10-26T00:30:00Z'));
    expect(c.isOpen(Date.parse('2025-10-26T01:00:00Z'))).toBe(false);
  });

  it('adds and subtracts through a DST night as inverses on an overnight shift', () => {
    const c = compile(nights('Europe/Madrid'));
    const start = wall('2025-03-29T23:00', 'Europe/Madrid');
    const due = c.addBusinessMillis(start, 6 * HOUR);
    expect(due).toBe(Date.parse('2025-03-30T04:00:00Z'));
    expect(c.addBusinessMillis(due ?? 0, -6 * HOUR)).toBe(start);
  });

  it('makes a whole Lord Howe day 23.5 hours at the October change and 24.5 hours at the April change', () => {
    const sundays = compile(weeklySpec({ timeZone: 'Australia/Lord_Howe', week: hoursOn(['sun'], '00:00', '24:00') }));
    const day = (d: string): number => sundays.businessMillisBetween(wall(`${d}T00:00`, 'Australia/Lord_Howe') - HOUR, wall(`${d}T00:00`, 'Australia/Lord_Howe') + 26 * HOUR);
    expect(day('2025-10-05')).toBe(23.5 * HOUR);
    expect(day('2025-04-06')).toBe(24.5 * HOUR);
  });

  it('keeps a Lord Howe 01:00–03:00 interval at two and a half real hours on the fall-back day', () => {
    const c = compile(weeklySpec({ timeZone: 'Australia/Lord_Howe', week: hoursOn(['sun'], '01:00', '03:00') }));
    const [w] = [...openWindows(c, Date.parse('2025-04-05T00:00:00Z'), Date.parse('2025-04-06T12:00:00Z'))];
    expect(w).toEqual({ start: Date.parse('2025-04-05T14:00:00Z'), end: Date.parse('2025-04-05T16:30:00Z') });
  });
});

describe('year boundaries in zones other than UTC', () => {
  const sydney = compile(weeklySpec({ timeZone: 'Australia/Sydney' }));
  const la = compile(weeklySpec({ timeZone: 'America/Los_Angeles', week: hoursOn(['wed', 'thu'], '00:00', '24:00') }));

  it('counts Sydney business hours across several years exactly as a day-by-day luxon count', () => {
    const a = wall('2024-12-31T12:00', 'Australia/Sydney');
    const b = wall('2028-01-03T10:30', 'Australia/Sydney');
    expect(sydney.businessMillisBetween(a, b)).toBe(referenceBetween('Australia/Sydney', '09:00', '17:00', a, b));
    expect(sydney.businessMillisBetween(b, a)).toBe(-referenceBetween('Australia/Sydney', '09:00', '17:00', a, b));
  });

  it('counts a Sydney 1 January morning, which falls in the previous UTC year', () => {
    const c = compile(weeklySpec({ timeZone: 'Australia/Sydney', week: hoursOn(['thu'], '09:00', '17:00') }));
    expect(c.businessMillisBetween(Date.parse('2025-12-31T20:00:00Z'), Date.parse('2026-01-01T04:00:00Z'))).toBe(6 * HOUR);
    expect(c.nextOpen(Date.parse('2025-12-30T00:00:00Z'))).toBe(Date.parse('2025-12-31T22:00:00Z'));
  });

  it('lands exactly on the UTC year boundary inside a Los Angeles window and keeps the window whole', () => {
    const start = wall('2025-12-31T12:00', 'America/Los_Angeles');
    expect(la.addBusinessMillis(start, 4 * HOUR)).toBe(Date.parse('2026-01-01T00:00:00Z'));
    expect(la.addBusinessMillis(start, 36 * HOUR)).toBe(wall('2026-01-02T00:00', 'America/Los_Angeles'));
    expect(la.addBusinessMillis(wall('2026-01-02T00:00', 'America/Los_Angeles'), -36 * HOUR)).toBe(start);
    expect(la.nextClose(start)).toBe(wall('2026-01-02T00:00', 'America/Los_Angeles'));
  });

  it('subtracts to exactly the UTC year boundary inside a Los Angeles window, which is not an opening', () => {
    expect(la.addBusinessMillis(Date.parse('2026-01-01T20:00:00Z'), -20 * HOUR)).toBe(Date.parse('2026-01-01T00:00:00Z'));
    expect(la.addBusinessMillis(Date.parse('2026-01-01T20:00:00Z'), -21 * HOUR)).toBe(Date.parse('2025-12-31T23:00:00Z'));
  });

  it('closes a yearly 1 January holiday in Sydney, which starts in the previous UTC year', () => {
    const c = compile(weeklySpec({
      timeZone: 'Australia/Sydney', week: hoursOn(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], '00:00', '24:00'),
      holidays: { custom: [{ name: 'New Year', month: 1, day: 1 }] },
    }));
    expect(c.businessMillisBetween(wall('2025-12-31T12:00', 'Australia/Sydney'), wall('2026-01-02T12:00', 'Australia/Sydney'))).toBe(24 * HOUR);
    expect(c.nextOpen(Date.parse('2025-12-31T13:00:00Z'))).toBe(Date.parse('2026-01-01T13:00:00Z'));
  });

  it('adds Sydney business time across two New Years as a luxon count says', () => {
    const start = wall('2025-12-30T16:00', 'Australia/Sydney');
    const due = sydney.addBusinessMillis(start, 8 * HOUR * 262);
    expect(due).not.toBeNull();
    expect(referenceBetween('Australia/Sydney', '09:00', '17:00', start, due ?? 0)).toBe(8 * HOUR * 262);
    expect(local(due, 'Australia/Sydney')?.slice(11)).toBe('16:00:00');
  });
});
