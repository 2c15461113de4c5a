import { calendarPreset } from '../../../../src/core/calendar';
import { addBusinessDays, endOfBusinessDay } from '../verbs';
import { at, cal, compile, hoursOn, local } from '../builders';
import type { WeeklyCalendarSpec } from '../../../../src/core/calendar';
import { weeklySpec } from '../builders';
import { wall } from '../byHand';

// Mon–Thu 08:00–19:00, Fri 08:00–15:00 (days of unequal length), Madrid time, no holidays.
const madrid = cal({
  timeZone: 'Europe/Madrid',
  week: { ...hoursOn(['mon', 'tue', 'wed', 'thu'], '08:00', '19:00'), fri: [{ start: '08:00', end: '15:00' }] },
});
const m = (iso: string) => at(iso, 'Europe/Madrid');
const show = (t: number | null) => local(t, 'Europe/Madrid');

describe('business days', () => {
  it('keeps the business time already elapsed that day: Tuesday 10:00 + 1 business day = Wednesday 10:00', () => {
    expect(show(addBusinessDays(madrid, m('2025-01-07T10:00'), 1))).toBe('2025-01-08T10:00:00');
  });

  it('clamps to the close of a shorter target day: Thursday 17:00 + 1 business day = Friday 15:00', () => {
    expect(show(addBusinessDays(madrid, m('2025-01-09T17:00'), 1))).toBe('2025-01-10T15:00:00');
  });

  it('treats a start before any business time of its day as the whole next day: Saturday + 1 business day = Monday close', () => {
    expect(show(addBusinessDays(madrid, m('2025-01-11T12:00'), 1))).toBe('2025-01-13T19:00:00');
    expect(show(addBusinessDays(madrid, m('2025-01-13T08:00'), 1))).toBe('2025-01-13T19:00:00');
    expect(show(addBusinessDays(madrid, m('2025-01-13T08:00'), 2))).toBe('2025-01-14T19:00:00');
  });

  it('starts from the next business day when the start is after the day’s close', () => {
    expect(show(addBusinessDays(madrid, m('2025-01-07T20:00'), 1))).toBe('2025-01-08T19:00:00');
  });

  it('skips holidays and weekends when counting days', () => {
    const withHoliday = cal({ week: hoursOn(['mon', 'tue', 'wed', 'thu', 'fri'], '09:00', '17:00'), holidays: { custom: [{ name: 'H', date: '2025-01-13' }] } });
    expect(local(addBusinessDays(withHoliday, at('2025-01-10T11:00'), 1))).toBe('2025-01-14T11:00:00');
  });

  it('returns the start for zero days and null for negative or fractional days', () => {
    const start = m('2025-01-11T12:00');
    expect(addBusinessDays(madrid, start, 0)).toBe(start);
    expect(addBusinessDays(madrid, start, -1)).toBeNull();
    expect(addBusinessDays(madrid, start, 1.5)).toBeNull();
  });

  it('ends the business day at the close of its last window, skipping lunch breaks', () => {
    const split = cal({ week: { mon: [{ start: '08:00', end: '12:00' }, { start: '13:00', end: '17:00' }] } });
    expect(local(endOfBusinessDay(split, at('2025-01-06T09:00')))).toBe('2025-01-06T17:00:00');
    expect(local(endOfBusinessDay(split, at('2025-01-06T12:30')))).toBe('2025-01-06T17:00:00');
    expect(local(endOfBusinessDay(split, at('2025-01-06T18:00')))).toBe('2025-01-13T17:00:00');
  });

  it('counts days by local date in the reference zone, so a 24x7 day ends at local midnight', () => {
    const always = compile({ schemaVersion: 1, kind: 'always', id: 'a', name: 'A', timeZone: 'Asia/Kolkata' });
    expect(local(endOfBusinessDay(always, at('2025-01-06T10:00', 'Asia/Kolkata')), 'Asia/Kolkata')).toBe('2025-01-07T00:00:00');
    expect(local(addBusinessDays(always, at('2025-01-06T10:00', 'Asia/Kolkata'), 2), 'Asia/Kolkata')).toBe('2025-01-08T10:00:00');
  });

  it('handles the Madrid preset with its regional holidays', () => {
    const preset = compile(calendarPreset('madrid-deiser'));
    // Thursday 1 May 2025 and Friday 2 May are holidays in the Community of Madrid.
    expect(show(addBusinessDays(preset, m('2025-04-30T12:00'), 1))).toBe('2025-05-05T12:00:00');
  });

  it('keeps local wall times across a DST change: Friday 10:00 + 1 business day = Monday 10:00 local', () => {
    const berlin = cal({ timeZone: 'Europe/Berlin' });
    const result = addBusinessDays(berlin, at('2025-03-28T10:00', 'Europe/Berlin'), 1);
    expect(local(result, 'Europe/Berlin')).toBe('2025-03-31T10:00:00');
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
