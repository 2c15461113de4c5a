import { isRecord } from '../../json';
import { isKnownZone, MS_PER_DAY } from '../../time';
import { WEEKDAYS, type CalendarError } from '../types';
import type { HolidayProvider } from './provider';
import {
  Issues, joinPath, checkRange, checkOverlaps, checkDate, checkSource, checkCustomHoliday,
  checkExclusion, type Json, type LocalInterval,
} from './validate-parts';

/** Checks a calendar spec against every rule; an empty list means it compiles. */
export function validateSpec(spec: unknown, provider: HolidayProvider, path = ''): CalendarError[] {
  const issues = new Issues();
  checkSpec(spec, path, issues, provider);
  return issues.list;
}

function checkSpec(spec: unknown, path: string, issues: Issues, provider: HolidayProvider): void {
  if (!isRecord(spec)) return issues.add('CAL_MALFORMED', path, 'a calendar must be an object');
  if (spec.schemaVersion !== 1) issues.add('CAL_SCHEMA_VERSION', joinPath(path, 'schemaVersion'), 'schemaVersion must be 1');
  for (const key of ['id', 'name'] as const) {
    if (typeof spec[key] !== 'string' || spec[key] === '') issues.add('CAL_MALFORMED', joinPath(path, key), `"${key}" must be a non-empty string`);
  }
  checkList(spec.exclusions, joinPath(path, 'exclusions'), issues, (v, p) => checkExclusion(v, p, issues));
  if (spec.kind === 'weekly') return checkWeekly(spec, path, issues, provider);
  if (spec.kind === 'always') return checkZone(spec.timeZone ?? 'UTC', joinPath(path, 'timeZone'), issues);
  if (spec.kind === 'union' || spec.kind === 'intersection') return checkComposite(spec, path, issues, provider);
  issues.add('CAL_MALFORMED', joinPath(path, 'kind'), 'kind must be weekly, always, union or intersection');
}

function checkList(value: unknown, path: string, issues: Issues, each: (v: unknown, p: string) => void): void {
  if (value === undefined) return;
  if (!Array.isArray(value)) return issues.add('CAL_MALFORMED', path, 'must be a list');
  value.forEach((v, i) => each(v, joinPath(path, i)));
}

function checkZone(zone: unknown, path: string, issues: Issues): void {
  if (typeof zone !== 'string' || !isKnownZone(zone)) issues.add('CAL_UNKNOWN_ZONE', path, `${JSON.stringify(zone)} is not an IANA time zone`);
}

function checkComposite(spec: Json, path: string, issues: Issues, provider: HolidayProvider): void {
  const members = spec.members;
  const membersPath = joinPath(path, 'members');
  if (!Array.isArray(members)) return issues.add('CAL_MALFORMED', membersPath, 'members must be a list');
  if (members.length === 0) return issues.add('CAL_EMPTY_COMPOSITE', membersPath, 'a composite calendar needs at least one member');
  const seen = new Set<unknown>();
  members.forEach((member, i) => {
    const memberPath = joinPath(membersPath, i);
    checkSpec(member, memberPath, issues, provider);
    const id = isRecord(member) ? member.id : undefined;
    if (seen.has(id)) issues.add('CAL_DUPLICATE_ID', joinPath(memberPath, 'id'), `member id ${JSON.stringify(id)} is used twice`);
    seen.add(id);
  });
}

function checkWeekly(spec: Json, path: string, issues: Issues, provider: HolidayProvider): void {
  checkZone(spec.timeZone, joinPath(path, 'timeZone'), issues);
  const weekOpen = checkWeek(spec.week, joinPath(path, 'week'), issues);
  const overridesOpen = checkOverrides(spec.overrides, joinPath(path, 'overrides'), issues);
  if (!weekOpen && !overridesOpen) issues.add('CAL_NEVER_OPEN', joinPath(path, 'week'), 'the calendar has no opening hours on any day');
  const holidays = spec.holidays;
  const holidaysPath = joinPath(path, 'holidays');
  if (holidays === undefined) return;
  if (!isRecord(holidays)) return issues.add('CAL_MALFORMED', holidaysPath, 'holidays must be an object');
  checkList(holidays.sources, joinPath(holidaysPath, 'sources'), issues, (v, p) => checkSource(v, p, issues, provider));
  checkList(holidays.custom, joinPath(holidaysPath, 'custom'), issues, (v, p) => checkCustomHoliday(v, p, issues));
}

/**
 * Returns whether any weekday lists hours (valid or not, so a typo is reported once, as itself).
 * Overnight tails may not overlap the next day's hours.
 */
function checkWeek(week: unknown, path: string, issues: Issues): boolean {
  if (!isRecord(week)) {
    issues.add('CAL_MALFORMED', path, 'week must map weekdays (mon…sun) to interval lists');
    return false;
  }
  const placed: { at: number; iv: LocalInterval; path: string }[] = [];
  let listed = 0;
  for (const key of Object.keys(week)) {
    const index = WEEKDAYS.indexOf(key as (typeof WEEKDAYS)[number]);
    if (index < 0) issues.add('CAL_MALFORMED', joinPath(path, key), `"${key}" is not a weekday (mon…sun)`);
    else checkList(week[key], joinPath(path, key), issues, (v, p) => {
      listed++;
      const iv = checkRange(v, p, issues);
      if (iv) placed.push({ at: index * MS_PER_DAY, iv, path: p });
    });
  }
  checkOverlaps(placed, issues, 7 * MS_PER_DAY);
  return listed > 0;
}

function checkOverrides(overrides: unknown, path: string, issues: Issues): boolean {
  let open = false;
  checkList(overrides, path, issues, (value, p) => {
    if (!isRecord(value) || !Array.isArray(value.hours)) return issues.add('CAL_MALFORMED', p, 'an override needs "date" and "hours"');
    checkDate(value.date, joinPath(p, 'date'), issues);
    const placed: { at: number; iv: LocalInterval; path: string }[] = [];
    open ||= value.hours.length > 0;
    value.hours.forEach((h, i) => {
      const iv = checkRange(h, joinPath(joinPath(p, 'hours'), i), issues);
      if (iv) placed.push({ at: 0, iv, path: joinPath(joinPath(p, 'hours'), i) });
    });
    checkOverlaps(placed, issues);
  });
  return open;
}
