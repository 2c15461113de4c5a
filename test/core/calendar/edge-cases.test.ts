/**
 * Adversarial edge cases of the calendar engine, each checked against a hand calculation made with
 * luxon directly (never against the engine itself).
 */
import { DateTime } from 'luxon';
import { calendarPreset, openWindows } from '../../../src/core/calendar';
import type { CalendarSpec, WeeklyCalendarSpec } from '../../../src/core/calendar';
import { at, compile, HOUR, hoursOn, local, MINUTE, weeklySpec } from './builders';

/** Instant of a local wall reading, by luxon alone. */
const wall = (iso: string, zone: string): number => DateTime.fromISO(iso, { zone }).toMillis();

/** Reference: business ms in [a, b) of a Mon–Fri calendar with one daytime interval, stepping local days with luxon. */
function referenceBetween(zone: string, start: string, end: string, a: number, b: number): number {
  let total = 0;
  let day = DateTime.fromMillis(a, { zone }).startOf('day').minus({ days: 1 });
  const last = DateTime.fromMillis(b, { zone }).plus({ days: 1 });
  for (; day < last; day = day.plus({ days: 1 })) {
    if (day.weekday > 5) continue;
    const open = wall(`${day.toISODate()}T${start}`, zone);
    const close = wall(`${day.toISODate()}T${end}`, zone);
    total += Math.max(0, Math.min(close, b) - Math.max(open, a));
  }
  return total;
}

const composite = (kind: 'union' | 'intersection', members: CalendarSpec[], over: Partial<CalendarSpec> = {}): CalendarSpec =>
  ({ schemaVersion: 1, kind, id: kind, name: kind, members, ...over } as CalendarSpec);

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

describe('holidays, overrides and exclusions together', () => {
  it('removes the after-midnight tail of a night shift on a holiday but keeps the tail of the holiday evening’s shift', () => {
    const c = compile(weeklySpec({
      timeZone: 'Europe/Madrid', week: hoursOn(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], '22:00', '06:00'),
      holidays: { custom: [{ name: 'Christmas', date: '2025-12-25' }] },
    }));
    expect(c.businessMillisBetween(wall('2025-12-24T12:00', 'Europe/Madrid'), wall('2025-12-26T12:00', 'Europe/Madrid'))).toBe(8 * HOUR);
    expect(c.isOpen(wall('2025-12-25T03:00', 'Europe/Madrid'))).toBe(false);
    expect(c.isOpen(wall('2025-12-26T03:00', 'Europe/Madrid'))).toBe(true);
  });

  it('cuts a partial holiday out of an overridden day with a split shift', () => {
    const c = compile(weeklySpec({
      timeZone: 'Europe/Berlin',
      overrides: [{ date: '2025-12-24', hours: [{ start: '10:00', end: '14:00' }, { start: '15:00', end: '18:00' }] }],
      holidays: { custom: [{ name: 'Half day', date: '2025-12-24', from: '12:00', to: '16:00' }] },
    }));
    const windows = [...openWindows(c, wall('2025-12-24T00:00', 'Europe/Berlin'), wall('2025-12-25T00:00', 'Europe/Berlin'))];
    expect(windows.map((w) => [local(w.start, 'Europe/Berlin'), local(w.end, 'Europe/Berlin')])).toEqual([
      ['2025-12-24T10:00:00', '2025-12-24T12:00:00'],
      ['2025-12-24T16:00:00', '2025-12-24T18:00:00'],
    ]);
  });

  it('reports no exclusion window over time that is closed anyway, and the window where it closes open time', () => {
    const c = compile(weeklySpec({ exclusions: [{ start: '2025-01-10T16:00:00Z', end: '2025-01-13T10:00:00Z', reason: 'migration' }] }));
    expect(c.businessMillisBetween(at('2025-01-10T00:00'), at('2025-01-14T00:00'))).toBe(7 * HOUR + 7 * HOUR);
    expect(c.exclusionAt(at('2025-01-11T12:00'))).toBeNull();
    expect(c.exclusionAt(at('2025-01-10T16:30'))?.reason).toBe('migration');
    expect(c.exclusionAt(at('2025-01-13T09:30'))?.reason).toBe('migration');
  });

  it("reports a member's exclusion window when it is what closes a composite", () => {
    const a = weeklySpec({ id: 'a', exclusions: [{ start: '2025-01-06T12:00:00Z', end: '2025-01-06T15:00:00Z', reason: 'a down' }] });
    const b = weeklySpec({ id: 'b', week: hoursOn(['mon'], '13:00', '21:00') });
    const union = compile(composite('union', [a, b]));
    expect(union.isOpen(at('2025-01-06T12:30'))).toBe(false);
    expect(union.exclusionAt(at('2025-01-06T12:30'))?.reason).toBe('a down');
    expect(union.exclusionAt(at('2025-01-06T13:30'))).toBeNull();
    const both = compile(composite('intersection', [a, b]));
    expect(both.exclusionAt(at('2025-01-06T14:00'))?.reason).toBe('a down');
    expect(both.exclusionAt(at('2025-01-06T10:00'))).toBeNull();
  });
});

