import { calendarPreset } from '../../../src/core/calendar';
import { businessMinutesBetween, isOpen, openWindows } from './verbs';
import type { CalendarSpec } from '../../../src/core/calendar';
import { at, compile, hoursOn, local, weeklySpec } from './builders';
import { DateTime } from 'luxon';
import { HOUR, MINUTE } from './builders';
import { wall } from './byHand';

const composite = (kind: 'union' | 'intersection', members: CalendarSpec[]): CalendarSpec =>
  ({ schemaVersion: 1, kind, id: kind, name: kind, members });

describe('composite calendars', () => {
  const morning = weeklySpec({ id: 'morning', week: hoursOn(['mon'], '08:00', '12:00') });
  const midday = weeklySpec({ id: 'midday', week: hoursOn(['mon'], '10:00', '14:00') });

  it('is open in a union when any member is open, merging overlapping hours', () => {
    const union = compile(composite('union', [morning, midday]));
    expect(businessMinutesBetween(union, at('2025-01-06T00:00'), at('2025-01-07T00:00'))).toBe(6 * 60);
  });

  it('is open in an intersection only when every member is open', () => {
    const both = compile(composite('intersection', [morning, midday]));
    expect(businessMinutesBetween(both, at('2025-01-06T00:00'), at('2025-01-07T00:00'))).toBe(2 * 60);
    expect(isOpen(both, at('2025-01-06T09:00'))).toBe(false);
  });

  it('projects each member in its own zone', () => {
    const tokyo = weeklySpec({ id: 'tokyo', timeZone: 'Asia/Tokyo', week: hoursOn(['mon'], '09:00', '10:00') });
    const london = weeklySpec({ id: 'london', timeZone: 'Europe/London', week: hoursOn(['mon'], '09:00', '10:00') });
    const union = compile(composite('union', [tokyo, london]));
    const windows = [...openWindows(union, at('2025-01-06T00:00'), at('2025-01-07T00:00'))];
    expect(windows.map((w) => [local(w.start), local(w.end)])).toEqual([
      ['2025-01-06T00:00:00', '2025-01-06T01:00:00'],
      ['2025-01-06T09:00:00', '2025-01-06T10:00:00'],
    ]);
  });

  it('applies a composite’s own exclusion windows after combining members', () => {
    const union = compile({ ...composite('union', [morning, midday]), exclusions: [{ start: '2025-01-06T09:00:00Z', end: '2025-01-06T13:00:00Z' }] });
    expect(businessMinutesBetween(union, at('2025-01-06T00:00'), at('2025-01-07T00:00'))).toBe(2 * 60);
  });

  it('uses the first member’s zone as the reference zone', () => {
    const union = compile(composite('union', [weeklySpec({ id: 'a', timeZone: 'Asia/Kolkata' }), weeklySpec({ id: 'b' })]));
    expect(union.timeZone).toBe('Asia/Kolkata');
  });
});

describe('the follow-the-sun 24x5 preset', () => {
  const fts = compile(calendarPreset('follow-the-sun-24x5'));
  const windowsOfWeek = (monday: string) => [...openWindows(fts, at(`${monday}T00:00`, 'Australia/Sydney'), at(`${monday}T00:00`, 'Australia/Sydney') + 7 * 86_400_000)];

  it('opens Monday 10:00 in Sydney and closes Friday 17:00 in Los Angeles, as one window', () => {
    for (const monday of ['2025-01-06', '2025-04-07', '2025-07-07', '2025-10-06']) {
      const windows = windowsOfWeek(monday);
      expect(windows).toHaveLength(1);
      const [week] = windows;
      expect(local(week?.start ?? null, 'Australia/Sydney')).toBe(`${monday}T10:00:00`);
      expect(local(week?.end ?? null, 'America/Los_Angeles')?.slice(10)).toBe('T17:00:00');
    }
  });

  it('is closed over the weekend between the two', () => {
    expect(isOpen(fts, at('2025-07-12T12:00', 'UTC'))).toBe(false);
    expect(isOpen(fts, at('2025-07-09T12:00', 'UTC'))).toBe(true);
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
