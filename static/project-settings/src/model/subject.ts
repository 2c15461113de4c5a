/**
 * Names the thing a validation path points at, in the words of the settings page: the path
 * "calendars[1].week.mon[1]" reads "Calendar "Late shift", Monday's second interval (13:00–19:00)".
 * Paths stay internal (they route a message to its field); people only ever read these names.
 */
import type { CalendarSpec, Weekday, PolicySpec } from '@core/browser';
import { pathSegments } from './paths';

export const DAY_NAME: Record<Weekday, string> = {
  mon: 'Monday', tue: 'Tuesday', wed: 'Wednesday', thu: 'Thursday', fri: 'Friday', sat: 'Saturday', sun: 'Sunday',
};

const ORDINALS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth'];

/** "second" for index 1; past the tenth, "number 12". */
export function ordinal(index: number): string {
  return ORDINALS[index] ?? `number ${index + 1}`;
}

type Seg = string | number;
type Node = Record<string, unknown>;

const isNode = (v: unknown): v is Node => typeof v === 'object' && v !== null;
const text = (v: unknown): string => (typeof v === 'string' ? v.trim() : '');
const quoted = (name: string, fallback: string): string => (name ? `"${name}"` : fallback);

/** "08:00–12:00" for an interval value, or '' when it is not one. */
export function rangeText(value: unknown): string {
  return isNode(value) && typeof value.start === 'string' && typeof value.end === 'string' ? `${value.start}–${value.end}` : '';
}

/** The parts of a calendar path after "calendars[i]", as words. */
function calendarParts(cal: unknown, rest: Seg[]): string[] {
  const [head, index, ...more] = rest;
  const node = isNode(cal) ? cal : {};
  if (head === 'week' && typeof index === 'string') {
    const day = DAY_NAME[index as Weekday] ?? index;
    const k = more[0];
    if (typeof k !== 'number') return [`${day}'s hours`];
    const range = rangeText((node.week as Record<string, unknown[]> | undefined)?.[index]?.[k]);
    return [`${day}'s ${ordinal(k)} interval${range ? ` (${range})` : ''}`];
  }
  if (head === 'overrides' && typeof index === 'number') return [overridePart(node, index, more)];
  if (head === 'exclusions' && typeof index === 'number') {
    const ex = (node.exclusions as unknown[] | undefined)?.[index];
    return [`exclusion ${quoted(text(isNode(ex) ? ex.reason : ''), String(index + 1))}`];
  }
  if (head === 'holidays') return [holidayPart(node, rest.slice(1))];
  if (head === 'members' && typeof index === 'number') {
    const member = (node.members as unknown[] | undefined)?.[index];
    return [`member ${quoted(text(isNode(member) ? member.name : ''), String(index + 1))}`, ...calendarParts(member, more)];
  }
  if (head === 'timeZone') return ['time zone'];
  if (head === 'name') return ['name'];
  return [];
}

function overridePart(cal: Node, index: number, more: Seg[]): string {
  const o = (cal.overrides as unknown[] | undefined)?.[index];
  const date = text(isNode(o) ? o.date : '');
  const base = `special date ${date || index + 1}`;
  const k = more[1];
  if (more[0] !== 'hours' || typeof k !== 'number') return base;
  const range = rangeText(isNode(o) && Array.isArray(o.hours) ? o.hours[k] : undefined);
  return `${base}, ${ordinal(k)} interval${range ? ` (${range})` : ''}`;
}

function holidayPart(cal: Node, rest: Seg[]): string {
  const [list, index] = rest;
  const holidays = isNode(cal.holidays) ? cal.holidays : {};
  if (list === 'custom' && typeof index === 'number') {
    const h = (holidays.custom as unknown[] | undefined)?.[index];
    return `company holiday ${quoted(text(isNode(h) ? h.name : ''), String(index + 1))}`;
  }
  if (list === 'sources' && typeof index === 'number') return `public holiday region ${index + 1}`;
  return 'holidays';
}

const CONDITION_LIST: Record<string, string> = { start: 'start condition', pause: 'pause condition', stop: 'stop condition' };
const ACTION_LIST: Record<string, string> = { warningActions: 'warning action', breachActions: 'breach action' };

function metricParts(metric: unknown, rest: Seg[]): string[] {
  const [head, index] = rest;
  const node = isNode(metric) ? metric : {};
  if (head === 'goals' && typeof index === 'number') {
    const goal = (node.goals as unknown[] | undefined)?.[index];
    const field = rest[2] === 'target' ? ['target'] : rest[2] === 'calendar' ? ['calendar'] : rest[2] === 'match' ? ['criteria'] : [];
    return [`goal ${quoted(text(isNode(goal) ? goal.name : ''), String(index + 1))}`, ...field];
  }
  if (typeof head === 'string' && CONDITION_LIST[head]) {
    return [typeof index === 'number' ? `${CONDITION_LIST[head]} ${index + 1}` : `${CONDITION_LIST[head]}s`];
  }
  if (typeof head === 'string' && ACTION_LIST[head] && typeof index === 'number') return [`${ACTION_LIST[head]} ${index + 1}`];
  if (head === 'warnings' && typeof index === 'number') return [`warning ${index + 1}`];
  if (head === 'goals') return ['goals'];
  if (head === 'name') return ['name'];
  if (head === 'key') return ['key'];
  return [];
}

/**
 * The words for a path, outermost first, e.g. ['Calendar "Madrid"', "Monday's second interval (13:00–19:00)"].
 * @example subjectParts(policy, 'metrics[0].goals[1].target') // ['Metric "Response"', 'goal "High"', 'target']
 */
export function subjectParts(policy: PolicySpec, path: string): string[] {
  const [root, index, ...rest] = pathSegments(path);
  if (root === 'calendars' && typeof index === 'number') {
    const cal: CalendarSpec | undefined = policy.calendars[index];
    return [`Calendar ${quoted(text(cal?.name), String(index + 1))}`, ...calendarParts(cal, rest)];
  }
  if (root === 'metrics' && typeof index === 'number') {
    const metric = policy.metrics[index];
    return [`Metric ${quoted(text(metric?.name), String(index + 1))}`, ...metricParts(metric, rest)];
  }
  if (root === 'name') return ['Policy name'];
  return [];
}