describe('business days on short Fridays and holidays', () => {
  const madrid = (custom: WeeklyCalendarSpec['holidays']): ReturnType<typeof compile> => compile(weeklySpec({
    timeZone: 'Europe/Madrid',
    week: { ...hoursOn(['mon', 'tue', 'wed', 'thu'], '08:00', '19:00'), fri: [{ start: '08:00', end: '15:00' }] },
    ...(custom ? { holidays: custom } : {}),
  }));
  const m = (iso: string): number => wall(iso, 'Europe/Madrid');

  it('keeps the time elapsed on a short Friday: Friday 14:00 + 1 business day = Monday 14:00', () => {
    expect(madrid(undefined).addBusinessDays(m('2025-06-13T14:00'), 1)).toBe(m('2025-06-16T14:00'));
    expect(madrid(undefined).addBusinessDays(m('2025-06-13T14:00'), 5)).toBe(m('2025-06-20T14:00'));
  });

  it('clamps twice-shortened days: Thursday 18:00 + 1 on a Friday holiday from 12:00 = Friday 12:00', () => {
    const c = madrid({ custom: [{ name: 'Half Friday', date: '2025-06-13', from: '12:00' }] });
    expect(c.addBusinessDays(m('2025-06-12T18:00'), 1)).toBe(m('2025-06-13T12:00'));
  });

  it('counts from the next business day when the start is inside a holiday', () => {
    const c = madrid({ custom: [{ name: 'Holiday', date: '2025-06-11' }] });
    expect(c.addBusinessDays(m('2025-06-11T10:00'), 1)).toBe(m('2025-06-12T19:00'));
    expect(c.addBusinessDays(m('2025-06-10T10:00'), 1)).toBe(m('2025-06-12T10:00'));
    expect(c.endOfBusinessDay(m('2025-06-11T10:00'))).toBe(m('2025-06-12T19:00'));
  });

  it('counts business days across the spring-forward weekend by local date', () => {
    expect(madrid(undefined).addBusinessDays(m('2025-03-28T14:30'), 1)).toBe(m('2025-03-31T14:30'));
    expect(madrid(undefined).addBusinessDays(m('2025-10-24T09:00'), 2)).toBe(m('2025-10-28T09:00'));
  });
});

