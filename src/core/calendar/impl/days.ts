import type { IANAZone } from 'luxon';
import { MS_PER_DAY, fromLocal, toLocal } from '../../time';
import { SEARCH_HORIZON_YEARS, type Timeline } from './timeline';

/** Business-day steps beyond this many are outside the search horizon. */
const MAX_DAY_STEPS = SEARCH_HORIZON_YEARS * 366;

/** A local date of the reference zone: its UTC bounds and its business time read on the wall clock. */
interface Day {
  readonly start: number;
  readonly end: number;
  readonly total: number;
}

/**
 * Business days: a business day is a local date in the calendar's reference zone with open time.
 * Days are found by jumping from one day's end to the next opening, so closed stretches cost one
 * search each, not one step per calendar day. Time within a day is read on the wall clock, so a DST
 * change inside open hours neither adds nor removes an hour (Sunday 10:00 + 1 day = Monday 10:00 on 24x7).
 */
export class BusinessDays {
  constructor(private readonly zone: IANAZone, private readonly timeline: Timeline) {}

  private dayOf(instant: number): Day {
    const local = Math.floor(toLocal(this.zone, instant) / MS_PER_DAY);
    const start = fromLocal(this.zone, local * MS_PER_DAY);
    const end = fromLocal(this.zone, (local + 1) * MS_PER_DAY);
    return { start, end, total: this.wallTime(start, end) };
  }

  /** Wall-clock length of an open piece; a piece inside a fall-back overlap counts as nothing. */
  private length(piece: readonly [number, number]): number {
    return Math.max(0, toLocal(this.zone, piece[1]) - toLocal(this.zone, piece[0]));
  }

  /** Business time in [from, to) read on the wall clock of the reference zone. */
  private wallTime(from: number, to: number): number {
    let sum = 0;
    for (const piece of this.timeline.pieces(from, to)) sum += this.length(piece);
    return sum;
  }

  /** The business day of `at`, or of the next opening when closed. */
  private businessDayOf(at: number): Day | null {
    const open = this.timeline.nextOpen(at);
    return open === null ? null : this.dayOf(open);
  }

  private nextBusinessDay(day: Day): Day | null {
    return this.businessDayOf(day.end);
  }

  /** The instant on `day` at which `elapsed` wall-clock business time has passed, clamped to its close. */
  private reach(day: Day, elapsed: number): number | null {
    let left = Math.min(elapsed, day.total);
    for (const piece of this.timeline.pieces(day.start, day.end)) {
      const length = this.length(piece);
      if (left === length) return piece[1];
      if (left < length) return Math.min(piece[1], Math.max(piece[0], fromLocal(this.zone, toLocal(this.zone, piece[0]) + left)));
      left -= length;
    }
    return null;
  }

  endOfBusinessDay(at: number): number | null {
    const day = this.businessDayOf(at);
    return day === null ? null : this.reach(day, day.total);
  }

  /**
   * With d0 the business day of `start` and e the business time elapsed on d0 before `start`:
   * the instant on the Nth following business day at which e has elapsed (clamped to that day's
   * close); when e = 0, the close of d(N-1). With `endOfDay`, the close of that same target day
   * ("due by the end of the Nth business day"): the day is chosen exactly as above, so the two
   * roundings never disagree on which day is due, only on the time within it.
   */
  addBusinessDays(start: number, days: number, endOfDay = false): number | null {
    if (days === 0) return start;
    if (!Number.isInteger(days) || days < 0 || days > MAX_DAY_STEPS) return null;
    let day = this.businessDayOf(start);
    if (day === null) return null;
    const elapsed = this.wallTime(day.start, start);
    const steps = elapsed > 0 ? days : days - 1;
    for (let k = 0; k < steps && day !== null; k++) day = this.nextBusinessDay(day);
    if (day === null) return null;
    return this.reach(day, elapsed > 0 && !endOfDay ? elapsed : day.total);
  }
}
