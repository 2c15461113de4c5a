import { holidayNameAt } from '../../../src/core/explain';
import { calendarPreset, type CalendarSpec, type WeeklyCalendarSpec } from '../../../src/core/calendar';

const berlin = (iso: string) => Date.parse(iso); // ISO strings below carry their offset
const weekly = (holidays: WeeklyCalendarSpec['holidays']): WeeklyCalendarSpec => ({
  schemaVersion: 1, kind: 'weekly', id: 'w', name: 'W', timeZone: 'Europe/Berlin',
  week: { mon: [{ start: '09:00', end: '17:00' }] }, holidays,
});

describe('the name of the holiday in force', () => {
  it('names a holiday from the calendar\'s holiday sources', () => {
    const saxony = calendarPreset('saxony-9-17') as CalendarSpec;
    expect(holidayNameAt(saxony, berlin('2026-12-25T10:00:00+01:00'))).toBe('1. Weihnachtstag');
    expect(holidayNameAt(saxony, berlin('2026-12-23T10:00:00+01:00'))).toBeNull();
  });

  it('names a custom holiday on its local date, by fixed date or by month and day', () => {
    const spec = weekly({ custom: [{ name: 'Founders', date: '2026-05-04' }, { name: 'Yearly', month: 6, day: 1 }] });
    expect(holidayNameAt(spec, berlin('2026-05-04T00:00:00+02:00'))).toBe('Founders');
    expect(holidayNameAt(spec, berlin('2026-05-03T23:59:59+02:00'))).toBeNull();
    expect(holidayNameAt(spec, berlin('2027-06-01T12:00:00+02:00'))).toBe('Yearly');
  });

  it('names a part-day holiday only inside its hours', () => {
    const spec = weekly({ custom: [{ name: 'Afternoon off', date: '2026-05-04', from: '13:00', to: '15:00' }] });
    expect(holidayNameAt(spec, berlin('2026-05-04T13:00:00+02:00'))).toBe('Afternoon off');
    expect(holidayNameAt(spec, berlin('2026-05-04T15:00:00+02:00'))).toBeNull();
    expect(holidayNameAt(spec, berlin('2026-05-04T12:59:00+02:00'))).toBeNull();
  });

  it('answers for a composite with the first member that names a holiday, and never for an always-open calendar', () => {
    const a = weekly({ custom: [{ name: 'A', date: '2026-05-04' }] });
    const b = { ...weekly({ custom: [{ name: 'B', date: '2026-05-04' }] }), id: 'b' };
    const union: CalendarSpec = { schemaVersion: 1, kind: 'union', id: 'u', name: 'U', members: [weekly(undefined), a, b] };
    expect(holidayNameAt(union, berlin('2026-05-04T10:00:00+02:00'))).toBe('A');
    expect(holidayNameAt({ schemaVersion: 1, kind: 'always', id: 'x', name: 'X', timeZone: 'UTC' }, 0)).toBeNull();
  });
});