describe('business days on calendars open across the DST change', () => {
  const paris = compile({ schemaVersion: 1, kind: 'always', id: 'paris', name: 'Paris 24x7', timeZone: 'Europe/Paris' });
  const p = (iso: string): number => wall(iso, 'Europe/Paris');

  it('reads the time elapsed on the day on the wall clock: Sunday 10:00 + 1 business day = Monday 10:00 on both DST Sundays', () => {
    expect(paris.addBusinessDays(p('2026-03-29T10:00'), 1)).toBe(p('2026-03-30T10:00'));
    expect(paris.addBusinessDays(p('2026-10-25T10:00'), 1)).toBe(p('2026-10-26T10:00'));
  });

  it('lands on the same wall time on a DST Sunday: Saturday 10:00 + 1 business day = Sunday 10:00', () => {
    expect(paris.addBusinessDays(p('2026-03-28T10:00'), 1)).toBe(p('2026-03-29T10:00'));
    expect(paris.addBusinessDays(p('2026-10-24T10:00'), 1)).toBe(p('2026-10-25T10:00'));
    expect(paris.addBusinessDays(p('2026-03-27T10:00'), 3)).toBe(p('2026-03-30T10:00'));
  });

  it('still ends a 23-hour and a 25-hour day at local midnight', () => {
    expect(paris.endOfBusinessDay(p('2026-03-29T10:00'))).toBe(p('2026-03-30T00:00'));
    expect(paris.endOfBusinessDay(p('2026-10-25T10:00'))).toBe(p('2026-10-26T00:00'));
    expect(paris.addBusinessDays(p('2026-03-29T00:00'), 1)).toBe(p('2026-03-30T00:00'));
  });

  it('keeps the wall time on a night shift that spans the spring-forward night', () => {
    const nights = compile(weeklySpec({ timeZone: 'Europe/Madrid', week: hoursOn(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], '22:00', '06:00') }));
    expect(nights.addBusinessDays(wall('2025-03-30T04:00', 'Europe/Madrid'), 1)).toBe(wall('2025-03-31T04:00', 'Europe/Madrid'));
    expect(nights.addBusinessDays(wall('2025-03-29T04:00', 'Europe/Madrid'), 1)).toBe(wall('2025-03-30T04:00', 'Europe/Madrid'));
  });
});

describe('business days on a night-shift calendar, counted by local date', () => {
  const nights = compile(weeklySpec({ timeZone: 'Europe/Madrid', week: hoursOn(['mon', 'tue', 'wed', 'thu', 'fri'], '22:00', '06:00') }));
  const m = (iso: string): number => wall(iso, 'Europe/Madrid');

  it('ends the business day at local midnight, cutting the shift that runs on', () => {
    expect(nights.endOfBusinessDay(m('2025-06-16T23:00'))).toBe(m('2025-06-17T00:00'));
    expect(nights.nextClose(m('2025-06-16T23:00'))).toBe(m('2025-06-17T06:00'));
  });

  it('counts the after-midnight tail toward the next date: Monday 23:00 + 1 business day = Tuesday 01:00', () => {
    expect(nights.addBusinessDays(m('2025-06-16T23:00'), 1)).toBe(m('2025-06-17T01:00'));
    expect(nights.addBusinessDays(m('2025-06-17T03:00'), 1)).toBe(m('2025-06-18T03:00'));
  });
});

describe('follow-the-sun 24x5 in weeks when only one zone has changed', () => {
  const fts = compile(calendarPreset('follow-the-sun-24x5'));

  it.each([
    ['2025-03-10', 'Los Angeles on summer time, Sydney still on summer time'],
    ['2025-04-07', 'Sydney back on standard time, Los Angeles on summer time'],
    ['2025-10-06', 'Sydney on summer time, Los Angeles still on summer time'],
    ['2025-11-03', 'Los Angeles back on standard time, Sydney on summer time'],
  ])('is one window from Monday 10:00 Sydney to Friday 17:00 Los Angeles in the week of %s (%s)', (monday) => {
    const open = wall(`${monday}T10:00`, 'Australia/Sydney');
    const friday = DateTime.fromISO(monday).plus({ days: 4 }).toISODate() ?? '';
    const close = wall(`${friday}T17:00`, 'America/Los_Angeles');
    expect([...openWindows(fts, open - 24 * HOUR, close + 24 * HOUR)]).toEqual([{ start: open, end: close }]);
    expect(fts.businessMillisBetween(open - MINUTE, close + MINUTE)).toBe(close - open);
  });
});
