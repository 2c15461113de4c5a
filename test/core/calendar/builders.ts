import { DateTime } from 'luxon';
import { compileCalendar } from '../../../src/core/calendar';
import type { BusinessCalendar, CalendarSpec, TimeRange, Weekday, WeeklyCalendarSpec } from '../../../src/core/calendar';

/** A weekly spec with defaults: Mon–Fri 09:00–17:00 UTC, no holidays. */
export function weeklySpec(over: Partial<WeeklyCalendarSpec> = {}): WeeklyCalendarSpec {
  const nineToFive: TimeRange[] = [{ start: '09:00', end: '17:00' }];
  return {
    schemaVersion: 1, kind: 'weekly', id: 'test', name: 'Test', timeZone: 'UTC',
    week: { mon: nineToFive, tue: nineToFive, wed: nineToFive, thu: nineToFive, fri: nineToFive },
    ...over,
  };
}

export function hoursOn(days: Weekday[], start: string, end: string): Partial<Record<Weekday, TimeRange[]>> {
  return Object.fromEntries(days.map((d) => [d, [{ start, end }]]));
}

/** Compiles or fails the test with the validation errors. */
export function compile(spec: CalendarSpec | unknown): BusinessCalendar {
  const result = compileCalendar(spec);
  if (!result.ok) throw new Error(`spec rejected: ${JSON.stringify(result.error)}`);
  return result.value;
}

export const cal = (over: Partial<WeeklyCalendarSpec> = {}): BusinessCalendar => compile(weeklySpec(over));

/** An instant from a local reading, e.g. at('2025-01-06T09:00', 'Europe/Berlin'). Never uses the host zone. */
export function at(local: string, zone = 'UTC'): number {
  const dt = DateTime.fromISO(local, { zone });
  if (!dt.isValid) throw new Error(`bad test instant ${local}`);
  return dt.toMillis();
}

/** The local reading of an instant, "YYYY-MM-DDTHH:mm:ss", or null. */
export function local(instant: number | null, zone = 'UTC'): string | null {
  if (instant === null) return null;
  return DateTime.fromMillis(instant, { zone }).toFormat("yyyy-MM-dd'T'HH:mm:ss");
}

export const HOUR = 3_600_000;
export const MINUTE = 60_000;
