import { compileCalendar, type BusinessCalendar, type CalendarSpec } from '../../../../src/core/calendar';
import { weeklySpec } from '../builders';

const utc = (iso: string) => Date.parse(`${iso}Z`);
const HOUR = 3_600_000;
function compiled(spec: CalendarSpec): BusinessCalendar {
  const r = compileCalendar(spec);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
}
/** Mon–Fri 09:00–17:00 UTC. */
const office = compiled(weeklySpec({
  id: 'office', name: 'Office', timeZone: 'UTC',
  week: Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri'].map((d) => [d, [{ start: '09:00', end: '17:00' }]])),
}));

describe('the compiled calendar', () => {
  it('carries the id and name of its spec, and counts days in its first member\'s zone', () => {
    expect([office.id, office.name, office.timeZone]).toEqual(['office', 'Office', 'UTC']);
    const union = compiled({ schemaVersion: 1, kind: 'union', id: 'u', name: 'U', members: [weeklySpec({ id: 'a', timeZone: 'Asia/Tokyo' }), weeklySpec({ id: 'b' })] });
    expect(union.timeZone).toBe('Asia/Tokyo');
  });

  it('adds negative business time backwards and returns the start unchanged for zero', () => {
    const tuesday = utc('2025-01-07T10:00');
    expect(office.addBusinessMillis(tuesday, -2 * HOUR)).toBe(utc('2025-01-06T16:00'));
    expect(office.addBusinessMillis(utc('2025-01-04T12:00'), 0)).toBe(utc('2025-01-04T12:00'));
  });

  it('answers null, NaN or closed for instants and amounts that are not finite numbers', () => {
    for (const bad of [Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(office.isOpen(bad)).toBe(false);
      expect([office.nextOpen(bad), office.nextClose(bad), office.endOfBusinessDay(bad), office.addBusinessDays(bad, 1)]).toEqual([null, null, null, null]);
      expect(office.addBusinessMillis(bad, HOUR)).toBeNull();
      expect(office.addBusinessMillis(utc('2025-01-07T10:00'), bad)).toBeNull();
      expect(office.businessMillisBetween(bad, 0)).toBeNaN();
      expect(office.exclusionAt(bad)).toBeNull();
    }
  });

  it('counts business days to the same time of day by default and to the close with end-of-day rounding', () => {
    const monday = utc('2025-01-06T10:00');
    expect(office.addBusinessDays(monday, 1)).toBe(utc('2025-01-07T10:00'));
    expect(office.addBusinessDays(monday, 1, 'endOfDay')).toBe(utc('2025-01-07T17:00'));
  });

  it('reports no exclusion window on a calendar that has none', () => {
    expect([office.exclusionAt(utc('2025-01-04T12:00')), office.exclusionUntil(utc('2025-01-04T12:00'))]).toEqual([null, null]);
  });
});
