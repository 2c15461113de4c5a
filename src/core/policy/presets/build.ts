/** Small builders that keep the preset catalogue readable. */
import { calendarPreset } from '../../calendar/presets';
import type { CalendarSpec, HolidaySource } from '../../calendar/types';
import type { Condition, Goal, GoalMatch, GoalTarget, MetricSpec } from '../types';

export const hours = (h: number): GoalTarget => ({ kind: 'minutes', minutes: h * 60 });
export const businessDays = (days: number): GoalTarget => ({ kind: 'businessDays', days });

export function goal(id: string, name: string, match: GoalMatch, target: GoalTarget, calendarId: string): Goal {
  return { id, name, match, target, calendar: { kind: 'fixed', calendarId } };
}

/** Calendar presets by id; the ids used here are all defined by the calendar module. */
export function calendars(ids: readonly string[]): CalendarSpec[] {
  return ids.map((id) => calendarPreset(id)).filter((c): c is CalendarSpec => c !== null);
}

/** A weekly calendar that also closes on a region's public holidays; other kinds are returned unchanged. */
export function withHolidays(cal: CalendarSpec, source: HolidaySource): CalendarSpec {
  if (cal.kind !== 'weekly') return cal;
  return { ...cal, holidays: { ...cal.holidays, sources: [...(cal.holidays?.sources ?? []), source] } };
}

export function inStatus(statusIds: string[]): Condition[] {
  return statusIds.length > 0 ? [{ kind: 'inStatus', statusIds }] : [];
}

/** Time to first response: from creation to the first public agent comment (or resolution). */
export function responseMetric(goals: Goal[], extra: Partial<MetricSpec> = {}): MetricSpec {
  return {
    key: 'response',
    name: 'Time to first response',
    mode: 'once',
    start: [{ kind: 'issueCreated' }],
    pause: [],
    stop: [{ kind: 'commentByAgent' }, { kind: 'resolutionSet' }],
    goals,
    onGoalChange: 'keepElapsed',
    warnings: [{ kind: 'percent', percent: 80 }],
    breachActions: [{ kind: 'label', label: 'sla-response-breached' }],
    ...extra,
  };
}
