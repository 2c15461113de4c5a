/**
 * Calendar specifications: the JSON an admin saves, validated once into a BusinessCalendar.
 * Instants (core/time) are epoch milliseconds (UTC); local wall times are "HH:mm" or
 * "HH:mm:ss" strings in the calendar's IANA zone; local dates are "YYYY-MM-DD".
 */
import type { Instant } from '../time/instant';

export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';
export const WEEKDAYS: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/**
 * A local opening interval. `end` may be "24:00" (end of day). `end` < `start` crosses midnight
 * (22:00–06:00 belongs to the weekday it starts on). `start` == `end` is rejected, except
 * 00:00–24:00 which is the whole day.
 */
export interface TimeRange {
  start: string;
  end: string;
}

export type HolidayType = 'public' | 'bank' | 'optional' | 'school' | 'observance';

/** Holidays from date-holidays, e.g. {country: 'ES', state: 'MD'} or {country: 'DE', state: 'SN'}. */
export interface HolidaySource {
  country: string;
  state?: string;
  region?: string;
  /** Defaults to ['public']. */
  types?: HolidayType[];
}

/** A custom holiday: one-off (`date`) or yearly (`month` + `day`), whole day or partial. */
export interface CustomHoliday {
  name: string;
  /** One-off: "YYYY-MM-DD". */
  date?: string;
  /** Yearly recurring: month 1–12 and day 1–31. */
  month?: number;
  day?: number;
  /** Partial holiday: closed from `from` (default 00:00) to `to` (default 24:00), local time. */
  from?: string;
  to?: string;
}

/** A date with its own hours, replacing the weekday's hours (empty `hours` = closed that day). */
export interface DateOverride {
  date: string;
  hours: TimeRange[];
  note?: string;
}

/** Announced maintenance and similar: no business time accrues in [start, end). ISO-8601 instants with offset or Z. */
export interface ExclusionWindow {
  start: string;
  end: string;
  reason?: string;
}

interface CalendarSpecBase {
  schemaVersion: 1;
  id: string;
  name: string;
  exclusions?: ExclusionWindow[];
}

export interface WeeklyCalendarSpec extends CalendarSpecBase {
  kind: 'weekly';
  timeZone: string;
  week: Partial<Record<Weekday, TimeRange[]>>;
  holidays?: { sources?: HolidaySource[]; custom?: CustomHoliday[] };
  overrides?: DateOverride[];
}

/** Open around the clock, every day (exclusion windows still apply). */
export interface AlwaysOpenCalendarSpec extends CalendarSpecBase {
  kind: 'always';
  /** Zone used only for business-day arithmetic and display. Defaults to UTC. */
  timeZone?: string;
}

/** Union: open when any member is open (follow-the-sun). Intersection: open when all are. */
export interface CompositeCalendarSpec extends CalendarSpecBase {
  kind: 'union' | 'intersection';
  members: CalendarSpec[];
}

export type CalendarSpec = WeeklyCalendarSpec | AlwaysOpenCalendarSpec | CompositeCalendarSpec;

/** Stable validation error codes for calendar specs. */
export type CalendarErrorCode =
  | 'CAL_SCHEMA_VERSION'
  | 'CAL_MALFORMED'
  | 'CAL_UNKNOWN_ZONE'
  | 'CAL_BAD_TIME'
  | 'CAL_EMPTY_INTERVAL'
  | 'CAL_OVERLAPPING_INTERVALS'
  | 'CAL_BAD_DATE'
  | 'CAL_UNKNOWN_HOLIDAY_REGION'
  | 'CAL_BAD_HOLIDAY'
  | 'CAL_BAD_EXCLUSION'
  | 'CAL_NEVER_OPEN'
  | 'CAL_EMPTY_COMPOSITE'
  | 'CAL_DUPLICATE_ID';

export interface CalendarError {
  code: CalendarErrorCode;
  /** JSON path of the offending value, e.g. "week.mon[1].end". */
  path: string;
  message: string;
}

/**
 * Where in the Nth business day a business-day goal falls due: at the time of day already elapsed at
 * the start ('sameTime', the default) or at that day's close ('endOfDay', "by the end of the Nth
 * business day").
 */
export type DayRounding = 'sameTime' | 'endOfDay';

/** A half-open open window [start, end). */
export interface OpenWindow {
  start: Instant;
  end: Instant;
}

/**
 * A validated, immutable calendar. All operations are pure and never loop without bound: a search
 * that finds no open time within SEARCH_HORIZON_YEARS returns null.
 */
export interface BusinessCalendar {
  readonly id: string;
  readonly name: string;
  /** Reference zone: for business days and display (a composite uses its first member's zone). */
  readonly timeZone: string;
  readonly spec: CalendarSpec;
  isOpen(at: Instant): boolean;
  /** `at` itself when open, else the next opening instant; null if none within the horizon. */
  nextOpen(at: Instant): Instant | null;
  /** The end of the open window containing or following `at`; null if it never closes within the horizon. */
  nextClose(at: Instant): Instant | null;
  /** Business milliseconds in [a, b); negative when b < a. */
  businessMillisBetween(a: Instant, b: Instant): number;
  /** The instant at which `ms` business milliseconds have elapsed from `start` (ms < 0 goes backward). */
  addBusinessMillis(start: Instant, ms: number): Instant | null;
  /** Open windows intersecting [from, to), clipped to it, in order. */
  openWindows(from: Instant, to: Instant): Iterable<OpenWindow>;
  /** N business days after `start` (see README, "Business days"); 'endOfDay' gives the close of that day. */
  addBusinessDays(start: Instant, days: number, rounding?: DayRounding): Instant | null;
  /** Close of the business day `at` falls in (or of the next business day when closed). */
  endOfBusinessDay(at: Instant): Instant | null;
  /** If closed at `at` because of an exclusion window, that window (of several, the one ending last); else null. */
  exclusionAt(at: Instant): ExclusionWindow | null;
  /**
   * If closed at `at` because of exclusion windows, the first instant after it at which they no
   * longer keep it closed: the calendar opens, or its hours alone would keep it closed; else null.
   */
  exclusionUntil(at: Instant): Instant | null;
}
