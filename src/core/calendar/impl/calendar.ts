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

  /** The window closing `at` that would otherwise be open: the calendar's own, else a member's. */
  exclusionAt(at: Instant): ExclusionWindow | null {
    if (!Number.isFinite(at) || !hasExclusions(this.spec) || this.timeline.isOpen(at)) return null;
    this.withoutExclusions ??= new Timeline(projectorFor(this.spec, this.provider, false));
    if (!this.withoutExclusions.isOpen(at)) return null;
    const own = (this.spec.exclusions ?? []).find((x) => at >= (parseInstant(x.start) ?? 0) && at < (parseInstant(x.end) ?? 0));
    if (own) return own;
    this.members ??= 'members' in this.spec ? this.spec.members.map((m) => new CompiledCalendar(m, this.provider)) : [];
    for (const member of this.members) {
      const window = member.exclusionAt(at);
      if (window) return window;
    }
    return null;
  }
}

/** True when the spec or any composite member declares exclusion windows. */
function hasExclusions(spec: CalendarSpec): boolean {
  if ((spec.exclusions ?? []).length > 0) return true;
  return 'members' in spec && spec.members.some(hasExclusions);
}
