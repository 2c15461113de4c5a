/**
 * Turns a validation issue (from the core validator run in the browser, or from the server) into
 * one plain sentence that names the thing: "Calendar "Madrid": Monday's second interval (13:00–19:00)
 * overlaps the first (08:00–14:00)." Codes are stable, so each code has its own wording; the engine's
 * message is used only for codes without one, and never with a path or an id left in it.
 */
import type { FieldIssue } from '@contract';
import type { PolicySpec } from '@core/browser';
import { pathSegments, valueAt } from './paths';
import { DAY_NAME, ordinal, rangeText, subjectParts } from './subject';

type Wording = (ctx: Ctx) => string | null;
interface Ctx { issue: FieldIssue; policy: PolicySpec; subject: string; last: string | number | undefined; value: unknown }

const show = (v: unknown): string => (typeof v === 'string' ? v : JSON.stringify(v) ?? 'nothing');

/** "interval overlaps calendars[0].week.mon[0]": the other interval, named relative to this one. */
function overlap({ issue, policy, subject }: Ctx): string {
  const relative = /overlaps (\S+)$/.exec(issue.message)?.[1];
  if (!relative) return `${subject} overlaps another interval.`;
  // The calendar engine names the other interval relative to its calendar ("week.mon[0]").
  const other = /^calendars\[/.test(relative) ? relative : `${/^calendars\[\d+\]/.exec(issue.path)?.[0] ?? ''}.${relative}`;
  const mine = pathSegments(issue.path);
  const theirs = pathSegments(other);
  const range = rangeText(valueAt(policy, other));
  const suffix = range ? ` (${range})` : '';
  const index = theirs[theirs.length - 1];
  const sameList = mine.slice(0, -1).join('/') === theirs.slice(0, -1).join('/');
  if (typeof index === 'number' && sameList) return `${subject} overlaps the ${ordinal(index)}${suffix}.`;
  const day = theirs[theirs.length - 2];
  const dayName = typeof day === 'string' ? DAY_NAME[day as keyof typeof DAY_NAME] : undefined;
  if (dayName && typeof index === 'number') return `${subject} overlaps ${dayName}'s ${ordinal(index)} interval${suffix}.`;
  return `${subject} overlaps another interval${suffix}.`;
}

function badTime({ subject, value, last }: Ctx): string {
  const which = last === 'start' ? 'opening time' : last === 'end' ? 'closing time' : last === 'from' ? '"closed from" time' : last === 'to' ? '"closed until" time' : 'time';
  return `${subject}: the ${which} ${show(value)} is not a time of day (use HH:mm, e.g. 09:00).`;
}

function malformed({ subject, last, issue }: Ctx): string {
  if (last === 'name' || /"name"/.test(issue.message)) return `${subject.replace(/, name$/, '')} needs a name.`;
  if (last === 'exclusions' || /exclusion/.test(issue.message)) return `${subject} needs a start and an end.`;
  return `${subject} is incomplete; fill it in or remove it.`;
}

function exclusion({ subject, issue }: Ctx): string {
  if (/after start/.test(issue.message)) return `${subject} ends before it starts; pick an end after the start.`;
  return `${subject} needs a start and an end date and time.`;
}

const WORDING: Record<string, Wording> = {
  CAL_OVERLAPPING_INTERVALS: overlap,
  CAL_EMPTY_INTERVAL: ({ subject }) => `${subject} opens and closes at the same time; use 00:00–24:00 for a whole day.`,
  CAL_BAD_TIME: badTime,
  CAL_BAD_DATE: ({ subject, value, last }) => (last === 'date' ? `${subject}: ${show(value)} is not a date on the calendar.` : `${subject}: the month and day do not name a day of the year.`),
  CAL_BAD_EXCLUSION: exclusion,
  CAL_MALFORMED: malformed,
  CAL_UNKNOWN_ZONE: ({ subject, value }) => `${subject}: ${show(value)} is not a time zone; pick one from the list.`,
  CAL_NEVER_OPEN: ({ subject }) => `${subject.replace(/, .*$/, '')} is never open: give it opening hours on at least one day.`,
  CAL_EMPTY_COMPOSITE: ({ subject }) => `${subject.replace(/, .*$/, '')} needs at least one member calendar.`,
  CAL_DUPLICATE_ID: ({ subject }) => `${subject.replace(/, .*$/, '')} appears twice; remove one copy.`,
  CAL_BAD_HOLIDAY: ({ subject, issue }) => (/"to" must be after/.test(issue.message) ? `${subject}: the closing time must be after the opening time.` : `${subject}: give either a date or a yearly month and day.`),
  CAL_UNKNOWN_HOLIDAY_REGION: ({ subject }) => `${subject}: this country or region has no public holiday data; pick another.`,
  POL_UNKNOWN_CALENDAR: ({ subject }) => `${subject.replace(/, calendar$/, '')} uses a calendar that is not in this policy; pick another calendar.`,
  POL_PROPERTY_TOO_LARGE: () => 'This policy has too many metrics: their SLAs would not fit in the 32 KB Jira allows per issue. Remove a metric.',
  POL_DUPLICATE_GOAL: ({ subject }) => `${subject} appears twice in this metric; remove one copy.`,
  POL_BAD_METRIC_KEY: ({ subject }) => `${subject.replace(/, key$/, '')} has a key that is not a short word (a letter, then letters or digits).`,
  POL_DUPLICATE_METRIC: ({ subject }) => `${subject.replace(/, key$/, '')} has the same key as another metric; give it another.`,
};

/** Engine messages that are not sentences yet ("Expected at least 1 character(s).") read as what to do. */
function structural({ subject, last, issue }: Ctx): string {
  if (/at least 1 character/.test(issue.message) && last === 'name') return `${subject.replace(/, name$/, '')} needs a name.`;
  if (/at least 1 character/.test(issue.message)) return `${subject} cannot be empty.`;
  return `${subject} is not filled in correctly.`;
}

/** Keeps an engine sentence, with any leftover path or quoted id taken out. */
function fallback(ctx: Ctx): string {
  const { subject, issue } = ctx;
  if (/^Expected /.test(issue.message)) return structural(ctx);
  const cleaned = issue.message.replace(/\s*\b(calendars|metrics)(\[\d+\]|\.[\w]+)+/g, '').trim();
  const sentence = /[.!?]$/.test(cleaned) ? cleaned : `${cleaned}.`;
  return subject ? `${subject}: ${sentence.charAt(0).toLowerCase()}${sentence.slice(1)}` : sentence;
}

/** The issue with its message rewritten for people; path and code are kept for routing and tests. */
export function explainIssue(issue: FieldIssue, policy: PolicySpec): FieldIssue {
  const segments = pathSegments(issue.path);
  const subject = subjectParts(policy, issue.path).join(', ');
  const ctx: Ctx = { issue, policy, subject: subject || 'The policy', last: segments[segments.length - 1], value: valueAt(policy, issue.path) };
  const wording = WORDING[issue.code];
  return { ...issue, message: (wording ? wording(ctx) : null) ?? fallback(ctx) };
}

export function explainIssues(issues: readonly FieldIssue[], policy: PolicySpec): FieldIssue[] {
  return issues.map((i) => explainIssue(i, policy));
}
