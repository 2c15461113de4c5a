/** Sensible starting points, so a new admin edits something that already works. */
import type { CalendarSpec, TimeRange, Weekday, WeeklyCalendarSpec, Goal, MetricSpec, PolicySpec } from '@core/browser';
import { uniqueId } from './edit';

const OFFICE_HOURS: TimeRange[] = [{ start: '09:00', end: '17:00' }];
const WORKDAYS: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri'];

/** The viewer's zone is the most likely zone of their support team. */
export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

export function newWeeklyCalendar(taken: readonly string[], timeZone = browserTimeZone()): WeeklyCalendarSpec {
  const week: WeeklyCalendarSpec['week'] = {};
  for (const day of WORKDAYS) week[day] = OFFICE_HOURS.map((r) => ({ ...r }));
  return { schemaVersion: 1, kind: 'weekly', id: uniqueId('business-hours', taken), name: 'Business hours', timeZone, week };
}

export function newAlwaysCalendar(taken: readonly string[]): CalendarSpec {
  return { schemaVersion: 1, kind: 'always', id: uniqueId('24x7', taken), name: '24x7', timeZone: 'UTC' };
}

export function newUnionCalendar(taken: readonly string[], members: CalendarSpec[]): CalendarSpec {
  return { schemaVersion: 1, kind: 'union', id: uniqueId('follow-the-sun', taken), name: 'Follow the sun', members };
}

/** Open only when every member is open, e.g. office hours within a support contract's window. */
export function newIntersectionCalendar(taken: readonly string[], members: CalendarSpec[]): CalendarSpec {
  return { schemaVersion: 1, kind: 'intersection', id: uniqueId('overlap', taken), name: 'Open when all are open', members };
}

export function newGoal(taken: readonly string[], calendarId: string): Goal {
  return {
    id: uniqueId('goal', taken),
    name: 'All issues',
    match: {},
    target: { kind: 'minutes', minutes: 8 * 60 },
    calendar: { kind: 'fixed', calendarId },
  };
}

export function newMetric(taken: readonly string[], calendarId: string): MetricSpec {
  const key = uniqueId('response', taken).replace(/-/g, '');
  return {
    key,
    name: 'Time to first response',
    mode: 'once',
    start: [{ kind: 'issueCreated' }],
    pause: [],
    stop: [{ kind: 'commentByAgent' }, { kind: 'resolutionSet' }],
    goals: [newGoal([], calendarId)],
    warnings: [{ kind: 'percent', percent: 75 }],
  };
}

/** One business-hours calendar and a first-response metric: a complete, valid policy. */
export function newPolicy(): PolicySpec {
  const calendar = newWeeklyCalendar([]);
  return { schemaVersion: 1, name: 'Support SLA', calendars: [calendar], metrics: [newMetric([], calendar.id)] };
}
