import type { IANAZone } from 'luxon';
import { zoneOf } from '../../time';
import type { BusinessCalendar, CalendarSpec, DayRounding, ExclusionWindow, OpenWindow } from '../types';
import type { Instant } from '../../time';
import { BusinessDays } from './days';
import { projectorFor, referenceZone } from './project';
import type { HolidayProvider } from './provider';
import { Timeline } from './timeline';
import { parseInstant } from './validate-parts';

/** The immutable calendar behind every public verb. */
export class CompiledCalendar implements BusinessCalendar {
  readonly id: string;
  readonly name: string;
  readonly timeZone: string;
  private readonly timeline: Timeline;
  private readonly days: BusinessDays;
  private withoutExclusions: Timeline | null = null;
  private members: CompiledCalendar[] | null = null;

  constructor(readonly spec: CalendarSpec, private readonly provider: HolidayProvider) {
    this.id = spec.id;
    this.name = spec.name;
    this.timeZone = referenceZone(spec);
    this.timeline = new Timeline(projectorFor(spec, provider));
    this.days = new BusinessDays(zoneOf(this.timeZone) as IANAZone, this.timeline);
  }

  isOpen(at: Instant): boolean {
    return Number.isFinite(at) && this.timeline.isOpen(at);
  }

  nextOpen(at: Instant): Instant | null {
    return Number.isFinite(at) ? this.timeline.nextOpen(at) : null;
  }

  nextClose(at: Instant): Instant | null {
    return Number.isFinite(at) ? this.timeline.nextClose(at) : null;
  }

  businessMillisBetween(a: Instant, b: Instant): number {
    return Number.isFinite(a) && Number.isFinite(b) ? this.timeline.between(a, b) : Number.NaN;
  }

  addBusinessMillis(start: Instant, ms: number): Instant | null {
    if (!Number.isFinite(start) || !Number.isFinite(ms)) return null;
    if (ms === 0) return start;
    return ms > 0 ? this.timeline.addForward(start, ms) : this.timeline.addBackward(start, -ms);
  }

  openWindows(from: Instant, to: Instant): Iterable<OpenWindow> {
    return this.timeline.windows(from, to);
  }

  addBusinessDays(start: Instant, days: number, rounding: DayRounding = 'sameTime'): Instant | null {
    return Number.isFinite(start) ? this.days.addBusinessDays(start, days, rounding === 'endOfDay') : null;
  }

  endOfBusinessDay(at: Instant): Instant | null {
    return Number.isFinite(at) ? this.days.endOfBusinessDay(at) : null;
  }

  /**
   * The window closing `at` that would otherwise be open: of the calendar's own windows covering `at`
   * and those of members closed by their own, the one ending last (then starting first, then by
   * reason), so the answer never depends on the order the windows are listed in.
   */
  exclusionAt(at: Instant): ExclusionWindow | null {
    if (!this.closedByExclusions(at)) return null;
    const own = (this.spec.exclusions ?? []).filter((x) => at >= (parseInstant(x.start) ?? 0) && at < (parseInstant(x.end) ?? 0));
    this.members ??= 'members' in this.spec ? this.spec.members.map((m) => new CompiledCalendar(m, this.provider)) : [];
    const members = this.members.map((m) => m.exclusionAt(at)).filter((x): x is ExclusionWindow => x !== null);
    return [...own, ...members].sort(byLastEnd)[0] ?? null;
  }

  /**
   * The first instant after `at` at which exclusion windows no longer keep the calendar closed: it
   * opens again (another union member may open before the windows end), or it would be closed even
   * without any window (closing time, weekend, holiday). Null when `at` is not closed by a window.
   */
  exclusionUntil(at: Instant): Instant | null {
    if (!this.closedByExclusions(at)) return null;
    const reopens = this.timeline.nextOpen(at);
    const hours = this.hoursOnly();
    if (reopens !== null && hours.between(at, reopens) === reopens - at) return reopens;
    // The hours close before the calendar reopens (or it never reopens within the horizon).
    return hours.nextClose(at) ?? parseInstant(this.exclusionAt(at)?.end) ?? at;
  }

  /** Closed at `at`, but open without its (and its members') exclusion windows. */
  private closedByExclusions(at: Instant): boolean {
    if (!Number.isFinite(at) || !hasExclusions(this.spec) || this.timeline.isOpen(at)) return false;
    return this.hoursOnly().isOpen(at);
  }

  /** The calendar as it would be without any exclusion window. */
  private hoursOnly(): Timeline {
    this.withoutExclusions ??= new Timeline(projectorFor(this.spec, this.provider, false));
    return this.withoutExclusions;
  }
}

/** Latest end first, then earliest start, then by text (reason, then the instants as written): a total order. */
function byLastEnd(a: ExclusionWindow, b: ExclusionWindow): number {
  const end = (parseInstant(b.end) ?? 0) - (parseInstant(a.end) ?? 0);
  const start = (parseInstant(a.start) ?? 0) - (parseInstant(b.start) ?? 0);
  const text = (x: ExclusionWindow): string => `${x.reason ?? ''}\u0000${x.start}\u0000${x.end}`;
  return end || start || (text(a) < text(b) ? -1 : text(a) > text(b) ? 1 : 0);
}

/** True when the spec or any composite member declares exclusion windows. */
function hasExclusions(spec: CalendarSpec): boolean {
  if ((spec.exclusions ?? []).length > 0) return true;
  return 'members' in spec && spec.members.some(hasExclusions);
}
