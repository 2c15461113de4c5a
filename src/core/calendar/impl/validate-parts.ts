/**
 * The parsers for the parts of a calendar spec (time ranges, dates, holidays, exclusions), written
 * in the core's one validation style (json/parse.ts): each takes (input, path, issues), reports every
 * problem with its calendar error code at the path of the offending value, and answers the checked
 * value or INVALID.
 */
import { MS_PER_DAY, parseLocalDate, parseWallTime, dayNumber } from '../../time';
import { isRecord } from '../../json';
import { array, formatPath, INVALID, optional, report, type Complaint, type Invalid, type ParseIssue, type Parser, type PathPart } from '../../json/parse';
import type { CalendarErrorCode, HolidayType } from '../types';
import type { HolidayProvider } from './provider';

/** Reports a calendar problem; every calendar issue carries one of the calendar error codes. */
export const fault = (issues: ParseIssue[], path: PathPart[], code: CalendarErrorCode, message: string): Invalid =>
  report(issues, path, message, code);

export const malformed = (message: string): Complaint => ({ code: 'CAL_MALFORMED' satisfies CalendarErrorCode, message });

/** A list that may be missing; anything else than a list is malformed. */
export const listOf = <T>(item: Parser<T>): Parser<T[] | undefined> => optional(array(item, malformed('must be a list')));

/** A validated local interval in milliseconds from the owning day's midnight; end may exceed a day. */
export interface LocalInterval { start: number; end: number }

/** One TimeRange; an end at or before the start crosses midnight into the next day. */
export const timeRange: Parser<LocalInterval> = (value, path, issues) => {
  if (!isRecord(value) || typeof value.start !== 'string' || typeof value.end !== 'string') {
    return fault(issues, path, 'CAL_MALFORMED', 'an interval needs string "start" and "end" times');
  }
  const start = parseWallTime(value.start);
  const end = parseWallTime(value.end);
  if (start === null || start === MS_PER_DAY) fault(issues, [...path, 'start'], 'CAL_BAD_TIME', `"${value.start}" is not a time of day (HH:mm or HH:mm:ss)`);
  if (end === null) fault(issues, [...path, 'end'], 'CAL_BAD_TIME', `"${value.end}" is not a time of day (HH:mm, HH:mm:ss or 24:00)`);
  if (start === null || end === null || start === MS_PER_DAY) return INVALID;
  if (start === end) return fault(issues, path, 'CAL_EMPTY_INTERVAL', `interval ${value.start}–${value.end} is empty; use 00:00–24:00 for a whole day`);
  return { start, end: end > start ? end : end + MS_PER_DAY };
};

/** An interval placed `at` ms into a timeline (a week, or one day), with where it was written. */
export interface Placed { at: number; iv: LocalInterval; path: PathPart[] }

/** Reports intervals that overlap once placed on a timeline of `period` ms (wrapping when given). */
export function checkOverlaps(placed: readonly Placed[], issues: ParseIssue[], period?: number): void {
  const spans = placed.map((p) => ({ s: p.at + p.iv.start, e: p.at + p.iv.end, path: p.path, name: formatPath(p.path) }));
  if (period !== undefined) {
    for (const span of [...spans]) if (span.e > period) spans.push({ ...span, s: span.s - period, e: span.e - period });
  }
  spans.sort((a, b) => a.s - b.s);
  for (let i = 1; i < spans.length; i++) {
    const prev = spans[i - 1];
    const cur = spans[i];
    if (prev && cur && cur.s < prev.e && cur.name !== prev.name) fault(issues, cur.path, 'CAL_OVERLAPPING_INTERVALS', `interval overlaps ${prev.name}`);
  }
}

/** A local date YYYY-MM-DD, as its day number. */
export const localDate: Parser<number> = (value, path, issues) => {
  const day = typeof value === 'string' ? parseLocalDate(value) : null;
  return day ?? fault(issues, path, 'CAL_BAD_DATE', `${JSON.stringify(value)} is not a date (YYYY-MM-DD)`);
};

