import { addBusinessMinutes, subtractBusinessMinutes, businessMinutesBetween, isOpen, nextOpen, nextClose, openWindows } from './verbs';
import { at, cal, compile, hoursOn, local, HOUR } from './builders';

// 2025-01-06 is a Monday; the default calendar is Mon–Fri 09:00–17:00 UTC.
describe('calculation semantics', () => {
  const nineToFive = cal();

  it('treats open periods as half-open: open at the opening instant, closed at the closing instant', () => {
    expect(isOpen(nineToFive, at('2025-01-06T09:00'))).toBe(true);
    expect(isOpen(nineToFive, at('2025-01-06T16:59:59'))).toBe(true);
    expect(isOpen(nineToFive, at('2025-01-06T17:00'))).toBe(false);
    expect(isOpen(nineToFive, at('2025-01-06T08:59:59'))).toBe(false);
  });

  it('returns the closing instant when added time runs out exactly at closing', () => {
    expect(local(addBusinessMinutes(nineToFive, at('2025-01-10T16:00'), 60))).toBe('2025-01-10T17:00:00');
  });

  it('returns the start unchanged when adding zero, even outside hours', () => {
    const saturday = at('2025-01-11T12:00');
    expect(addBusinessMinutes(nineToFive, saturday, 0)).toBe(saturday);
    expect(subtractBusinessMinutes(nineToFive, saturday, 0)).toBe(saturday);
  });

  it('starts counting at the next opening when the start is outside hours', () => {
    expect(local(addBusinessMinutes(nineToFive, at('2025-01-11T12:00'), 30))).toBe('2025-01-13T09:30:00');
    expect(businessMinutesBetween(nineToFive, at('2025-01-10T18:00'), at('2025-01-13T10:00'))).toBe(60);
  });

  it('gives a negative duration for a reversed range', () => {
    expect(businessMinutesBetween(nineToFive, at('2025-01-13T10:00'), at('2025-01-10T16:00'))).toBe(-120);
  });

  it('subtracts as the inverse of adding, landing on the opening instant when time runs out there', () => {
    expect(local(subtractBusinessMinutes(nineToFive, at('2025-01-13T10:00'), 120))).toBe('2025-01-10T16:00:00');
    expect(local(subtractBusinessMinutes(nineToFive, at('2025-01-13T10:00'), 60))).toBe('2025-01-13T09:00:00');
  });

  it('works to the second', () => {
    const start = at('2025-01-06T09:00:00');
    expect(local(nineToFive.addBusinessMillis(start, 90_500))).toBe('2025-01-06T09:01:30');
    const secondsCal = cal({ week: { mon: [{ start: '09:00:15', end: '09:00:45' }] } });
    expect(secondsCal.businessMillisBetween(at('2025-01-06T00:00'), at('2025-01-07T00:00'))).toBe(30_000);
  });

  it('finds the next opening and the next closing', () => {
    expect(local(nextOpen(nineToFive, at('2025-01-10T17:00')))).toBe('2025-01-13T09:00:00');
    expect(local(nextOpen(nineToFive, at('2025-01-10T12:00')))).toBe('2025-01-10T12:00:00');
    expect(local(nextClose(nineToFive, at('2025-01-10T12:00')))).toBe('2025-01-10T17:00:00');
    expect(local(nextClose(nineToFive, at('2025-01-11T12:00')))).toBe('2025-01-13T17:00:00');
  });

  it('supports several intervals per day, such as a lunch break', () => {
    const split = cal({ week: { mon: [{ start: '08:00', end: '12:00' }, { start: '13:00', end: '17:00' }] } });
    expect(local(addBusinessMinutes(split, at('2025-01-06T11:00'), 120))).toBe('2025-01-06T14:00:00');
    expect(local(addBusinessMinutes(split, at('2025-01-06T11:00'), 60))).toBe('2025-01-06T12:00:00');
  });

  it('lets an overnight interval belong to the day it starts on', () => {
    const night = cal({ week: { fri: [{ start: '22:00', end: '06:00' }] } });
    expect(isOpen(night, at('2025-01-11T05:00'))).toBe(true);
    expect(isOpen(night, at('2025-01-10T05:00'))).toBe(false);
    expect(businessMinutesBetween(night, at('2025-01-06T00:00'), at('2025-01-13T00:00'))).toBe(8 * 60);
  });

  it('treats 00:00–24:00 as a whole day and merges touching days into one window', () => {
    const weekend = cal({ week: hoursOn(['sat', 'sun'], '00:00', '24:00') });
    expect([...openWindows(weekend, at('2025-01-06T00:00'), at('2025-01-20T00:00'))].map((w) => [local(w.start), local(w.end)])).toEqual([
      ['2025-01-11T00:00:00', '2025-01-13T00:00:00'],
      ['2025-01-18T00:00:00', '2025-01-20T00:00:00'],
    ]);
  });

  it('counts every millisecond on a 24x7 calendar', () => {
    const always = compile({ schemaVersion: 1, kind: 'always', id: 'a', name: 'Always' });
    expect(always.businessMillisBetween(at('2025-01-01T00:00'), at('2026-01-01T00:00'))).toBe(365 * 24 * HOUR);
    expect(nextClose(always, at('2025-01-01T00:00'))).toBeNull();
  });

  it('clips open windows to the requested range', () => {
    const windows = [...openWindows(nineToFive, at('2025-01-06T12:00'), at('2025-01-07T10:00'))];
    expect(windows.map((w) => [local(w.start), local(w.end)])).toEqual([
      ['2025-01-06T12:00:00', '2025-01-06T17:00:00'],
      ['2025-01-07T09:00:00', '2025-01-07T10:00:00'],
    ]);
  });

  it('carries a window across a year boundary without splitting it', () => {
    const always = compile({ schemaVersion: 1, kind: 'always', id: 'a', name: 'Always' });
    const windows = [...openWindows(always, at('2024-12-31T00:00'), at('2025-01-02T00:00'))];
    expect(windows).toHaveLength(1);
    expect(local(addBusinessMinutes(nineToFive, at('2024-12-31T16:00'), 120))).toBe('2025-01-01T10:00:00');
  });
});

