import { businessMinutesBetween, isOpen, addBusinessMinutes, openWindows } from './verbs';
import { at, cal, compile, HOUR, hoursOn, local, weeklySpec } from './builders';
import { wall, composite } from './byHand';

const day = (date: string, zone = 'UTC'): [number, number] => {
  const start = at(`${date}T00:00`, zone);
  return [start, start + 86_400_000];
};

describe('holidays from date-holidays', () => {
  const saxony = cal({ timeZone: 'Europe/Berlin', holidays: { sources: [{ country: 'DE', state: 'SN' }] } });

  it('closes on public holidays of the region', () => {
    expect(businessMinutesBetween(saxony, ...day('2025-12-25', 'Europe/Berlin'))).toBe(0);
    // Buß- und Bettag is a public holiday only in Saxony.
    expect(businessMinutesBetween(saxony, ...day('2025-11-19', 'Europe/Berlin'))).toBe(0);
  });

  it('ignores holidays of other types unless selected', () => {
    expect(businessMinutesBetween(saxony, ...day('2025-12-24', 'Europe/Berlin'))).toBe(8 * 60);
  });

  it('uses the holiday’s own start for partial days such as Christmas Eve from 14:00', () => {
    const withBank = cal({ timeZone: 'Europe/Berlin', holidays: { sources: [{ country: 'DE', state: 'SN', types: ['public', 'bank'] }] } });
    expect(businessMinutesBetween(withBank, ...day('2025-12-24', 'Europe/Berlin'))).toBe(5 * 60);
    expect(isOpen(withBank, at('2025-12-24T13:59', 'Europe/Berlin'))).toBe(true);
    expect(isOpen(withBank, at('2025-12-24T14:00', 'Europe/Berlin'))).toBe(false);
  });

  it('applies regional holidays such as the Community of Madrid’s 2 May', () => {
    const madrid = cal({ timeZone: 'Europe/Madrid', holidays: { sources: [{ country: 'ES', state: 'MD' }] } });
    const national = cal({ timeZone: 'Europe/Madrid', holidays: { sources: [{ country: 'ES' }] } });
    expect(businessMinutesBetween(madrid, ...day('2025-05-02', 'Europe/Madrid'))).toBe(0);
    expect(businessMinutesBetween(national, ...day('2025-05-02', 'Europe/Madrid'))).toBe(8 * 60);
  });
});

describe('custom holidays', () => {
  it('closes on a one-off date', () => {
    const c = cal({ holidays: { custom: [{ name: 'Company day', date: '2025-01-07' }] } });
    expect(businessMinutesBetween(c, ...day('2025-01-07'))).toBe(0);
    expect(businessMinutesBetween(c, ...day('2025-01-08'))).toBe(8 * 60);
  });

  it('closes on a yearly date every year', () => {
    const c = cal({ holidays: { custom: [{ name: 'Founders', month: 3, day: 3 }] } });
    expect(businessMinutesBetween(c, ...day('2025-03-03'))).toBe(0);
    expect(businessMinutesBetween(c, ...day('2026-03-03'))).toBe(0);
  });

  it('closes only part of the day for a partial holiday', () => {
    const c = cal({ holidays: { custom: [{ name: 'Half day', date: '2025-01-07', from: '13:00' }] } });
    expect(businessMinutesBetween(c, ...day('2025-01-07'))).toBe(4 * 60);
    const morning = cal({ holidays: { custom: [{ name: 'Late start', date: '2025-01-07', to: '10:30' }] } });
    expect(businessMinutesBetween(morning, ...day('2025-01-07'))).toBe(6.5 * 60);
  });

  it('skips a yearly 29 February in years without one', () => {
    const c = cal({ week: hoursOn(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], '09:00', '17:00'), holidays: { custom: [{ name: 'Leap', month: 2, day: 29 }] } });
    expect(businessMinutesBetween(c, ...day('2028-02-29'))).toBe(0);
    expect(businessMinutesBetween(c, ...day('2027-03-01'))).toBe(8 * 60);
  });
});

describe('date overrides and exclusion windows', () => {
  it('replaces the weekday’s hours on an overridden date, such as an extra Saturday', () => {
    const c = cal({ overrides: [{ date: '2025-01-11', hours: [{ start: '10:00', end: '12:00' }] }] });
    expect(businessMinutesBetween(c, ...day('2025-01-11'))).toBe(120);
  });

  it('closes a working day overridden with no hours', () => {
    const c = cal({ overrides: [{ date: '2025-01-08', hours: [] }] });
    expect(businessMinutesBetween(c, ...day('2025-01-08'))).toBe(0);
  });

  it('lets holidays remove time from an overridden date, because overrides apply first', () => {
    const c = cal({
      overrides: [{ date: '2025-01-11', hours: [{ start: '10:00', end: '14:00' }] }],
      holidays: { custom: [{ name: 'Half', date: '2025-01-11', from: '12:00' }] },
    });
    expect(businessMinutesBetween(c, ...day('2025-01-11'))).toBe(120);
  });

  it('accrues no business time inside an exclusion window', () => {
    const c = cal({ exclusions: [{ start: '2025-01-06T10:00:00Z', end: '2025-01-06T11:30:00Z', reason: 'maintenance' }] });
    expect(businessMinutesBetween(c, ...day('2025-01-06'))).toBe(6.5 * 60);
    expect(local(addBusinessMinutes(c, at('2025-01-06T09:30'), 60))).toBe('2025-01-06T12:00:00');
  });

  it('ends an exclusion where the calendar opens again or its hours alone would close it, whichever comes first', () => {
    const c = cal({ exclusions: [{ start: '2025-01-06T10:00:00Z', end: '2025-01-07T10:00:00Z', reason: 'maintenance' }] });
    expect(local(c.exclusionUntil(at('2025-01-06T10:30')))).toBe('2025-01-06T17:00:00');
    expect(c.exclusionUntil(at('2025-01-06T20:00'))).toBeNull();
    expect(local(c.exclusionUntil(at('2025-01-07T09:30')))).toBe('2025-01-07T10:00:00');
    expect(c.exclusionUntil(at('2025-01-07T10:00'))).toBeNull();
  });

  it('reports the window ending last when several close one instant, whatever order they are listed in', () => {
    const windows = [
      { start: '2025-01-06T10:00:00Z', end: '2025-01-06T12:00:00Z', reason: 'deploy' },
      { start: '2025-01-06T11:00:00Z', end: '2025-01-06T13:00:00Z', reason: 'database' },
    ];
    for (const exclusions of [windows, [...windows].reverse()]) {
      const c = cal({ exclusions });
      expect([c.exclusionAt(at('2025-01-06T10:30'))?.reason, c.exclusionAt(at('2025-01-06T11:30'))?.reason]).toEqual(['deploy', 'database']);
      expect(local(c.exclusionUntil(at('2025-01-06T10:30')))).toBe('2025-01-06T13:00:00');
    }
  });

  it('reports the exclusion window that closes an otherwise open instant', () => {
    const c = cal({ exclusions: [{ start: '2025-01-06T10:00:00Z', end: '2025-01-07T10:00:00Z', reason: 'maintenance' }] });
    expect(c.exclusionAt(at('2025-01-06T10:30'))?.reason).toBe('maintenance');
    expect(c.exclusionAt(at('2025-01-06T20:00'))).toBeNull();
    expect(c.exclusionAt(at('2025-01-08T10:30'))).toBeNull();
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
