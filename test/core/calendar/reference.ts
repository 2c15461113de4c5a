import { DateTime } from 'luxon';
import type { TimeRange, Weekday, WeeklyCalendarSpec } from '../../../src/core/calendar';

/**
 * A deliberately naive reference for weekly calendars with whole-minute hours: boundaries are
 * found by stepping through instants and reading the zone's wall clock, and business time by
 * stepping minute by minute. Slow and obviously right, it shares no code with the engine.
 */
const MINUTE = 60_000;
const HOUR = 3_600_000;
const DAYS: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

const wall = (instant: number, zone: string): number => {
  const dt = DateTime.fromMillis(instant, { zone });
  return instant + dt.offset * MINUTE;
};

/** The instant a wall reading denotes: the earliest match, or past a DST gap by the gap's length. */
export function naiveBoundary(wallMs: number, zone: string): number {
  // Start well before any instant that could read wallMs (DST moves clocks by at most 2 h).
  let u = wallMs - (wall(wallMs, zone) - wallMs) - 3 * HOUR;
  while (wall(u, zone) < wallMs) u += MINUTE;
  const reading = wall(u, zone);
  if (reading === wallMs) return u;
  const gapStart = wall(u - MINUTE, zone) + MINUTE;
  return u + (wallMs - gapStart);
}

const minutesOf = (text: string): number => Number(text.slice(0, 2)) * 60 + Number(text.slice(3, 5));

/** Open [start, end) instants for the local days overlapping [from, to), holidays removed. */
export function naiveOpenIntervals(spec: WeeklyCalendarSpec, from: number, to: number): [number, number][] {
  const zone = spec.timeZone;
  const firstDay = Math.floor(wall(from, zone) / 86_400_000) - 2;
  const lastDay = Math.floor(wall(to, zone) / 86_400_000) + 1;
  const holidays = new Set((spec.holidays?.custom ?? []).map((h) => h.date));
  const open: [number, number][] = [];
  for (let day = firstDay; day <= lastDay; day++) {
    const weekday = DAYS[(((day + 3) % 7) + 7) % 7] as Weekday;
    for (const range of spec.week[weekday] ?? []) {
      const s = minutesOf(range.start);
      const e = minutesOf(range.end) <= s ? minutesOf(range.end) + 1440 : minutesOf(range.end);
      open.push([naiveBoundary(day * 86_400_000 + s * MINUTE, zone), naiveBoundary(day * 86_400_000 + e * MINUTE, zone)]);
    }
  }
  const closed: [number, number][] = [];
  for (let day = firstDay; day <= lastDay; day++) {
    if (holidays.has(new Date(day * 86_400_000).toISOString().slice(0, 10))) {
      closed.push([naiveBoundary(day * 86_400_000, zone), naiveBoundary((day + 1) * 86_400_000, zone)]);
    }
  }
  return open.filter(([s, e]) => e > s).flatMap((iv) => removeAll(iv, closed));
}

function removeAll(iv: [number, number], holes: [number, number][]): [number, number][] {
  let pieces: [number, number][] = [iv];
  for (const [hs, he] of holes) {
    pieces = pieces.flatMap(([s, e]) => [[s, Math.min(e, hs)], [Math.max(s, he), e]] as [number, number][]).filter(([s, e]) => e > s);
  }
  return pieces;
}

export const naiveIsOpen = (open: [number, number][], t: number): boolean => open.some(([s, e]) => s <= t && t < e);

/** Business minutes in [a, b) for minute-aligned a <= b, one minute at a time. */
export function naiveMinutesBetween(open: [number, number][], a: number, b: number): number {
  let count = 0;
  for (let t = a; t < b; t += MINUTE) if (naiveIsOpen(open, t)) count++;
  return count;
}

/** The end of the minute in which the d-th business minute after `start` elapses; null past `limit`. */
export function naiveAddMinutes(open: [number, number][], start: number, minutes: number, limit: number): number | null {
  let count = 0;
  for (let t = start; t < limit; t += MINUTE) {
    if (naiveIsOpen(open, t) && ++count === minutes) return t + MINUTE;
  }
  return null;
}

export type { TimeRange };
