/**
 * An independent, deliberately naive reference for due times in the settings e2e tests: walks the
 * calendar's local days with Luxon and clips each opening interval, without the core engine, so a
 * due time the panel shows is checked against the calendar an admin typed, not against itself.
 */
import Holidays from 'date-holidays';
import { DateTime } from 'luxon';

export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';
/** Opening intervals per weekday as local "HH:mm" pairs, start before end (no overnight ranges). */
export type Week = Partial<Record<Weekday, Array<[string, string]>>>;

const WEEKDAYS: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

function localInstant(day: DateTime, hhmm: string): number {
  const [hour, minute] = hhmm.split(':').map(Number);
  return day.set({ hour, minute, second: 0, millisecond: 0 }).toMillis();
}

/** The instant `minutes` of open time after `from`, skipping closed local dates (YYYY-MM-DD). */
export function naiveDue(from: number, minutes: number, zone: string, week: Week, closedDates: ReadonlySet<string> = new Set()): number {
  let left = minutes * 60_000;
  let day = DateTime.fromMillis(from, { zone }).startOf('day');
  for (let i = 0; i < 60; i++, day = day.plus({ days: 1 })) {
    if (closedDates.has(day.toISODate() ?? '')) continue;
    for (const [open, close] of week[WEEKDAYS[day.weekday - 1] ?? 'mon'] ?? []) {
      const start = Math.max(localInstant(day, open), from);
      const end = localInstant(day, close);
      if (end <= start) continue;
      if (end - start >= left) return start + left;
      left -= end - start;
    }
  }
  throw new Error(`no due time within 60 days of ${new Date(from).toISOString()}`);
}

/** Public holidays of a date-holidays region, as local dates, for this year and the next. */
export function publicHolidayDates(country: string, state: string, from: number): Set<string> {
  const hd = new Holidays(country, state);
  const year = new Date(from).getUTCFullYear();
  const dates = new Set<string>();
  for (const y of [year, year + 1]) {
    for (const h of hd.getHolidays(y)) if (h.type === 'public') dates.add(h.date.slice(0, 10));
  }
  return dates;
}