const TYPES: readonly HolidayType[] = ['public', 'bank', 'optional', 'school', 'observance'];

/** A holiday source: a country (and state, region) the provider knows, and the holiday types to take. */
export const holidaySource = (provider: HolidayProvider): Parser<unknown> => (value, path, issues) => {
  if (!isRecord(value) || typeof value.country !== 'string') return fault(issues, path, 'CAL_MALFORMED', 'a holiday source needs a "country" code');
  const notText = ['state', 'region'].find((k) => value[k] !== undefined && typeof value[k] !== 'string');
  if (notText !== undefined) return fault(issues, [...path, notText], 'CAL_MALFORMED', 'must be a string');
  const types = value.types;
  const badTypes = types !== undefined && (!Array.isArray(types) || types.some((t) => !TYPES.includes(t as HolidayType)));
  if (badTypes) fault(issues, [...path, 'types'], 'CAL_BAD_HOLIDAY', `types must be a list of ${TYPES.join(', ')}`);
  const reason = provider.checkRegion({ country: value.country, state: value.state as string | undefined, region: value.region as string | undefined });
  if (reason !== null) return fault(issues, path, 'CAL_UNKNOWN_HOLIDAY_REGION', reason);
  return badTypes ? INVALID : value;
};

/** A custom holiday: named, one-off (`date`) or yearly (`month`, `day`), whole-day or `from`–`to`. */
export const customHoliday: Parser<unknown> = (value, path, issues) => {
  if (!isRecord(value) || typeof value.name !== 'string') return fault(issues, path, 'CAL_MALFORMED', 'a custom holiday needs a "name"');
  const oneOff = value.date !== undefined;
  const yearly = value.month !== undefined || value.day !== undefined;
  if (oneOff === yearly) return fault(issues, path, 'CAL_BAD_HOLIDAY', 'give either "date" or "month" and "day"');
  const count = issues.length;
  if (oneOff) localDate(value.date, [...path, 'date'], issues);
  else if (typeof value.month !== 'number' || typeof value.day !== 'number' || dayNumber(2000, value.month, value.day) === null) {
    fault(issues, path, 'CAL_BAD_DATE', 'month and day must name a calendar day (1–12, 1–31)');
  }
  partOfDay(value, path, issues);
  return issues.length === count ? value : INVALID;
};

/** The optional `from`–`to` of a partial holiday (whole day when both are missing). */
function partOfDay(value: Record<string, unknown>, path: PathPart[], issues: ParseIssue[]): void {
  const bound = (key: 'from' | 'to', fallback: number): number | null => {
    const raw = value[key];
    if (raw === undefined) return fallback;
    const parsed = typeof raw === 'string' ? parseWallTime(raw) : null;
    if (parsed === null) fault(issues, [...path, key], 'CAL_BAD_TIME', `${JSON.stringify(raw)} is not a time of day`);
    return parsed;
  };
  const from = bound('from', 0);
  const to = bound('to', MS_PER_DAY);
  if (from !== null && to !== null && to <= from) fault(issues, path, 'CAL_BAD_HOLIDAY', '"to" must be after "from"');
}

/** A maintenance exclusion: two instants with offsets, the end after the start. */
export const exclusion: Parser<unknown> = (value, path, issues) => {
  if (!isRecord(value)) return fault(issues, path, 'CAL_MALFORMED', 'an exclusion needs "start" and "end"');
  const start = parseInstant(value.start);
  const end = parseInstant(value.end);
  if (start === null || end === null) return fault(issues, path, 'CAL_BAD_EXCLUSION', 'start and end must be ISO-8601 instants with an offset or Z');
  if (end <= start) return fault(issues, path, 'CAL_BAD_EXCLUSION', 'end must be after start');
  return value;
};

const INSTANT_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

/** An ISO-8601 instant with an explicit offset; never read in the host zone. */
export function parseInstant(value: unknown): number | null {
  if (typeof value !== 'string' || !INSTANT_PATTERN.test(value)) return null;
  const ms = Date.parse(value);
  return Number.isFinite(ms) ? ms : null;
}
