/**
 * The hours of the week that no calendar of a policy covers, read on one zone's wall clock: a minute
 * of the week counts as covered when any calendar is open during it in any week of the horizon, so a
 * holiday or a single closed week does not show up as a gap, and a calendar in another zone is placed
 * where its hours fall in this zone (both DST readings count).
 */
import type { IANAZone } from 'luxon';
import type { BusinessCalendar, Weekday } from '../calendar/types';
import type { Instant } from '../time';
import { WEEKDAYS } from '../calendar/types';
import { MS_PER_DAY, MS_PER_MINUTE, offsetAt, toLocal, weekdayIndex, zoneOf } from '../time';

const MINUTES_PER_DAY = 1440;
const MINUTES_PER_WEEK = 7 * MINUTES_PER_DAY;

export interface WeekGap {
  /** The weekday the gap starts on; `end` may be on a later day ("fri 17:00" to "mon 09:00"). */
  from: { weekday: Weekday; time: string };
  to: { weekday: Weekday; time: string };
  minutes: number;
}

export interface UncoveredWeek {
  timeZone: string;
  gaps: WeekGap[];
  minutesPerWeek: number;
}

/** Minute of the week (0 = Monday 00:00) of an instant's wall-clock reading in `zone`. */
function minuteOfWeek(zone: IANAZone, t: Instant): number {
  const local = toLocal(zone, t);
  const day = Math.floor(local / MS_PER_DAY);
  return weekdayIndex(day) * MINUTES_PER_DAY + Math.floor((local - day * MS_PER_DAY) / MS_PER_MINUTE);
}

/** Marks the window's minutes; true when it spans a whole week (everything is covered). */
function markWindow(covered: Uint8Array, zone: IANAZone, start: Instant, end: Instant): boolean {
  const length = Math.ceil((end - start) / MS_PER_MINUTE);
  if (length >= MINUTES_PER_WEEK) return true;
  if (offsetAt(zone, start) === offsetAt(zone, end)) {
    const first = minuteOfWeek(zone, start);
    for (let k = 0; k < length; k++) covered[(first + k) % MINUTES_PER_WEEK] = 1;
    return false;
  }
  // A DST change inside the window (twice a year): walk it minute by minute on the instant.
  for (let k = 0; k < length; k++) covered[minuteOfWeek(zone, start + k * MS_PER_MINUTE)] = 1;
  return false;
}

const clock = (minute: number): { weekday: Weekday; time: string } => {
  const day = Math.floor(minute / MINUTES_PER_DAY) % 7;
  const m = minute % MINUTES_PER_DAY;
  return { weekday: WEEKDAYS[day] as Weekday, time: `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}` };
};

/** Runs of uncovered minutes; a run through Sunday midnight continues into Monday (the week wraps). */
function gapsOf(covered: Uint8Array): WeekGap[] {
  const firstCovered = covered.indexOf(1);
  if (firstCovered < 0) return [{ from: clock(0), to: clock(0), minutes: MINUTES_PER_WEEK }];
  const gaps: WeekGap[] = [];
  let k = firstCovered;
  while (k < firstCovered + MINUTES_PER_WEEK) {
    if (covered[k % MINUTES_PER_WEEK] === 1) { k++; continue; }
    const start = k;
    while (k < firstCovered + MINUTES_PER_WEEK && covered[k % MINUTES_PER_WEEK] === 0) k++;
    gaps.push({ from: clock(start % MINUTES_PER_WEEK), to: clock(k % MINUTES_PER_WEEK), minutes: k - start });
  }
  return gaps.sort((a, b) => WEEKDAYS.indexOf(a.from.weekday) - WEEKDAYS.indexOf(b.from.weekday) || a.from.time.localeCompare(b.from.time));
}

/**
 * Week minutes open on none of the calendars over [from, to), as gaps on `timeZone`'s wall clock.
 * @example uncoveredWeek([saxony], jan1, dec31, 'Europe/Berlin').gaps[0] // mon 00:00 → mon 09:00
 */
export function uncoveredWeek(calendars: readonly BusinessCalendar[], from: Instant, to: Instant, timeZone: string): UncoveredWeek {
  const zone = zoneOf(timeZone) as IANAZone;
  const covered = new Uint8Array(MINUTES_PER_WEEK);
  for (const calendar of calendars) {
    for (const w of calendar.openWindows(from, to)) {
      if (markWindow(covered, zone, w.start, w.end)) return { timeZone, gaps: [], minutesPerWeek: 0 };
    }
  }
  const gaps = gapsOf(covered);
  return { timeZone, gaps, minutesPerWeek: gaps.reduce((sum, g) => sum + g.minutes, 0) };
}
