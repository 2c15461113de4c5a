/**
 * The longest wall-clock wait from a ticket's arrival to its due instant on one calendar, over a
 * horizon of arrivals. Exact at minute resolution: instead of trying every minute, f(t) = due(t) − t
 * is read only around the instants where its shape can change, and the argument for why those
 * suffice is given per target kind below.
 */
import type { IANAZone } from 'luxon';
import type { BusinessCalendar } from '../calendar/types';
import type { Instant } from '../time';
import type { GoalTarget } from '../policy/types';
import { MS_PER_DAY, MS_PER_MINUTE, fromLocal, offsetAt, toLocal, zoneOf } from '../time';

export interface WorstCase {
  /** The arrival at which the wait is longest (the earliest such arrival). */
  arrival: Instant;
  due: Instant;
  wallMs: number;
}

type TimedTarget = Exclude<GoalTarget, { kind: 'trackOnly' }>;

export function dueFor(calendar: BusinessCalendar, target: TimedTarget, arrival: Instant): Instant | null {
  if (target.kind === 'minutes') return calendar.addBusinessMillis(arrival, Math.round(target.minutes * MS_PER_MINUTE));
  return calendar.addBusinessDays(arrival, target.days, target.endOfDay === true ? 'endOfDay' : 'sameTime');
}

/**
 * Arrivals in [from, to] (minute steps) whose wait could be the longest.
 *
 * Minutes goals: while the calendar is open, one more minute of arrival moves the due instant by one
 * business minute, which takes at least one wall minute, so f never decreases; while it is closed the
 * due instant stays put and f falls by a minute per minute. The maximum over any open stretch and the
 * closed stretch after it is therefore at the closing instant itself (a ticket arriving as the office
 * closes); only the horizon's own ends need adding.
 *
 * Business-day goals: the due instant is read on the target day at the wall-clock business time e
 * already elapsed on the arrival day. f is constant while both days are open, falls while the arrival
 * day is closed or the target day is clamped at its close, and jumps where e crosses a break of the
 * target day, where e restarts at 0 (an opening) and at DST changes of either day. So f is constant or
 * falling between consecutive events of both days, and its maximum is within a minute after one of
 * them; every such event is mapped back to the arrival day and read one minute either side.
 */
export function candidateArrivals(calendar: BusinessCalendar, target: TimedTarget, from: Instant, to: Instant): Instant[] {
  const out = [from, from + MS_PER_MINUTE, to - MS_PER_MINUTE, to];
  if (target.kind === 'minutes') {
    for (const w of calendar.openWindows(from, to)) out.push(w.end);
    return out;
  }
  const zone = zoneOf(calendar.timeZone) as IANAZone;
  for (let day = localDay(zone, from); dayStart(zone, day) <= to; day++) {
    for (const t of dayEvents(calendar, zone, target, day)) out.push(t - MS_PER_MINUTE, t, t + MS_PER_MINUTE);
  }
  return out.filter((t) => t >= from && t <= to);
}

const localDay = (zone: IANAZone, t: Instant): number => Math.floor(toLocal(zone, t) / MS_PER_DAY);
const dayStart = (zone: IANAZone, day: number): Instant => fromLocal(zone, day * MS_PER_DAY);

interface Piece { from: Instant; to: Instant; wall: number }

/** Open pieces of a local day with their wall-clock lengths (DST inside a piece is read on the wall clock). */
function piecesOf(calendar: BusinessCalendar, zone: IANAZone, day: number): Piece[] {
  const out: Piece[] = [];
  for (const w of calendar.openWindows(dayStart(zone, day), dayStart(zone, day + 1))) {
    out.push({ from: w.start, to: w.end, wall: Math.max(0, toLocal(zone, w.end) - toLocal(zone, w.start)) });
  }
  return out;
}

/** Wall business time elapsed on the day at each piece boundary and DST change inside a piece. */
function elapsedMarks(pieces: readonly Piece[], zone: IANAZone): number[] {
  const marks: number[] = [];
  let sum = 0;
  for (const p of pieces) {
    marks.push(sum);
    for (const x of offsetChanges(zone, p.from, p.to)) marks.push(sum + Math.max(0, toLocal(zone, x) - toLocal(zone, p.from)));
    sum += p.wall;
    marks.push(sum);
  }
  return marks;
}

/** The instant on the day at which `e` wall business time has elapsed (clamped to the day's close). */
function instantAt(pieces: readonly Piece[], zone: IANAZone, e: number): Instant | null {
  let left = e;
  for (const p of pieces) {
    if (left <= p.wall) return Math.min(p.to, Math.max(p.from, fromLocal(zone, toLocal(zone, p.from) + left)));
    left -= p.wall;
  }
  return pieces.at(-1)?.to ?? null;
}

/** Events of an arrival day: its own piece boundaries and DST changes, and those of its target day mapped back. */
function dayEvents(calendar: BusinessCalendar, zone: IANAZone, target: TimedTarget, day: number): Instant[] {
  const pieces = piecesOf(calendar, zone, day);
  const first = pieces[0];
  if (first === undefined) return offsetChanges(zone, dayStart(zone, day), dayStart(zone, day + 1));
  const marks = elapsedMarks(pieces, zone);
  const dueOfLast = dueFor(calendar, target, first.from + 1);
  if (dueOfLast !== null && target.kind === 'businessDays' && target.endOfDay !== true) {
    marks.push(...elapsedMarks(piecesOf(calendar, zone, localDay(zone, dueOfLast - 1)), zone));
  }
  const out = offsetChanges(zone, dayStart(zone, day), dayStart(zone, day + 1));
  for (const e of marks) {
    const t = instantAt(pieces, zone, e);
    if (t !== null) out.push(t);
  }
  return out;
}

/** The instant in (from, to] where the zone's offset changes (at most one: callers pass a day or less). */
function offsetChanges(zone: IANAZone, from: Instant, to: Instant): Instant[] {
  if (offsetAt(zone, from) === offsetAt(zone, to)) return [];
  let lo = from;
  let hi = to;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (offsetAt(zone, mid) === offsetAt(zone, from)) lo = mid;
    else hi = mid;
  }
  return [hi];
}

/**
 * The longest wait over arrivals in [from, to]; null when some arrival is never due within the
 * calendar's search horizon (the wait is unbounded) or the target is track-only.
 * @example worstCase(saxony, { kind: 'minutes', minutes: 240 }, jan1, dec31) // Easter: 4 days 4 h
 */
export function worstCase(calendar: BusinessCalendar, target: GoalTarget, from: Instant, to: Instant): WorstCase | null {
  if (target.kind === 'trackOnly') return null;
  let best: WorstCase | null = null;
  const arrivals = [...new Set(candidateArrivals(calendar, target, from, to))].sort((a, b) => a - b);
  for (const arrival of arrivals) {
    const due = dueFor(calendar, target, arrival);
    if (due === null) return null;
    if (best === null || due - arrival > best.wallMs) best = { arrival, due, wallMs: due - arrival };
  }
  return best;
}