describe('DST in the calendar zone', () => {
  const berlin = cal({ timeZone: 'Europe/Berlin', week: hoursOn(['sun'], '00:00', '24:00') });

  it('makes the spring-forward Sunday 23 hours long and the fall-back Sunday 25 hours long', () => {
    expect(berlin.businessMillisBetween(at('2025-03-29T00:00', 'Europe/Berlin'), at('2025-03-31T00:00', 'Europe/Berlin'))).toBe(23 * HOUR);
    expect(berlin.businessMillisBetween(at('2025-10-25T00:00', 'Europe/Berlin'), at('2025-10-27T00:00', 'Europe/Berlin'))).toBe(25 * HOUR);
  });

  it('keeps local opening hours across the change, so UTC opening times shift by an hour', () => {
    const office = cal({ timeZone: 'Europe/Berlin' });
    expect(new Date(office.nextOpen(at('2025-03-28T00:00', 'UTC')) ?? 0).toISOString()).toBe('2025-03-28T08:00:00.000Z');
    expect(new Date(office.nextOpen(at('2025-03-31T00:00', 'UTC')) ?? 0).toISOString()).toBe('2025-03-31T07:00:00.000Z');
  });

  it('moves an opening inside the spring-forward gap forward', () => {
    const gap = cal({ timeZone: 'Europe/Berlin', week: { sun: [{ start: '02:30', end: '04:00' }] } });
    expect(local(gap.nextOpen(at('2025-03-30T00:00', 'Europe/Berlin')), 'Europe/Berlin')).toBe('2025-03-30T03:30:00');
  });

  it('takes the earlier instant for an ambiguous closing time, so the window ends at its first occurrence', () => {
    const overlap = cal({ timeZone: 'Europe/Berlin', week: { sun: [{ start: '01:00', end: '02:30' }] } });
    const day = [at('2025-10-26T00:00', 'Europe/Berlin'), at('2025-10-27T00:00', 'Europe/Berlin')] as const;
    expect(overlap.businessMillisBetween(...day)).toBe(1.5 * HOUR);
  });
});
