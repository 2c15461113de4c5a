import { MS_PER_MINUTE } from '../../../src/core/time';
import type { BusinessCalendar, DayRounding, OpenWindow } from '../../../src/core/calendar/types';
import type { Instant } from '../../../src/core/time';

/**
 * Verb-first helpers over a BusinessCalendar; minutes may be fractional (second precision).
 * All instants are epoch milliseconds; null means "not within the search horizon".
 */

/** @example isOpen(cal, Date.UTC(2025, 0, 6, 9)) // true on a Mon–Fri 8–17 UTC calendar */
export const isOpen = (cal: BusinessCalendar, at: Instant): boolean => cal.isOpen(at);

/** `at` itself when open, else the next opening. @example nextOpen(cal, saturdayNoon) // Monday 08:00 */
export const nextOpen = (cal: BusinessCalendar, at: Instant): Instant | null => cal.nextOpen(at);

/** End of the open window containing or following `at`. @example nextClose(cal, monday9) // Monday 17:00 */
export const nextClose = (cal: BusinessCalendar, at: Instant): Instant | null => cal.nextClose(at);

/**
 * When `minutes` business minutes have elapsed from `start`; time running out exactly at closing
 * returns the closing instant; 0 returns `start` unchanged.
 * @example addBusinessMinutes(cal, friday16, 60) // Friday 17:00, not Monday 08:00
 */
export const addBusinessMinutes = (cal: BusinessCalendar, start: Instant, minutes: number): Instant | null =>
  cal.addBusinessMillis(start, minutes * MS_PER_MINUTE);

/** The inverse of addBusinessMinutes. @example subtractBusinessMinutes(cal, monday9, 120) // Friday 16:00 */
export const subtractBusinessMinutes = (cal: BusinessCalendar, start: Instant, minutes: number): Instant | null =>
  cal.addBusinessMillis(start, -minutes * MS_PER_MINUTE);

/** Business minutes in [a, b), negative when b < a. @example businessMinutesBetween(cal, friday16, monday9) // 120 */
export const businessMinutesBetween = (cal: BusinessCalendar, a: Instant, b: Instant): number =>
  cal.businessMillisBetween(a, b) / MS_PER_MINUTE;

/** N business days later (see docs/semantics/end-of-day.md). @example addBusinessDays(cal, saturday, 1) // Monday's close */
export const addBusinessDays = (cal: BusinessCalendar, start: Instant, n: number, rounding?: DayRounding): Instant | null =>
  cal.addBusinessDays(start, n, rounding);

/** Close of the last window of the business day of `at`. @example endOfBusinessDay(cal, monday9) // Monday 17:00 */
export const endOfBusinessDay = (cal: BusinessCalendar, at: Instant): Instant | null => cal.endOfBusinessDay(at);

/** Open windows intersecting [from, to), clipped. @example [...openWindows(cal, mondayMidnight, tuesdayMidnight)] // [{start: 8:00, end: 17:00}] */
export const openWindows = (cal: BusinessCalendar, from: Instant, to: Instant): Iterable<OpenWindow> => cal.openWindows(from, to);
