/**
 * Business-time arithmetic over a cycle's segments: elapsed time, and the instant at which elapsed
 * time reaches a threshold (breach, warnings) — projected into the future for a running cycle.
 */
import type { BusinessCalendar } from '../calendar/types';
import type { Instant } from '../time';
import type { Goal } from '../policy/types';
import type { RawCycle } from './machine';

const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = 86_400_000;

export interface TimedSegment {
  from: Instant;
  /** null: the open tail of a running cycle (counted up to now, projected beyond it). */
  to: Instant | null;
  calendar: BusinessCalendar | null;
  goalMs: number | null;
  paused: boolean;
  /** Elapsed business ms of the cycle at `from`, and at `to` (or now for the tail). */
  e0: number;
  e1: number;
}

/** Business ms in [a, b) on a calendar; without a calendar (no goal matched) wall-clock time counts. */
function between(calendar: BusinessCalendar | null, a: Instant, b: Instant): number {
  if (b <= a) return 0;
  return calendar ? calendar.businessMillisBetween(a, b) : b - a;
}

function advance(calendar: BusinessCalendar | null, from: Instant, ms: number): Instant | null {
  return calendar ? calendar.addBusinessMillis(from, ms) : from + ms;
}

/**
 * A goal in business ms. Business days are converted once, at the cycle start, on the goal's calendar:
 * N business days = the business time between the start and addBusinessDays(start, N), rounded to
 * that day's close for an end-of-day goal.
 */
export function goalMillis(goal: Goal | null, calendar: BusinessCalendar | null, cycleStart: Instant): number | null {
  if (goal === null) return null;
  const t = goal.target;
  if (t.kind === 'minutes') return Math.round(t.minutes * MS_PER_MINUTE);
  if (t.kind === 'trackOnly') return null;
  if (calendar === null) return t.days * MS_PER_DAY;
  const end = calendar.addBusinessDays(cycleStart, t.days, t.endOfDay === true ? 'endOfDay' : 'sameTime');
  return end === null ? null : calendar.businessMillisBetween(cycleStart, end);
}

/**
 * The calendar each segment counts on. A segment without a goal counts on the calendar of the next
 * goal the cycle gets (its time is business time of that goal once one applies), else on the wall clock.
 */
function segmentCalendars(cycle: RawCycle, calendars: ReadonlyMap<string, BusinessCalendar>): (BusinessCalendar | null)[] {
  const out: (BusinessCalendar | null)[] = new Array<BusinessCalendar | null>(cycle.segments.length).fill(null);
  let later: BusinessCalendar | null = null;
  for (let i = cycle.segments.length - 1; i >= 0; i--) {
    const id = cycle.segments[i]?.calendarId ?? null;
    if (id !== null) later = calendars.get(id) ?? null;
    out[i] = later;
  }
  return out;
}

export function timeSegments(cycle: RawCycle, calendars: ReadonlyMap<string, BusinessCalendar>, now: Instant): TimedSegment[] {
  const out: TimedSegment[] = [];
  const counted = segmentCalendars(cycle, calendars);
  let elapsed = 0;
  // Consecutive segments usually share goal and calendar (they differ by pause only): convert once.
  let prev: { goal: Goal | null; calendarId: string | null; goalMs: number | null } | null = null;
  for (let i = 0; i < cycle.segments.length; i++) {
    const seg = cycle.segments[i];
    if (!seg) continue;
    const calendar = counted[i] ?? null;
    const to = cycle.segments[i + 1]?.from ?? cycle.stoppedAt;
    if (!prev || prev.goal !== seg.goal || prev.calendarId !== seg.calendarId) {
      prev = { goal: seg.goal, calendarId: seg.calendarId, goalMs: goalMillis(seg.goal, calendar, cycle.startedAt) };
    }
    const e0 = elapsed;
    if (!seg.pause) elapsed += between(calendar, seg.from, Math.min(to ?? now, now));
    out.push({ from: seg.from, to, calendar, goalMs: prev.goalMs, paused: seg.pause !== null, e0, e1: elapsed });
  }
  return out;
}

/**
 * The first instant at which elapsed time reaches `threshold(goalMs)` of the goal in force, or null.
 * A goal that shrinks below the time already elapsed is reached at the moment it changes.
 */
export function crossingInstant(segments: readonly TimedSegment[], threshold: (goalMs: number) => number): Instant | null {
  for (const s of segments) {
    if (s.goalMs === null) continue;
    const limit = threshold(s.goalMs);
    if (s.e0 >= limit) return s.from;
    if (s.paused) continue;
    if (s.to === null || s.e1 >= limit) return advance(s.calendar, s.from, limit - s.e0);
  }
  return null;
}

/**
 * The instant a warning threshold was reached under the goal in force, or its projected instant:
 * the start of the run of time over which elapsed time has stayed at or past `threshold(goal)`. A
 * goal change that already passes the threshold reaches it at the change; one that no longer does
 * clears it (and the new crossing is projected). After the breach nothing changes any more.
 */
export function warningInstant(segments: readonly TimedSegment[], threshold: (goalMs: number) => number): Instant | null {
  let since: Instant | null = null;
  for (const s of segments) {
    if (s.goalMs === null) {
      since = null;
      continue;
    }
    const limit = threshold(s.goalMs);
    if (s.e0 >= limit) since ??= s.from;
    else since = s.paused || (s.to !== null && s.e1 < limit) ? null : advance(s.calendar, s.from, limit - s.e0);
    if (s.e1 >= s.goalMs) break; // breached: the warnings stay as they stood at the breach
  }
  return since;
}
