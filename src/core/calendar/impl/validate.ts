/**
 * Calendar validation, in the core's one validation style (json/parse.ts): the spec is checked by
 * parsers combined from the shared combinators and the calendar's own parts (validate-parts.ts);
 * every problem is reported, in document order, with its stable code and JSON path.
 */
import { isRecord } from '../../json';
import { array, codedErrors, INVALID, object, optional, type ParseIssue, type Parser, type PathPart } from '../../json/parse';
import { isKnownZone, MS_PER_DAY } from '../../time';
import { WEEKDAYS, type CalendarError, type CalendarErrorCode } from '../types';
import type { HolidayProvider } from './provider';
import {
  customHoliday, checkOverlaps, exclusion, fault, holidaySource, listOf, localDate, malformed, timeRange,
  type LocalInterval, type Placed,
} from './validate-parts';

/** Checks a calendar spec against every rule; an empty list means it compiles. */
export function validateSpec(spec: unknown, provider: HolidayProvider): CalendarError[] {
  const issues: ParseIssue[] = [];
  calendarSpec(provider)(spec, [], issues);
  // Every calendar parser reports through `fault` or a CAL_MALFORMED complaint, so each issue has its code.
  return codedErrors<CalendarErrorCode>(issues, 'CAL_MALFORMED');
}

/** The checks of one kind of calendar, on a spec already known to be an object. */
type KindRules = (spec: Record<string, unknown>, path: PathPart[], issues: ParseIssue[]) => void;

const nonEmpty = (key: string): Parser<string> => (value, path, issues) =>
  typeof value === 'string' && value !== '' ? value : fault(issues, path, 'CAL_MALFORMED', `"${key}" must be a non-empty string`);

const header = object({
  schemaVersion: (value, path, issues) => (value === 1 ? 1 : fault(issues, path, 'CAL_SCHEMA_VERSION', 'schemaVersion must be 1')),
  id: nonEmpty('id'),
  name: nonEmpty('name'),
  exclusions: listOf(exclusion),
});

const zone: Parser<string> = (value, path, issues) =>
  typeof value === 'string' && isKnownZone(value) ? value : fault(issues, path, 'CAL_UNKNOWN_ZONE', `${JSON.stringify(value)} is not an IANA time zone`);

function calendarSpec(provider: HolidayProvider): Parser<unknown> {
  const kinds = new Map<unknown, KindRules>();
  const spec: Parser<unknown> = (input, path, issues) => {
    if (!isRecord(input)) return fault(issues, path, 'CAL_MALFORMED', 'a calendar must be an object');
    const before = issues.length;
    header(input, path, issues);
    const rules = kinds.get(input.kind);
    if (rules) rules(input, path, issues);
    else fault(issues, [...path, 'kind'], 'CAL_MALFORMED', 'kind must be weekly, always, union or intersection');
    return issues.length === before ? input : INVALID;
  };
  kinds.set('weekly', weekly(provider)).set('always', always).set('union', composite(spec)).set('intersection', composite(spec));
  return spec;
}

const always: KindRules = (spec, path, issues) => void zone(spec.timeZone ?? 'UTC', [...path, 'timeZone'], issues);

/** Members are whole calendars with distinct ids; a composite needs at least one. */
const composite = (member: Parser<unknown>): KindRules => (spec, path, issues) => {
  const at = [...path, 'members'];
  if (Array.isArray(spec.members) && spec.members.length === 0) return void fault(issues, at, 'CAL_EMPTY_COMPOSITE', 'a composite calendar needs at least one member');
  const seen = new Set<unknown>();
  const distinct: Parser<unknown> = (value, p, found) => {
    const checked = member(value, p, found);
    const id = isRecord(value) ? value.id : undefined;
    if (seen.has(id)) return fault(found, [...p, 'id'], 'CAL_DUPLICATE_ID', `member id ${JSON.stringify(id)} is used twice`);
    seen.add(id);
    return checked;
  };
  array(distinct, malformed('members must be a list'))(spec.members, at, issues);
};

const weekly = (provider: HolidayProvider): KindRules => {
  const holidays = optional(object({ sources: listOf(holidaySource(provider)), custom: listOf(customHoliday) }, malformed('holidays must be an object')));
  return (spec, path, issues) => {
    zone(spec.timeZone, [...path, 'timeZone'], issues);
    week(spec.week, [...path, 'week'], issues);
    listOf(override)(spec.overrides, [...path, 'overrides'], issues);
    if (!listsHours(spec)) fault(issues, [...path, 'week'], 'CAL_NEVER_OPEN', 'the calendar has no opening hours on any day');
    holidays(spec.holidays, [...path, 'holidays'], issues);
  };
};

/** Whether any weekday or override lists hours, valid or not (so a typo is reported once, as itself). */
function listsHours(spec: Record<string, unknown>): boolean {
  const { week, overrides } = spec;
  const inWeek = isRecord(week) && Object.keys(week).some((k) => isWeekday(k) && Array.isArray(week[k]) && week[k].length > 0);
  const inOverrides = Array.isArray(overrides) && overrides.some((o) => isRecord(o) && Array.isArray(o.hours) && o.hours.length > 0);
  return inWeek || inOverrides;
}

const isWeekday = (key: string): boolean => WEEKDAYS.includes(key as (typeof WEEKDAYS)[number]);

/** A time range that, once checked, is placed `at` ms into a timeline for the overlap check. */
const placedRange = (at: number, placed: Placed[]): Parser<LocalInterval> => (value, path, issues) => {
  const iv = timeRange(value, path, issues);
  if (iv !== INVALID) placed.push({ at, iv, path });
  return iv;
};

/** Weekdays (mon…sun) to interval lists; overnight tails may not overlap the next day's hours. */
const week: Parser<unknown> = (input, path, issues) => {
  if (!isRecord(input)) return fault(issues, path, 'CAL_MALFORMED', 'week must map weekdays (mon…sun) to interval lists');
  const before = issues.length;
  const placed: Placed[] = [];
  for (const key of Object.keys(input)) {
    const index = WEEKDAYS.indexOf(key as (typeof WEEKDAYS)[number]);
    if (index < 0) fault(issues, [...path, key], 'CAL_MALFORMED', `"${key}" is not a weekday (mon…sun)`);
    else listOf(placedRange(index * MS_PER_DAY, placed))(input[key], [...path, key], issues);
  }
  checkOverlaps(placed, issues, 7 * MS_PER_DAY);
  return issues.length === before ? input : INVALID;
};

/** One dated exception: its date and the hours that replace the week's on that day. */
const override: Parser<unknown> = (value, path, issues) => {
  if (!isRecord(value) || !Array.isArray(value.hours)) return fault(issues, path, 'CAL_MALFORMED', 'an override needs "date" and "hours"');
  const before = issues.length;
  const placed: Placed[] = [];
  localDate(value.date, [...path, 'date'], issues);
  array(placedRange(0, placed))(value.hours, [...path, 'hours'], issues);
  checkOverlaps(placed, issues);
  return issues.length === before ? value : INVALID;
};
