import { MS_PER_DAY, parseLocalDate, parseWallTime, dayNumber } from '../../time';
import { isRecord } from '../../json';
import type { CalendarError, CalendarErrorCode, HolidayType } from '../types';
import type { HolidayProvider } from './provider';

/** Collects errors with their JSON paths. */
export class Issues {
  readonly list: CalendarError[] = [];
  add(code: CalendarErrorCode, path: string, message: string): void {
    this.list.push({ code, path, message });
  }
}

export type Json = Record<string, unknown>;
const join = (base: string, key: string | number): string =>
  typeof key === 'number' ? `${base}[${key}]` : base ? `${base}.${key}` : key;
export { join as joinPath };

/** A validated local interval in milliseconds from the owning day's midnight; end may exceed a day. */
export interface LocalInterval { start: number; end: number }

/** Parses one TimeRange; an end at or before the start crosses midnight into the next day. */
export function checkRange(value: unknown, path: string, issues: Issues): LocalInterval | null {
  if (!isRecord(value) || typeof value.start !== 'string' || typeof value.end !== 'string') {
    issues.add('CAL_MALFORMED', path, 'an interval needs string "start" and "end" times');
    return null;
  }
  const start = parseWallTime(value.start);
  const end = parseWallTime(value.end);
  if (start === null || start === MS_PER_DAY) issues.add('CAL_BAD_TIME', join(path, 'start'), `"${value.start}" is not a time of day (HH:mm or HH:mm:ss)`);
  if (end === null) issues.add('CAL_BAD_TIME', join(path, 'end'), `"${value.end}" is not a time of day (HH:mm, HH:mm:ss or 24:00)`);
  if (start === null || end === null || start === MS_PER_DAY) return null;
  if (start === end) {
    issues.add('CAL_EMPTY_INTERVAL', path, `interval ${value.start}–${value.end} is empty; use 00:00–24:00 for a whole day`);
    return null;
  }
  return { start, end: end > start ? end : end + MS_PER_DAY };
}

/** Reports intervals that overlap once placed on a timeline of `period` ms (wrapping when given). */
export function checkOverlaps(placed: { at: number; iv: LocalInterval; path: string }[], issues: Issues, period?: number): void {
  const spans = placed.map((p) => ({ s: p.at + p.iv.start, e: p.at + p.iv.end, path: p.path }));
  if (period !== undefined) {
    for (const span of [...spans]) if (span.e > period) spans.push({ s: span.s - period, e: span.e - period, path: span.path });
  }
  spans.sort((a, b) => a.s - b.s);
  for (let i = 1; i < spans.length; i++) {
    const prev = spans[i - 1];
    const cur = spans[i];
    if (prev && cur && cur.s < prev.e && cur.path !== prev.path) {
      issues.add('CAL_OVERLAPPING_INTERVALS', cur.path, `interval overlaps ${prev.path}`);
    }
  }
}

export function checkDate(value: unknown, path: string, issues: Issues): number | null {
  const day = typeof value === 'string' ? parseLocalDate(value) : null;
  if (day === null) issues.add('CAL_BAD_DATE', path, `${JSON.stringify(value)} is not a date (YYYY-MM-DD)`);
  return day;
}

const TYPES: readonly HolidayType[] = ['public', 'bank', 'optional', 'school', 'observance'];

export function checkSource(value: unknown, path: string, issues: Issues, provider: HolidayProvider): void {
  if (!isRecord(value) || typeof value.country !== 'string') {
    issues.add('CAL_MALFORMED', path, 'a holiday source needs a "country" code');
    return;
  }
  const optional = ['state', 'region'].filter((k) => value[k] !== undefined && typeof value[k] !== 'string');
  if (optional.length > 0) return issues.add('CAL_MALFORMED', join(path, optional[0] as string), 'must be a string');
  const types = value.types;
  if (types !== undefined && (!Array.isArray(types) || types.some((t) => !TYPES.includes(t as HolidayType)))) {
    issues.add('CAL_BAD_HOLIDAY', join(path, 'types'), `types must be a list of ${TYPES.join(', ')}`);
  }
  const reason = provider.checkRegion({ country: value.country, state: value.state as string | undefined, region: value.region as string | undefined });
  if (reason !== null) issues.add('CAL_UNKNOWN_HOLIDAY_REGION', path, reason);
}

export function checkCustomHoliday(value: unknown, path: string, issues: Issues): void {
  if (!isRecord(value) || typeof value.name !== 'string') return issues.add('CAL_MALFORMED', path, 'a custom holiday needs a "name"');
  const oneOff = value.date !== undefined;
  const yearly = value.month !== undefined || value.day !== undefined;
  if (oneOff === yearly) return issues.add('CAL_BAD_HOLIDAY', path, 'give either "date" or "month" and "day"');
  if (oneOff) checkDate(value.date, join(path, 'date'), issues);
  else if (typeof value.month !== 'number' || typeof value.day !== 'number' || dayNumber(2000, value.month, value.day) === null) {
    issues.add('CAL_BAD_DATE', path, 'month and day must name a calendar day (1–12, 1–31)');
  }
  checkPartial(value, path, issues);
}

function checkPartial(value: Json, path: string, issues: Issues): void {
  const bound = (key: 'from' | 'to', fallback: number): number | null => {
    const raw = value[key];
    if (raw === undefined) return fallback;
    const parsed = typeof raw === 'string' ? parseWallTime(raw) : null;
    if (parsed === null) issues.add('CAL_BAD_TIME', join(path, key), `${JSON.stringify(raw)} is not a time of day`);
    return parsed;
  };
  const from = bound('from', 0);
  const to = bound('to', MS_PER_DAY);
  if (from !== null && to !== null && to <= from) issues.add('CAL_BAD_HOLIDAY', path, '"to" must be after "from"');
}

export function checkExclusion(value: unknown, path: string, issues: Issues): void {
  if (!isRecord(value)) return issues.add('CAL_MALFORMED', path, 'an exclusion needs "start" and "end"');
  const start = parseInstant(value.start);
  const end = parseInstant(value.end);
  if (start === null || end === null) return issues.add('CAL_BAD_EXCLUSION', path, 'start and end must be ISO-8601 instants with an offset or Z');
  if (end <= start) issues.add('CAL_BAD_EXCLUSION', path, 'end must be after start');
}

const INSTANT_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

/** An ISO-8601 instant with an explicit offset; never read in the host zone. */
export function parseInstant(value: unknown): number | null {
  if (typeof value !== 'string' || !INSTANT_PATTERN.test(value)) return null;
  const ms = Date.parse(value);
  return Number.isFinite(ms) ? ms : null;
}
